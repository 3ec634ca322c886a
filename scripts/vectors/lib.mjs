// Shared helpers for the vector scripts: Cal.com's envelope functions as Cal.com writes them, the strict reading
// rules of credsync, and deterministic JSON output. Node built-ins only.

import crypto from "node:crypto";

/** The cipher name Cal.com passes to Node (`packages/lib/crypto.ts`). */
export const ALGORITHM = "aes256";

/** The schema identifier every vector file carries. */
export const SCHEMA = "credsync-vectors/1";

/** The label `KeyCheckValue` runs HMAC-SHA256 over (Sources/Credsync/Envelope/KeyCheckValue.swift). */
export const KCV_LABEL = "credsync key-check value v1";

/**
 * Cal.com's `symmetricEncrypt`, with the IV passed in instead of drawn at random.
 * @param {string} text
 * @param {string} key
 * @param {Buffer} iv
 */
export function symmetricEncrypt(text, key, iv) {
    const cipher = crypto.createCipheriv(ALGORITHM, Buffer.from(key, "latin1"), iv);
    let ciphered = cipher.update(text, "utf8", "hex");
    ciphered += cipher.final("hex");
    return iv.toString("hex") + ":" + ciphered;
}

/** Encrypts raw bytes (which need not be UTF-8) exactly as `symmetricEncrypt` would encrypt their text. */
export function encryptBytes(bytes, key, iv) {
    const cipher = crypto.createCipheriv(ALGORITHM, Buffer.from(key, "latin1"), iv);
    return iv.toString("hex") + ":" + Buffer.concat([cipher.update(bytes), cipher.final()]).toString("hex");
}

/** Encrypts whole blocks with padding turned off, for envelopes whose padding is deliberately wrong. */
export function encryptRawBlocks(bytes, key, iv) {
    const cipher = crypto.createCipheriv(ALGORITHM, Buffer.from(key, "latin1"), iv);
    cipher.setAutoPadding(false);
    return iv.toString("hex") + ":" + Buffer.concat([cipher.update(bytes), cipher.final()]).toString("hex");
}

/**
 * Cal.com's `symmetricDecrypt`, line for line: split on ":", the first piece is the IV, the rest joined back
 * with ":" is the ciphertext, hex in, UTF-8 out.
 * @param {string} text
 * @param {string} key
 */
export function symmetricDecrypt(text, key) {
    const _key = Buffer.from(key, "latin1");
    const components = text.split(":");
    const ivFromCiphertext = Buffer.from(components.shift() || "", "hex");
    const decipher = crypto.createDecipheriv(ALGORITHM, _key, ivFromCiphertext);
    let deciphered = decipher.update(components.join(":"), "hex", "utf8");
    deciphered += decipher.final("utf8");
    return deciphered;
}

/** The same steps as `symmetricDecrypt` with a Buffer result, to see the exact plaintext bytes. */
export function symmetricDecryptBytes(text, key) {
    const components = text.split(":");
    const iv = Buffer.from(components.shift() || "", "hex");
    const decipher = crypto.createDecipheriv(ALGORITHM, Buffer.from(key, "latin1"), iv);
    return Buffer.concat([decipher.update(components.join(":"), "hex"), decipher.final()]);
}

/** Maps a Node error to the credsync `EnvelopeError` code name. */
export function codeForNodeError(error) {
    const nodeError = error.code ?? error.name;
    const map = {
        ERR_CRYPTO_INVALID_IV: "invalid-iv",
        ERR_INVALID_ARG_VALUE: "odd-hex-length",
        ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH: "wrong-final-block-length",
        ERR_OSSL_BAD_DECRYPT: "bad-decrypt",
        ERR_CRYPTO_INVALID_KEYLEN: "key-length",
        SyntaxError: "plaintext-not-json",
    };
    if (!(nodeError in map)) {
        throw new Error(`no credsync code for Node error ${nodeError}: ${error.message}`);
    }
    return { error: map[nodeError], nodeError };
}

/** The compatible verdict for the text layer: what Cal.com's `symmetricDecrypt` does. */
export function compatibleText(envelope, key) {
    try {
        return { result: "valid", plaintext: symmetricDecrypt(envelope, key) };
    } catch (error) {
        return { result: "invalid", ...codeForNodeError(error) };
    }
}

/** The compatible verdict for the JSON layer: `JSON.parse(symmetricDecrypt(...))`. */
export function compatibleJSON(envelope, key) {
    try {
        const value = JSON.parse(symmetricDecrypt(envelope, key));
        return { result: "valid", serialized: JSON.stringify(value) };
    } catch (error) {
        return { result: "invalid", ...codeForNodeError(error) };
    }
}

const isHex = (unit) => (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x66) || (unit >= 0x41 && unit <= 0x46);

/**
 * The strict verdict for the text layer, written from the rules in vectors/README.md (not from the Swift code):
 * one ":", hex digits only, lowercase only, a 32-digit IV, an even ciphertext length, a positive multiple of 32
 * digits, valid padding, valid UTF-8. The first rule broken names the error.
 */
export function strictText(envelope, key) {
    const units = [...envelope].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]));
    const colons = units.filter((u) => u === 0x3a).length;
    if (colons !== 1) {
        return { result: "invalid", error: "separator" };
    }
    if (units.some((u) => u !== 0x3a && !isHex(u))) {
        return { result: "invalid", error: "non-hex-character" };
    }
    if (units.some((u) => u >= 0x41 && u <= 0x46)) {
        return { result: "invalid", error: "uppercase-hex" };
    }
    const [ivText, cipherText] = envelope.split(":");
    if (ivText.length !== 32) {
        return { result: "invalid", error: "invalid-iv" };
    }
    if (cipherText.length % 2 !== 0) {
        return { result: "invalid", error: "odd-hex-length" };
    }
    if (cipherText.length === 0 || cipherText.length % 32 !== 0) {
        return { result: "invalid", error: "wrong-final-block-length" };
    }
    let bytes;
    try {
        const decipher = crypto.createDecipheriv("aes-256-cbc", Buffer.from(key, "latin1"), Buffer.from(ivText, "hex"));
        bytes = Buffer.concat([decipher.update(Buffer.from(cipherText, "hex")), decipher.final()]);
    } catch {
        return { result: "invalid", error: "bad-decrypt" };
    }
    try {
        return { result: "valid", plaintext: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
    } catch {
        return { result: "invalid", error: "plaintext-not-utf8" };
    }
}

/** The strict verdict for the JSON layer: strict text, then JSON, then an object. */
export function strictJSON(envelope, key) {
    const text = strictText(envelope, key);
    if (text.result !== "valid") {
        return text;
    }
    let value;
    try {
        value = JSON.parse(text.plaintext);
    } catch {
        return { result: "invalid", error: "plaintext-not-json" };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return { result: "invalid", error: "plaintext-not-object" };
    }
    return { result: "valid", serialized: JSON.stringify(value) };
}

/** Combines a strict and a compatible verdict into the Wycheproof-style result. */
export function overallResult(strict, compatible) {
    if (strict.result === "valid") {
        return "valid";
    }
    return compatible.result === "valid" ? "acceptable" : "invalid";
}

/** The key-check value of some bytes: `kcv:` and the first six bytes of HMAC-SHA256(key: bytes, label). */
export function keyCheckValue(bytes) {
    return "kcv:" + crypto.createHmac("sha256", bytes).update(KCV_LABEL, "utf8").digest().subarray(0, 6).toString("hex");
}

/** The bytes `Buffer.from(string, "latin1")` gives: each UTF-16 code unit's low eight bits. */
export function latin1Bytes(string) {
    return Buffer.from(string, "latin1");
}

/** The number of UTF-16 code units, which is what JavaScript calls a string's length. */
export function utf16Length(string) {
    return string.length;
}

/** Formats a vector file exactly one way: two-space JSON, keys in insertion order, a final newline. */
export function formatJSON(value) {
    return JSON.stringify(value, null, 2) + "\n";
}
