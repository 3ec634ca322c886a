#!/usr/bin/env node
// Generates the vector files in vectors/ from the definitions below, deterministically: fixed keys, IVs derived
// from fixed labels, no randomness, explicit tcIds. The committed JSON is the source of truth; this script is how
// it was made and how new vectors are added.
//
//   node scripts/vectors/generate.mjs           write vectors/*.json
//   node scripts/vectors/generate.mjs --check   exit 1 when a committed file differs from what would be written
//
// Every tcId is written here by hand and never changes or is reused: a new vector gets the next free id of its
// file, even when it belongs in an earlier group.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import {
    SCHEMA,
    compatibleJSON,
    compatibleText,
    encryptBytes,
    encryptRawBlocks,
    formatJSON,
    keyCheckValue,
    latin1Bytes,
    overallResult,
    strictJSON,
    strictText,
    symmetricDecryptBytes,
    symmetricEncrypt,
} from "./lib.mjs";
import { SCHEMAS, schemaFileName } from "./schemas.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const VERSION = "1.0.0";

// MARK: - Fixed inputs

/** An IV derived from a label, so that every vector's IV is fixed and documented by its label. */
function ivFor(label) {
    return crypto.createHash("sha256").update("credsync-vectors/1 iv " + label).digest().subarray(0, 16);
}

function assertLength(string, length, what) {
    if (string.length !== length) {
        throw new Error(`${what} is ${string.length} UTF-16 units, expected ${length}`);
    }
    return string;
}

const ASCII_KEY = assertLength("credsync-vectors-ascii-key-00001", 32, "ASCII_KEY");
const LATIN1_KEY = assertLength("clé-secrète-ÿß-credsync-vectors!", 32, "LATIN1_KEY");
const WRONG_KEY = assertLength("credsync-vectors-wrong-key-00002", 32, "WRONG_KEY");
const ASCII_KEY_LAST_BYTE = assertLength("credsync-vectors-ascii-key-00000", 32, "ASCII_KEY_LAST_BYTE");
const ASCII_KEY_UPPER = ASCII_KEY.toUpperCase();

const EXPIRY = 1767225600000;

function base64url(value) {
    return Buffer.from(JSON.stringify(value)).toString("base64url");
}

const GOOGLE_ID_TOKEN = [
    base64url({ alg: "RS256", kid: "credsync-canary-kid", typ: "JWT" }),
    base64url({
        iss: "https://accounts.google.com",
        aud: "credsync-canary.apps.googleusercontent.com",
        sub: "credsync-canary-100000000000000000001",
        email: "canary@example.com",
        iat: 1767222000,
        exp: 1767225600,
    }),
    "credsync-canary-signature-google-0001",
].join(".");

const GOOGLE = JSON.stringify({
    access_token: "ya29.a0AfB_credsync-canary-google-access-0001",
    refresh_token: "1//0gcredsync-canary-google-refresh-0001",
    scope: "https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.readonly",
    token_type: "Bearer",
    id_token: GOOGLE_ID_TOKEN,
    expiry_date: EXPIRY,
});

const ZOOM = JSON.stringify({
    access_token: "eyJzdiI6IjAwMDAwMSIsImFsZyI6IkhTNTEyIiwidiI6IjIuMCJ9.credsync-canary-zoom-access-0001",
    token_type: "bearer",
    refresh_token: "eyJzdiI6IjAwMDAwMSIsImFsZyI6IkhTNTEyIiwidiI6IjIuMCJ9.credsync-canary-zoom-refresh-0001",
    expires_in: 3599,
    scope: "meeting:write:meeting meeting:read:meeting user:read:user",
    expiry_date: EXPIRY,
});

const OFFICE365 = JSON.stringify({
    access_token: "EwBIA8l6BAAUcredsync-canary-office365-access-0001",
    token_type: "Bearer",
    scope: "User.Read Calendars.Read Calendars.ReadWrite offline_access",
    expires_in: 3599,
    ext_expires_in: 3599,
    refresh_token: "M.C507_BL2.0.U.credsync-canary-office365-refresh-0001",
    expiry_date: EXPIRY,
    email: "canary@example.onmicrosoft.com",
});

const TEAMS = JSON.stringify({
    access_token: "EwBIA8l6BAAUcredsync-canary-msteams-access-0001",
    token_type: "Bearer",
    scope: "OnlineMeetings.ReadWrite Calendars.ReadWrite User.Read offline_access",
    expires_in: 3599,
    ext_expires_in: 3599,
    refresh_token: "M.C507_BL2.0.U.credsync-canary-msteams-refresh-0001",
    expiry_date: EXPIRY,
    email: "canary@example.onmicrosoft.com",
});

const SHORT_DOC = JSON.stringify({
    access_token: "ya29.credsync-canary-short-0001",
    token_type: "Bearer",
    expiry_date: EXPIRY,
});

function ofLength(length, seed) {
    let text = "";
    while (text.length < length) {
        text += seed;
    }
    return text.slice(0, length);
}

// MARK: - Notes (flags)

const NOTES = {
    Nist: { bugType: "BASIC", description: "A known-answer vector taken from NIST SP 800-38A, appendix F.2.", links: ["https://doi.org/10.6028/NIST.SP.800-38A"] },
    BlockChained: { bugType: "BASIC", description: "One block of a NIST vector on its own: the IV is the previous ciphertext block, as CBC chains them." },
    Pkcs7: { bugType: "BASIC", description: "AES-256-CBC with PKCS#7 padding, as Node's `aes256` pads. The ciphertext is 16 × (⌊n / 16⌋ + 1) bytes for an n-byte plaintext: a whole block of padding follows a block-aligned plaintext." },
    Canonical: { bugType: "BASIC", description: "An envelope exactly as Cal.com's `symmetricEncrypt` writes it: 32 lowercase hex digits of IV, one ':', lowercase hex ciphertext." },
    BlockBoundary: { bugType: "EDGE_CASE", description: "A plaintext of 0, 15, 16, 17, 31, 32 or 33 bytes, around the 16-byte block size, where padding mistakes show." },
    Unicode: { bugType: "EDGE_CASE", description: "A plaintext outside ASCII (emoji, CJK, combining marks, right-to-left, NUL). The envelope holds its UTF-8 bytes." },
    JsonScalar: { bugType: "FUNCTIONALITY", description: "The plaintext is JSON but not an object (null, a number, a string, a boolean, an array). Cal.com's webhook runs `JSON.parse` and stores the result unchecked, so Cal.com accepts it; a sender must send a JSON object of credential keys." },
    CredentialDocument: { bugType: "BASIC", description: "A realistic credential document (Google Calendar, Zoom, Office 365, MS Teams). Every token in it is a fake that contains `credsync-canary`, so a leak is easy to find." },
    Latin1Key: { bugType: "EDGE_CASE", description: "The key holds characters between U+0080 and U+00FF. Cal.com converts the key with `Buffer.from(key, \"latin1\")`: one byte per character, so \"é\" is 0xe9, not the two UTF-8 bytes 0xc3 0xa9." },
    Utf8KeyTrap: { bugType: "WRONG_PRIMITIVE", description: "The same key string encoded as UTF-8 gives other bytes (or another length) than Cal.com's latin1 conversion. `utf8Hex` shows what a UTF-8 implementation would use.", links: ["https://nodejs.org/api/buffer.html#buffers-and-character-encodings"] },
    TruncatedCharacters: { bugType: "LEGACY", description: "The key holds characters above U+00FF. Node keeps only the low eight bits of each UTF-16 code unit (U+0100 becomes 0x00; an emoji's two surrogates become two bytes). Cal.com accepts such a key, but two different strings can give one key, so a careful operator must not use one: result `acceptable`." },
    KeyLength: { bugType: "FUNCTIONALITY", description: "The key is not exactly 32 characters. Node throws ERR_CRYPTO_INVALID_KEYLEN; this includes the 44 characters `openssl rand -base64 32` prints, the 64 of `openssl rand -hex 32`, and an empty or unset key." },
    WeakKey: { bugType: "EDGE_CASE", description: "A key of repeated or zero bytes. Cal.com accepts it; it is in the vectors only to pin down the byte conversion." },
    UppercaseHex: { bugType: "LEGACY", description: "Uppercase or mixed-case hex digits. Node's hex decoder accepts either case, so Cal.com decrypts it; Cal.com itself only writes lowercase, so a strict grader refuses it (`uppercase-hex`): result `acceptable`." },
    LenientIv: { bugType: "LEGACY", description: "Node reads the IV with `Buffer.from(text, \"hex\")`, which stops at the first non-hex character and drops a lone trailing digit, so characters after the first 32 hex digits of the IV can be ignored. Strict reading refuses them.", links: ["https://github.com/nodejs/node/pull/31352", "https://github.com/nodejs/node/pull/41598"] },
    IvLength: { bugType: "FUNCTIONALITY", description: "The IV does not decode to exactly 16 bytes (empty, too short, too long, or cut short by a non-hex character). Node throws ERR_CRYPTO_INVALID_IV." },
    Separator: { bugType: "FUNCTIONALITY", description: "The ':' between IV and ciphertext is missing or repeated. Cal.com splits on every ':' and joins all but the first piece back with ':' into the ciphertext; strict reading wants exactly one." },
    TrailingJunk: { bugType: "MALLEABILITY", description: "Characters after a complete ciphertext. When the ciphertext text has an even length, Node's hex decoder stops at the first non-hex pair and the junk is ignored, so Cal.com decrypts it; an odd length throws ERR_INVALID_ARG_VALUE before any decoding." },
    OddLength: { bugType: "FUNCTIONALITY", description: "The ciphertext text has an odd number of UTF-16 code units. Node throws ERR_INVALID_ARG_VALUE (\"The argument 'encoding' is invalid for data of length N\")." },
    NonHexCharacter: { bugType: "FUNCTIONALITY", description: "A character that is not a hex digit inside the ciphertext: Node stops decoding there, so the ciphertext is cut short, which usually ends in `wrong final block length` or `bad decrypt`." },
    NonAscii: { bugType: "EDGE_CASE", description: "A character outside ASCII in the envelope text. JavaScript counts UTF-16 code units, so an emoji counts two and \"é\" counts one when Node checks the ciphertext length for evenness." },
    Whitespace: { bugType: "FUNCTIONALITY", description: "White space around or inside the envelope (a stray newline from a file or a shell, spaces, CR LF). Neither Cal.com nor strict reading trims it." },
    EmptyCiphertext: { bugType: "EDGE_CASE", description: "Nothing after the ':'. Node throws `wrong final block length` (ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH)." },
    Truncated: { bugType: "FUNCTIONALITY", description: "The ciphertext is cut short: by whole blocks (usually `bad decrypt`) or inside a block (`wrong final block length`)." },
    BadPadding: { bugType: "MISSING_STEP", description: "Raw blocks encrypted without padding so that the last plaintext block ends in invalid PKCS#7 padding (a zero byte, a value above 16, inconsistent padding bytes). Every correct decryptor throws `bad decrypt`. Modelled on Wycheproof's BadPadding vectors.", links: ["https://github.com/C2SP/wycheproof/blob/main/doc/aes_cbc.md"] },
    ValidRawPadding: { bugType: "EDGE_CASE", description: "Raw blocks encrypted without padding whose last block happens to end in valid PKCS#7 padding; the decryptor must accept it and strip exactly that padding." },
    NoIntegrity: { bugType: "MALLEABILITY", description: "The envelope has no MAC: a changed IV or a dropped first block still decrypts, to a changed plaintext. Only the JSON step can notice, and only by chance." },
    WrongKey: { bugType: "FUNCTIONALITY", description: "The envelope was made with another key. Usually `bad decrypt`; about one time in 256 the padding comes out valid by chance and garbage is returned, as Cal.com's own crypto tests note." },
    InvalidUtf8: { bugType: "EDGE_CASE", description: "The plaintext bytes are not valid UTF-8. Node's UTF-8 decoder replaces each maximal invalid subsequence with U+FFFD and Cal.com goes on (compatible: valid, with `plaintext` showing the replacements); strict reading refuses it (`plaintext-not-utf8`)." },
    NotJson: { bugType: "FUNCTIONALITY", description: "The plaintext decrypts but is not JSON (`JSON.parse` throws a SyntaxError), including a byte-order mark, which `JSON.parse` does not skip." },
    JsonEdgeCase: { bugType: "EDGE_CASE", description: "JSON that `JSON.parse` accepts with a surprise: a repeated key (the last value wins), surrounding white space, a number too large for a double (becomes Infinity, which `JSON.stringify` writes as null), a `__proto__` key." },
    SenderMistake: { bugType: "FUNCTIONALITY", description: "A plausible sender bug: base64 instead of hex, IV and ciphertext swapped, a `0x` prefix, the envelope JSON-quoted twice." },
};

// MARK: - File 1: aes_256_cbc_kat.json

const NIST_KEY = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
const NIST_IV = "000102030405060708090a0b0c0d0e0f";
const NIST_PLAINTEXT = [
    "6bc1bee22e409f96e93d7e117393172a",
    "ae2d8a571e03ac9c9eb76fac45af8e51",
    "30c81c46a35ce411e5fbc1191a0a52ef",
    "f69f2445df4f9b17ad2b417be66c3710",
];
const NIST_CIPHERTEXT = [
    "f58c4c04d6e5f1ba779eabfb5f7bfbd6",
    "9cfc4e967edb808d679f777bc6702c7d",
    "39f23369a9d9bacfa530e26304231461",
    "b2eb05e2c39be9fcda6c19078c6a9d1b",
];

function katFile() {
    const groups = [];
    for (const [direction, name, base] of [
        ["encrypt", "F.2.5 CBC-AES256.Encrypt", 1],
        ["decrypt", "F.2.6 CBC-AES256.Decrypt", 6],
    ]) {
        const tests = [
            {
                tcId: base,
                comment: `${name}, all four blocks`,
                flags: ["Nist"],
                key: NIST_KEY,
                iv: NIST_IV,
                msg: NIST_PLAINTEXT.join(""),
                ct: NIST_CIPHERTEXT.join(""),
                result: "valid",
            },
        ];
        for (let block = 0; block < 4; block += 1) {
            tests.push({
                tcId: base + 1 + block,
                comment: `${name}, block #${block + 1} alone`,
                flags: ["Nist", "BlockChained"],
                key: NIST_KEY,
                iv: block === 0 ? NIST_IV : NIST_CIPHERTEXT[block - 1],
                msg: NIST_PLAINTEXT[block],
                ct: NIST_CIPHERTEXT[block],
                result: "valid",
            });
        }
        groups.push({
            type: "AesCbcTest",
            source: { name: "NIST SP 800-38A", version: `2001, appendix ${name.split(" ")[0]}` },
            keySize: 256,
            ivSize: 128,
            padding: "none",
            direction,
            tests,
        });
    }

    // PKCS#7 padding, every plaintext length from 0 to 48 bytes, under the NIST key.
    const padded = [];
    for (let length = 0; length <= 48; length += 1) {
        const msg = Buffer.alloc(length);
        for (let index = 0; index < length; index += 1) {
            msg[index] = (index * 7 + length) & 0xff;
        }
        const iv = ivFor(`aes-kat pkcs7 ${length}`);
        const cipher = crypto.createCipheriv("aes-256-cbc", Buffer.from(NIST_KEY, "hex"), iv);
        const ct = Buffer.concat([cipher.update(msg), cipher.final()]);
        padded.push({
            tcId: 11 + length,
            comment: `${length}-byte plaintext`,
            flags: [16, 32, 48].includes(length) || length === 0 ? ["Pkcs7", "BlockBoundary"] : ["Pkcs7"],
            key: NIST_KEY,
            iv: iv.toString("hex"),
            msg: msg.toString("hex"),
            ct: ct.toString("hex"),
            result: "valid",
        });
    }
    groups.push({
        type: "AesCbcTest",
        source: { name: "credsync, derived with Node and checked with the openssl command line", version: VERSION },
        keySize: 256,
        ivSize: 128,
        padding: "pkcs7",
        direction: "both",
        tests: padded,
    });

    return makeFile("aes_256_cbc_kat.json", "AES-256-CBC", [
        "Known-answer vectors for the block cipher under the envelope: AES-256 in CBC mode.",
        "Groups with padding \"none\" are raw blocks (openssl enc -nopad); padding \"pkcs7\" is what Node's aes256 does.",
        "direction says which way the vector is checked: encrypt (msg to ct), decrypt (ct to msg) or both.",
    ], groups);
}

// MARK: - File 2: envelope_encrypt.json

const ENCRYPT_PLAINTEXTS = [
    [1, "empty plaintext: one whole block of padding", "", ["BlockBoundary"]],
    [2, "1 byte", "{", ["BlockBoundary"]],
    [3, "15 bytes: one byte of padding", ofLength(15, "credsync-canary"), ["BlockBoundary"]],
    [4, "16 bytes: a whole block of padding follows", ofLength(16, "credsync-canary-"), ["BlockBoundary"]],
    [5, "17 bytes", ofLength(17, "credsync-canary-1"), ["BlockBoundary"]],
    [6, "31 bytes", ofLength(31, "credsync-canary-0123456789"), ["BlockBoundary"]],
    [7, "32 bytes", ofLength(32, "credsync-canary-0123456789"), ["BlockBoundary"]],
    [8, "33 bytes", ofLength(33, "credsync-canary-0123456789"), ["BlockBoundary"]],
    [9, "100 bytes over seven blocks", ofLength(100, "The quick brown fox jumps over the lazy dog. "), []],
    [10, "1000 bytes", ofLength(1000, "credsync-canary multi-block plaintext; "), []],
    [11, "emoji (four-byte UTF-8)", "🔐🗓️✅ credsync-canary 🎉", ["Unicode"]],
    [12, "CJK", "資格情報の同期 credsync-canary 凭证同步", ["Unicode"]],
    [13, "combining marks (decomposed, not normalised)", "Cafe\u0301 n\u0303 A\u030a credsync-canary", ["Unicode"]],
    [14, "right-to-left text", "مزامنة بيانات الاعتماد credsync-canary", ["Unicode"]],
    [15, "NUL and control characters", "credsync\u0000canary\u0001\u001f\u007f", ["Unicode"]],
    [16, "JSON null", "null", ["JsonScalar"]],
    [17, "JSON number", "123", ["JsonScalar"]],
    [18, "JSON string", '"credsync-canary"', ["JsonScalar"]],
    [19, "JSON true", "true", ["JsonScalar"]],
    [20, "smallest credential object", '{"access_token":"credsync-canary"}', []],
    [21, "Google Calendar credential", GOOGLE, ["CredentialDocument"]],
    [22, "Zoom credential", ZOOM, ["CredentialDocument"]],
    [23, "Office 365 Calendar credential", OFFICE365, ["CredentialDocument"]],
    [24, "MS Teams credential", TEAMS, ["CredentialDocument"]],
    [25, "pretty-printed Google Calendar credential with non-ASCII", JSON.stringify({ ...JSON.parse(GOOGLE), name: "Zoë Ünsal 🗓️" }, null, 2), ["CredentialDocument", "Unicode"]],
];

function encryptTest(tcId, comment, plaintext, flags, key, label) {
    const iv = ivFor(label);
    return {
        tcId,
        comment,
        flags: ["Canonical", ...flags],
        iv: iv.toString("hex"),
        plaintext,
        plaintextHex: Buffer.from(plaintext, "utf8").toString("hex"),
        envelope: symmetricEncrypt(plaintext, key, iv),
        result: "valid",
    };
}

function encryptFile() {
    const ascii = ENCRYPT_PLAINTEXTS.map(([id, comment, plaintext, flags]) =>
        encryptTest(id, comment, plaintext, flags, ASCII_KEY, `encrypt ascii ${id}`)
    );
    const latin1Ids = [1, 4, 5, 11, 16, 21, 22, 23, 24];
    const latin1 = latin1Ids.map((source, index) => {
        const [, comment, plaintext, flags] = ENCRYPT_PLAINTEXTS.find(([id]) => id === source);
        const id = 101 + index;
        return encryptTest(id, comment, plaintext, ["Latin1Key", ...flags], LATIN1_KEY, `encrypt latin1 ${id}`);
    });
    return makeFile("envelope_encrypt.json", "credsync-envelope AES-256-CBC PKCS#7 hex(iv):hex(ct)", [
        "Envelope encryption with fixed IVs: what Cal.com's symmetricEncrypt gives for the key, IV and plaintext.",
        "A sender given the same key and IV must produce exactly `envelope`. Real senders draw a fresh random IV each time.",
        "plaintext is the text; plaintextHex is its UTF-8 bytes, for languages whose strings are not UTF-8.",
    ], [
        encryptGroup(ASCII_KEY, "an ASCII key", ascii),
        encryptGroup(LATIN1_KEY, "a key with latin1 characters", latin1),
    ]);
}

function encryptGroup(key, comment, tests) {
    return {
        type: "EnvelopeEncryptTest",
        comment,
        key,
        keyHex: latin1Bytes(key).toString("hex"),
        tests,
    };
}

// MARK: - File 3: envelope_decrypt.json

/** Builds a decryption vector from an envelope, computing both verdicts and checking them against `expect`. */
function decryptTest(tcId, comment, flags, envelope, key, expect, options = {}) {
    const strict = strictText(envelope, key);
    const compatible = compatibleText(envelope, key);
    const verdict = (v) => {
        const out = { result: v.result };
        if (v.error) out.error = v.error;
        if (v.nodeError) out.nodeError = v.nodeError;
        return out;
    };
    const label = (v) => (v.result === "valid" ? "valid" : v.error);
    if (expect && (label(strict) !== expect[0] || label(compatible) !== expect[1])) {
        throw new Error(`tcId ${tcId} (${comment}): expected ${expect.join("/")}, got ${label(strict)}/${label(compatible)}`);
    }
    if (strict.result === "valid" && compatible.result !== "valid") {
        throw new Error(`tcId ${tcId}: strict accepts what Node refuses`);
    }

    const test = { tcId, comment, flags, envelope, strict: verdict(strict), compatible: verdict(compatible) };
    if (compatible.result === "valid" || compatible.error === undefined) {
        test.plaintextHex = symmetricDecryptBytes(envelope, key).toString("hex");
        test.plaintext = compatible.plaintext;
    }
    let layer = { strict, compatible };
    if (options.json) {
        const jsonStrict = strictJSON(envelope, key);
        const jsonCompatible = compatibleJSON(envelope, key);
        if (options.json !== true && (label(jsonStrict) !== options.json[0] || label(jsonCompatible) !== options.json[1])) {
            throw new Error(`tcId ${tcId} (${comment}): JSON expected ${options.json.join("/")}, got ${label(jsonStrict)}/${label(jsonCompatible)}`);
        }
        test.json = { strict: verdict(jsonStrict), compatible: verdict(jsonCompatible) };
        if (jsonCompatible.result === "valid") {
            test.json.serialized = jsonCompatible.serialized;
        }
        layer = { strict: jsonStrict, compatible: jsonCompatible };
    }
    test.result = overallResult(layer.strict, layer.compatible);
    return test;
}

function mixCase(text) {
    let flip = false;
    return [...text].map((c) => (/[a-f]/.test(c) ? ((flip = !flip) ? c.toUpperCase() : c) : c)).join("");
}

function flipHexDigit(hex, position, mask) {
    const value = parseInt(hex[position], 16) ^ mask;
    return hex.slice(0, position) + value.toString(16) + hex.slice(position + 1);
}

function decryptFile() {
    const k = ASCII_KEY;
    const canonical = symmetricEncrypt(SHORT_DOC, k, ivFor("decrypt canonical"));
    const [iv, ct] = canonical.split(":");
    const blocks = ct.match(/.{32}/g);
    const V = "valid";
    const j = { json: [V, V] };

    const quirks = [
        decryptTest(1, "canonical envelope", ["Canonical"], canonical, k, [V, V], j),
        decryptTest(2, "uppercase hex throughout", ["UppercaseHex"], canonical.toUpperCase(), k, ["uppercase-hex", V], { json: ["uppercase-hex", V] }),
        decryptTest(3, "uppercase IV only", ["UppercaseHex"], iv.toUpperCase() + ":" + ct, k, ["uppercase-hex", V]),
        decryptTest(4, "uppercase ciphertext only", ["UppercaseHex"], iv + ":" + ct.toUpperCase(), k, ["uppercase-hex", V]),
        decryptTest(5, "mixed-case hex", ["UppercaseHex"], mixCase(canonical), k, ["uppercase-hex", V]),
        decryptTest(6, "33-character IV: the lone last digit is dropped", ["LenientIv"], iv + "a:" + ct, k, ["invalid-iv", V]),
        decryptTest(7, "IV followed by 'zz': decoding stops at the first non-hex character", ["LenientIv", "NonHexCharacter"], iv + "zz:" + ct, k, ["non-hex-character", V]),
        decryptTest(8, "31-character IV", ["IvLength"], iv.slice(0, 31) + ":" + ct, k, ["invalid-iv", "invalid-iv"]),
        decryptTest(9, "34-character IV: 17 bytes", ["IvLength"], iv + "00:" + ct, k, ["invalid-iv", "invalid-iv"]),
        decryptTest(10, "empty IV", ["IvLength"], ":" + ct, k, ["invalid-iv", "invalid-iv"]),
        decryptTest(11, "invalid character within the first 32 IV characters", ["IvLength", "NonHexCharacter"], iv.slice(0, 10) + "g" + iv.slice(11) + ":" + ct, k, ["non-hex-character", "invalid-iv"]),
        decryptTest(12, "leading space", ["Whitespace", "IvLength"], " " + canonical, k, ["non-hex-character", "invalid-iv"]),
        decryptTest(13, "leading newline", ["Whitespace", "IvLength"], "\n" + canonical, k, ["non-hex-character", "invalid-iv"]),
        decryptTest(14, "missing ':': IV and ciphertext run together", ["Separator", "IvLength"], iv + ct, k, ["separator", "invalid-iv"]),
        decryptTest(15, "trailing ':' makes the ciphertext text odd", ["Separator", "OddLength"], canonical + ":", k, ["separator", "odd-hex-length"]),
        decryptTest(16, "trailing newline", ["Whitespace", "OddLength"], canonical + "\n", k, ["non-hex-character", "odd-hex-length"]),
        decryptTest(17, "trailing CR LF is ignored by Node", ["Whitespace", "TrailingJunk"], canonical + "\r\n", k, ["non-hex-character", V], { json: ["non-hex-character", V] }),
        decryptTest(18, "two trailing spaces are ignored by Node", ["Whitespace", "TrailingJunk"], canonical + "  ", k, ["non-hex-character", V]),
        decryptTest(19, "'::00' after the ciphertext is ignored by Node", ["Separator", "TrailingJunk"], canonical + "::00", k, ["separator", V]),
        decryptTest(20, "':x' after the ciphertext is ignored by Node", ["Separator", "TrailingJunk"], canonical + ":x", k, ["separator", V]),
        decryptTest(21, "'zz' after the ciphertext is ignored by Node", ["TrailingJunk", "NonHexCharacter"], canonical + "zz", k, ["non-hex-character", V]),
        decryptTest(22, "a single extra ':' inside the ciphertext", ["Separator", "OddLength"], iv + ":" + blocks[0] + ":" + blocks.slice(1).join(""), k, ["separator", "odd-hex-length"]),
        decryptTest(23, "'::' inside the ciphertext at a block boundary cuts it there", ["Separator", "Truncated"], iv + ":" + blocks.slice(0, 2).join("") + "::" + blocks.slice(2).join(""), k, ["separator", "bad-decrypt"]),
        decryptTest(24, "ciphertext one digit short", ["OddLength"], canonical.slice(0, -1), k, ["odd-hex-length", "odd-hex-length"]),
        decryptTest(25, "ciphertext one digit long", ["OddLength"], canonical + "0", k, ["odd-hex-length", "odd-hex-length"]),
        decryptTest(26, "non-hex characters at the start of the ciphertext", ["NonHexCharacter"], iv + ":zz" + ct.slice(2), k, ["non-hex-character", "wrong-final-block-length"]),
        decryptTest(27, "non-hex characters at the end of the ciphertext", ["NonHexCharacter", "Truncated"], canonical.slice(0, -2) + "zz", k, ["non-hex-character", "wrong-final-block-length"]),
        decryptTest(28, "non-hex characters at a block boundary inside the ciphertext", ["NonHexCharacter", "Truncated"], iv + ":" + blocks.slice(0, 2).join("") + "zz" + blocks.slice(2).join("").slice(2), k, ["non-hex-character", "bad-decrypt"]),
        decryptTest(29, "empty ciphertext", ["EmptyCiphertext"], iv + ":", k, ["wrong-final-block-length", "wrong-final-block-length"]),
        decryptTest(30, "last block dropped", ["Truncated"], iv + ":" + blocks.slice(0, -1).join(""), k, ["bad-decrypt", "bad-decrypt"]),
        decryptTest(31, "a middle block dropped: the last two blocks still pad correctly", ["Truncated", "NoIntegrity"], iv + ":" + [blocks[0], ...blocks.slice(2)].join(""), k, ["plaintext-not-utf8", V], { json: ["plaintext-not-utf8", "plaintext-not-json"] }),
        decryptTest(32, "first block dropped: still decrypts, to a damaged plaintext", ["Truncated", "NoIntegrity"], iv + ":" + blocks.slice(1).join(""), k, null, { json: true }),
        decryptTest(33, "ciphertext cut inside its last block (8 bytes short)", ["Truncated"], canonical.slice(0, -16), k, ["wrong-final-block-length", "wrong-final-block-length"]),
        decryptTest(34, "IV only, no ciphertext and no ':'", ["Separator", "EmptyCiphertext"], iv, k, ["separator", "wrong-final-block-length"]),
        decryptTest(35, "flipped bit in the IV changes the first plaintext byte", ["NoIntegrity"], flipHexDigit(iv, 1, 1) + ":" + ct, k, [V, V], { json: ["plaintext-not-json", "plaintext-not-json"] }),
        decryptTest(36, "flipped bit in the last padding byte's input", ["NoIntegrity", "BadPadding"], iv + ":" + flipHexDigit(ct, ct.length - 33, 8), k, ["bad-decrypt", "bad-decrypt"]),
        decryptTest(37, "an emoji after the ciphertext counts two UTF-16 units: even, ignored by Node", ["NonAscii", "TrailingJunk"], canonical + "😀", k, ["non-hex-character", V]),
        decryptTest(38, "an 'é' after the ciphertext counts one UTF-16 unit: odd", ["NonAscii", "OddLength"], canonical + "é", k, ["non-hex-character", "odd-hex-length"]),
        decryptTest(39, "fullwidth digit in the IV", ["NonAscii", "IvLength"], "\uff10" + iv.slice(1) + ":" + ct, k, ["non-hex-character", "invalid-iv"]),
        decryptTest(40, "ciphertext in base64 instead of hex", ["SenderMistake", "NonHexCharacter"], iv + ":" + Buffer.from(ct, "hex").toString("base64"), k, null),
        decryptTest(41, "IV in base64 instead of hex", ["SenderMistake", "IvLength"], Buffer.from(iv, "hex").toString("base64") + ":" + ct, k, ["non-hex-character", "invalid-iv"]),
        decryptTest(42, "IV and ciphertext swapped", ["SenderMistake", "IvLength"], ct + ":" + iv, k, ["invalid-iv", "invalid-iv"]),
        decryptTest(43, "'0x' before the IV", ["SenderMistake", "IvLength"], "0x" + canonical, k, ["non-hex-character", "invalid-iv"]),
        decryptTest(44, "envelope JSON-quoted twice", ["SenderMistake", "IvLength"], JSON.stringify(canonical), k, ["non-hex-character", "invalid-iv"]),
        decryptTest(45, "space in the middle of the ciphertext", ["Whitespace", "NonHexCharacter", "OddLength"], iv + ":" + blocks[0] + " " + blocks.slice(1).join(""), k, ["non-hex-character", "odd-hex-length"]),
    ];

    const documents = [
        decryptTest(50, "Google Calendar credential", ["Canonical", "CredentialDocument"], symmetricEncrypt(GOOGLE, k, ivFor("decrypt doc 50")), k, [V, V], j),
        decryptTest(51, "Zoom credential", ["Canonical", "CredentialDocument"], symmetricEncrypt(ZOOM, k, ivFor("decrypt doc 51")), k, [V, V], j),
        decryptTest(52, "Office 365 Calendar credential", ["Canonical", "CredentialDocument"], symmetricEncrypt(OFFICE365, k, ivFor("decrypt doc 52")), k, [V, V], j),
        decryptTest(53, "MS Teams credential", ["Canonical", "CredentialDocument"], symmetricEncrypt(TEAMS, k, ivFor("decrypt doc 53")), k, [V, V], j),
        decryptTest(54, "empty plaintext", ["Canonical", "BlockBoundary"], symmetricEncrypt("", k, ivFor("decrypt doc 54")), k, [V, V]),
        decryptTest(55, "16-byte plaintext: a whole block of padding", ["Canonical", "BlockBoundary"], symmetricEncrypt(ofLength(16, "credsync-canary-"), k, ivFor("decrypt doc 55")), k, [V, V]),
        decryptTest(56, "Unicode plaintext", ["Canonical", "Unicode"], symmetricEncrypt("🔐 資格情報 Cafe\u0301", k, ivFor("decrypt doc 56")), k, [V, V]),
    ];

    const plaintextLayer = [];
    const addBytes = (tcId, comment, flags, bytes, expect, json) =>
        plaintextLayer.push(decryptTest(tcId, comment, flags, encryptBytes(Buffer.from(bytes), k, ivFor(`decrypt plain ${tcId}`)), k, expect, { json }));
    const addText = (tcId, comment, flags, text, json) => addBytes(tcId, comment, flags, Buffer.from(text, "utf8"), [V, V], json);
    addBytes(60, "lone 0xff byte", ["InvalidUtf8"], [0x7b, 0xff, 0x7d], ["plaintext-not-utf8", V], ["plaintext-not-utf8", "plaintext-not-json"]);
    addBytes(61, "truncated two-byte sequence at the end", ["InvalidUtf8"], [...Buffer.from('"caf'), 0xc3], ["plaintext-not-utf8", V], ["plaintext-not-utf8", "plaintext-not-json"]);
    addBytes(62, "overlong encoding of '/'", ["InvalidUtf8"], [...Buffer.from('"a'), 0xc0, 0xaf, ...Buffer.from('b"')], ["plaintext-not-utf8", V], ["plaintext-not-utf8", V]);
    addBytes(63, "UTF-8-encoded surrogate U+D800", ["InvalidUtf8"], [...Buffer.from('"a'), 0xed, 0xa0, 0x80, ...Buffer.from('b"')], ["plaintext-not-utf8", V], ["plaintext-not-utf8", V]);
    addBytes(64, "code point above U+10FFFF", ["InvalidUtf8"], [...Buffer.from('"a'), 0xf4, 0x90, 0x80, 0x80, ...Buffer.from('b"')], ["plaintext-not-utf8", V], ["plaintext-not-utf8", V]);
    addBytes(65, "truncated three-byte sequence inside a string", ["InvalidUtf8"], [...Buffer.from('"a'), 0xe2, 0x82, ...Buffer.from('b"')], ["plaintext-not-utf8", V], ["plaintext-not-utf8", V]);
    addBytes(66, "credential object with an invalid byte in the token: Cal.com stores U+FFFD", ["InvalidUtf8", "CredentialDocument"], [...Buffer.from('{"access_token":"ya29.credsync-canary'), 0xff, ...Buffer.from('","token_type":"Bearer"}')], ["plaintext-not-utf8", V], ["plaintext-not-utf8", V]);
    addBytes(67, "latin1-encoded plaintext (0xe9 for 'é')", ["InvalidUtf8"], Buffer.from('{"name":"Zoé credsync-canary"}', "latin1"), ["plaintext-not-utf8", V], ["plaintext-not-utf8", V]);
    addText(70, "plain text", ["NotJson"], "credsync-canary is not JSON", ["plaintext-not-json", "plaintext-not-json"]);
    addText(71, "single-quoted pseudo-JSON", ["NotJson"], "{'access_token': 'credsync-canary'}", ["plaintext-not-json", "plaintext-not-json"]);
    addText(72, "trailing comma", ["NotJson"], '{"access_token":"credsync-canary",}', ["plaintext-not-json", "plaintext-not-json"]);
    addText(73, "empty plaintext", ["NotJson", "BlockBoundary"], "", ["plaintext-not-json", "plaintext-not-json"]);
    addText(74, "white space only", ["NotJson", "Whitespace"], " \n\t ", ["plaintext-not-json", "plaintext-not-json"]);
    addText(75, "byte-order mark before the object", ["NotJson"], '\ufeff{"access_token":"credsync-canary"}', ["plaintext-not-json", "plaintext-not-json"]);
    addText(76, "two JSON objects in a row", ["NotJson"], '{"access_token":"a"}{"access_token":"b"}', ["plaintext-not-json", "plaintext-not-json"]);
    addText(77, "NaN", ["NotJson"], '{"expires_in":NaN}', ["plaintext-not-json", "plaintext-not-json"]);
    addText(80, "JSON null", ["JsonScalar"], "null", ["plaintext-not-object", V]);
    addText(81, "JSON number 123", ["JsonScalar"], "123", ["plaintext-not-object", V]);
    addText(82, "JSON string \"str\"", ["JsonScalar"], '"str"', ["plaintext-not-object", V]);
    addText(83, "JSON true", ["JsonScalar"], "true", ["plaintext-not-object", V]);
    addText(84, "JSON false", ["JsonScalar"], "false", ["plaintext-not-object", V]);
    addText(85, "empty JSON array", ["JsonScalar"], "[]", ["plaintext-not-object", V]);
    addText(86, "array holding a credential object", ["JsonScalar"], '[{"access_token":"credsync-canary"}]', ["plaintext-not-object", V]);
    addText(87, "JSON-encoded string holding a credential object", ["JsonScalar", "SenderMistake"], JSON.stringify(SHORT_DOC), ["plaintext-not-object", V]);
    addText(90, "empty object", ["JsonEdgeCase"], "{}", [V, V]);
    addText(91, "repeated key: the last value wins", ["JsonEdgeCase"], '{"access_token":"credsync-canary-first","access_token":"credsync-canary-last"}', [V, V]);
    addText(92, "white space around the object", ["JsonEdgeCase", "Whitespace"], ' \r\n\t{"access_token" : "credsync-canary"}\n ', [V, V]);
    addText(93, "number beyond a double: Infinity, written back as null", ["JsonEdgeCase"], '{"expires_in":1e400}', [V, V]);
    addText(94, "__proto__ key is kept as an ordinary key", ["JsonEdgeCase"], '{"__proto__":{"admin":true},"access_token":"credsync-canary"}', [V, V]);
    addText(95, "escaped characters and a surrogate pair", ["JsonEdgeCase", "Unicode"], '{"access_token":"credsync-canary\\u00e9\\ud83d\\udd11\\n\\/"}', [V, V]);
    addText(96, "numbers in exponent and fraction forms", ["JsonEdgeCase"], '{"expires_in":3.599e3,"expiry_date":1767225600000.0,"n":-0}', [V, V]);

    // Wycheproof-style padding vectors: two raw blocks, the second ending in chosen padding bytes.
    const padding = [];
    const first = Buffer.from('{"access_token":', "latin1");
    const padCase = (tcId, comment, flags, last, expect) => {
        const bytes = Buffer.concat([first, Buffer.from(last)]);
        padding.push(decryptTest(tcId, comment, flags, encryptRawBlocks(bytes, k, ivFor(`decrypt padding ${tcId}`)), k, expect));
    };
    const tail = (fill, pad) => [...Buffer.from(ofLength(16 - pad.length, fill), "latin1"), ...pad];
    const bad = ["bad-decrypt", "bad-decrypt"];
    padCase(100, "last byte 0x00", ["BadPadding"], tail('"credsync"}', [0x00]), bad);
    padCase(101, "last byte 0x11 (17, above the block size)", ["BadPadding"], tail('"credsync"}', [0x11]), bad);
    padCase(102, "last byte 0x20", ["BadPadding"], tail('"credsync"}', [0x20]), bad);
    padCase(103, "last byte 0xff", ["BadPadding"], tail('"credsync"}', [0xff]), bad);
    padCase(104, "padding 02 preceded by 01", ["BadPadding"], tail('"credsync"}', [0x01, 0x02]), bad);
    padCase(105, "padding 03 03 preceded by 00", ["BadPadding"], tail('"credsync"}', [0x00, 0x03, 0x03]), bad);
    padCase(106, "padding 08 with one of its bytes changed", ["BadPadding"], tail('"c"}', [8, 8, 8, 9, 8, 8, 8, 8]), bad);
    padCase(107, "padding 10 with the first byte changed", ["BadPadding"], [0x11, ...Array(15).fill(0x10)], bad);
    padCase(108, "a block of zero bytes", ["BadPadding"], Array(16).fill(0), bad);
    padCase(109, "padding 05 05 05 05 (one byte short)", ["BadPadding"], tail('"credsync"}', [0x00, 0x05, 0x05, 0x05, 0x05]), bad);
    padCase(110, "padding 0x80", ["BadPadding"], tail('"credsync"}', [0x80]), bad);
    padCase(111, "padding 10 in the last 15 bytes only", ["BadPadding"], [0x22, ...Array(15).fill(0x10)], bad);
    padCase(112, "valid padding 01", ["ValidRawPadding"], tail('"credsync-canary"}', [0x01]), [V, V]);
    padCase(113, "valid padding of 07", ["ValidRawPadding"], tail('"credsync"}', Array(7).fill(7)), [V, V]);
    padCase(114, "valid block of sixteen 0x10", ["ValidRawPadding", "BlockBoundary"], Array(16).fill(0x10), [V, V]);

    // Wrong key: the same envelope opened with another key.
    const wrong = [];
    const underA = (label) => symmetricEncrypt(SHORT_DOC, k, ivFor(label));
    const wrongKeyEnvelope = (validPadding) => {
        for (let n = 0; ; n += 1) {
            const envelope = underA(`decrypt wrong-key ${validPadding ? "lucky" : "plain"} ${n}`);
            const outcome = compatibleText(envelope, WRONG_KEY);
            if ((outcome.result === "valid") === validPadding) {
                return envelope;
            }
        }
    };
    wrong.push(decryptTest(120, "envelope made with another key", ["WrongKey"], wrongKeyEnvelope(false), WRONG_KEY, bad, { json: ["bad-decrypt", "bad-decrypt"] }));
    wrong.push(decryptTest(121, "another key whose garbage plaintext happens to end in valid padding", ["WrongKey", "InvalidUtf8", "NoIntegrity"], wrongKeyEnvelope(true), WRONG_KEY, null, { json: true }));
    const lastByte = [];
    lastByte.push(decryptTest(122, "key differing in its last character only", ["WrongKey"], underA("decrypt wrong-key 122"), ASCII_KEY_LAST_BYTE, bad));
    const upper = [decryptTest(123, "the key in uppercase", ["WrongKey"], underA("decrypt wrong-key 123"), ASCII_KEY_UPPER, bad)];
    if (wrong[1].compatible.result !== "valid" || wrong[1].result !== "invalid") {
        throw new Error("tcId 121 must decrypt to garbage that fails JSON");
    }

    // Latin1 key: the envelope opens only under the latin1 bytes of the key.
    const latin1 = [
        decryptTest(130, "key with latin1 characters", ["Canonical", "Latin1Key"], symmetricEncrypt(SHORT_DOC, LATIN1_KEY, ivFor("decrypt latin1 130")), LATIN1_KEY, [V, V], j),
        decryptTest(131, "key with latin1 characters, uppercase envelope", ["Latin1Key", "UppercaseHex"], symmetricEncrypt(SHORT_DOC, LATIN1_KEY, ivFor("decrypt latin1 131")).toUpperCase(), LATIN1_KEY, ["uppercase-hex", V]),
    ];
    // The envelope a UTF-8 implementation makes from the same string (its first 32 UTF-8 bytes, the best it can do),
    // opened by Cal.com with the latin1 bytes.
    const utf8Key = Buffer.from(LATIN1_KEY, "utf8").subarray(0, 32);
    const utf8Cipher = crypto.createCipheriv("aes-256-cbc", utf8Key, ivFor("decrypt latin1 132"));
    const utf8Envelope = ivFor("decrypt latin1 132").toString("hex") + ":" + Buffer.concat([utf8Cipher.update(SHORT_DOC), utf8Cipher.final()]).toString("hex");
    latin1.push(decryptTest(132, "made with the key's UTF-8 bytes (cut to 32) instead of latin1", ["Latin1Key", "Utf8KeyTrap", "WrongKey"], utf8Envelope, LATIN1_KEY, bad));

    const group = (key, comment, tests) => ({ type: "EnvelopeDecryptTest", comment, key, keyHex: latin1Bytes(key).toString("hex"), tests });
    return makeFile("envelope_decrypt.json", "credsync-envelope AES-256-CBC PKCS#7 hex(iv):hex(ct)", [
        "Envelope decryption: every parsing quirk of Cal.com's symmetricDecrypt, with two verdicts.",
        "strict is how credsync grades a sender: only what Cal.com itself writes is valid.",
        "compatible is what Cal.com does on Node 20: what it accepts, and the Node error code when it throws.",
        "Both verdicts are for decryption to text; json, when present, carries the verdicts after JSON.parse as well.",
        "result is valid when strict accepts, acceptable when only compatible accepts, invalid when neither does (json verdicts when present).",
    ], [
        group(k, "parsing quirks of one canonical envelope", quirks),
        group(k, "canonical envelopes of credential documents and edge lengths", documents),
        group(k, "plaintext layer: UTF-8 and JSON", plaintextLayer),
        group(k, "padding: raw blocks with chosen last bytes", padding),
        group(WRONG_KEY, "wrong key: envelopes made with the ASCII key of the other groups", wrong),
        group(ASCII_KEY_LAST_BYTE, "wrong key: one character off", lastByte),
        group(ASCII_KEY_UPPER, "wrong key: the right key in uppercase", upper),
        group(LATIN1_KEY, "latin1 key", latin1),
    ]);
}

// MARK: - File 4: envelope_key.json

const KEY_PLAINTEXT = '{"access_token":"credsync-canary-key-check"}';

function keyTest(tcId, comment, flags, key, expect) {
    const units = key.length;
    const test = { tcId, comment, flags, key, length: units };
    const utf8 = Buffer.from(key, "utf8");
    if (flags.includes("Utf8KeyTrap")) {
        test.utf8Hex = utf8.toString("hex");
    }
    let ok = true;
    try {
        crypto.createCipheriv("aes256", Buffer.from(key, "latin1"), Buffer.alloc(16));
    } catch (error) {
        if (error.code !== "ERR_CRYPTO_INVALID_KEYLEN") {
            throw error;
        }
        ok = false;
    }
    if (ok !== (expect !== "invalid")) {
        throw new Error(`key tcId ${tcId}: Node ${ok ? "accepts" : "refuses"} it, expected ${expect}`);
    }
    if (ok) {
        const bytes = latin1Bytes(key);
        const iv = ivFor(`key ${tcId}`);
        test.keyHex = bytes.toString("hex");
        test.kcv = keyCheckValue(bytes);
        test.envelope = { iv: iv.toString("hex"), plaintext: KEY_PLAINTEXT, envelope: symmetricEncrypt(KEY_PLAINTEXT, key, iv) };
    } else {
        test.error = "key-length";
        test.nodeError = "ERR_CRYPTO_INVALID_KEYLEN";
    }
    test.result = expect;
    return test;
}

function keyFile() {
    const tests = [
        keyTest(1, "32 ASCII characters, as `openssl rand -base64 24` prints", [], "q2nNcR0Zf3YxkWm5LhUeTg8aPvJbXs4D", "valid"),
        keyTest(2, "32 hex characters, as `openssl rand -hex 16` prints: the characters are the key, not 16 decoded bytes", [], "9f86d081884c7d659a2feaa0c55ad015", "valid"),
        keyTest(3, "32 characters with é, è, ÿ and ß: one byte each", ["Latin1Key", "Utf8KeyTrap"], LATIN1_KEY, "valid"),
        keyTest(4, "32 × ÿ: every byte 0xff", ["Latin1Key", "Utf8KeyTrap", "WeakKey"], "ÿ".repeat(32), "valid"),
        keyTest(5, "latin1 punctuation and a no-break space", ["Latin1Key", "Utf8KeyTrap"], assertLength("key\u00a0with\u00a0nbsp§±µ¶·×÷credsync-v1!", 32, "key 5"), "valid"),
        keyTest(6, "32 NUL characters: the all-zero key", ["WeakKey"], "\u0000".repeat(32), "valid"),
        keyTest(7, "spaces inside the key count as characters", [], assertLength("credsync vectors key with spaces", 32, "key 7"), "valid"),
        keyTest(8, "U+0100 becomes 0x00", ["TruncatedCharacters", "Utf8KeyTrap"], assertLength("Ācredsync-vectors-key-above-ff-1", 32, "key 8"), "acceptable"),
        keyTest(9, "the euro sign U+20AC becomes 0xac", ["TruncatedCharacters", "Utf8KeyTrap"], assertLength("€credsync-vectors-key-above-ff-2", 32, "key 9"), "acceptable"),
        keyTest(10, "Greek and Cyrillic letters keep only their low byte", ["TruncatedCharacters", "Utf8KeyTrap"], assertLength("ΩΨЖЯcredsync-vectors-truncated!!", 32, "key 10"), "acceptable"),
        keyTest(11, "30 ASCII characters and an emoji: 32 UTF-16 units, the surrogates cut to 0x3d 0x11", ["TruncatedCharacters", "Utf8KeyTrap"], assertLength("credsync-vectors-emoji-key-001🔑", 32, "key 11"), "acceptable"),
        keyTest(12, "31 ASCII characters and an emoji: 33 UTF-16 units", ["KeyLength"], "credsync-vectors-emoji-key-0001🔑", "invalid"),
        keyTest(13, "31 characters", ["KeyLength"], "credsync-vectors-ascii-key-0000", "invalid"),
        keyTest(14, "33 characters", ["KeyLength"], "credsync-vectors-ascii-key-000011", "invalid"),
        keyTest(15, "44 characters, as `openssl rand -base64 32` prints", ["KeyLength"], "3q2+7wARIjNEVWZ3iJmqu8zd7v8AESIzRFVmd4iZqrs=", "invalid"),
        keyTest(16, "64 hex characters, as `openssl rand -hex 32` prints", ["KeyLength"], "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "invalid"),
        keyTest(17, "empty (unset) key", ["KeyLength"], "", "invalid"),
        keyTest(18, "32 characters and a stray newline", ["KeyLength", "Whitespace"], "q2nNcR0Zf3YxkWm5LhUeTg8aPvJbXs4D\n", "invalid"),
        keyTest(19, "32 characters in quotes", ["KeyLength"], '"q2nNcR0Zf3YxkWm5LhUeTg8aPvJbXs4D"', "invalid"),
        keyTest(20, "31 characters with é: 32 bytes in UTF-8, so a UTF-8 sender encrypts while Cal.com refuses the key", ["KeyLength", "Utf8KeyTrap"], assertLength("credsync-vectors-clé-0123456789", 31, "key 20"), "invalid"),
        keyTest(21, "the 24 bytes that `openssl rand -base64 24` encodes, taken as characters: 24, not 32", ["KeyLength", "Latin1Key"], Buffer.from("q2nNcR0Zf3YxkWm5LhUeTg8aPvJbXs4D", "base64").toString("latin1"), "invalid"),
        keyTest(22, "the docs' literal advice `must be 24 bytes`: 24 ASCII characters", ["KeyLength"], "credsync-24-char-key-000", "invalid"),
    ];
    return makeFile("envelope_key.json", "credsync-envelope key string to AES-256 key", [
        "How Cal.com turns CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY into AES key bytes: Buffer.from(key, \"latin1\").",
        "length counts UTF-16 code units, as JavaScript does. keyHex is the expected key; error/nodeError when Node refuses it.",
        "For every usable key, envelope is an end-to-end check: the fixed plaintext under the fixed IV must give exactly that text.",
        "kcv is the key's credsync key-check value (KeyCheckValue of the key bytes).",
    ], [{ type: "EnvelopeKeyTest", comment: "key strings", tests }]);
}

// MARK: - File 5: key_check_value.json

function kcvFile() {
    const bytes = (tcId, comment, flags, hex, result = "valid", kcv) => ({ tcId, comment, flags, input: "bytes", bytesHex: hex, kcv: kcv ?? keyCheckValue(Buffer.from(hex, "hex")), result });
    const secret = (tcId, comment, flags, value, result = "valid", kcv) => ({ tcId, comment, flags, input: "secret", secret: value, kcv: kcv ?? keyCheckValue(Buffer.from(value, "utf8")), result });
    const envelopeKey = (tcId, comment, flags, value, result = "valid", kcv) => ({ tcId, comment, flags, input: "envelopeKey", key: value, kcv: kcv ?? keyCheckValue(latin1Bytes(value)), result });
    const range = (n, f) => Buffer.from(Array.from({ length: n }, (_, i) => f(i) & 0xff)).toString("hex");

    const byteTests = [
        bytes(1, "empty", ["EmptyInput"], ""),
        bytes(2, "one zero byte", [], "00"),
        bytes(3, "32 zero bytes", [], "00".repeat(32)),
        bytes(4, "the NIST SP 800-38A AES-256 key", [], NIST_KEY),
        bytes(5, "the ASCII test key's bytes", [], latin1Bytes(ASCII_KEY).toString("hex")),
        bytes(6, "the latin1 test key's bytes", [], latin1Bytes(LATIN1_KEY).toString("hex")),
        bytes(7, "0x00 to 0x1f", [], range(32, (i) => i)),
        bytes(8, "63 bytes", ["HmacBlockSize"], range(63, (i) => i * 3)),
        bytes(9, "64 bytes: exactly the HMAC-SHA256 block", ["HmacBlockSize"], range(64, (i) => i * 5)),
        bytes(10, "65 bytes: longer than the block, so HMAC hashes the key first", ["HmacBlockSize"], range(65, (i) => i * 11)),
        bytes(11, "200 bytes", ["HmacBlockSize"], range(200, (i) => 255 - i)),
        bytes(12, "a value computed over the full 32-byte HMAC, not its first six bytes", ["WrongFormat"], NIST_KEY, "invalid", "kcv:" + crypto.createHmac("sha256", Buffer.from(NIST_KEY, "hex")).update("credsync key-check value v1").digest("hex")),
        bytes(13, "a value with HMAC key and message swapped", ["WrongFormat"], NIST_KEY, "invalid", "kcv:" + crypto.createHmac("sha256", "credsync key-check value v1").update(Buffer.from(NIST_KEY, "hex")).digest().subarray(0, 6).toString("hex")),
        bytes(14, "uppercase hex digits", ["WrongFormat"], NIST_KEY, "invalid", keyCheckValue(Buffer.from(NIST_KEY, "hex")).toUpperCase().replace("KCV:", "kcv:")),
    ];
    const secretTests = [
        secret(20, "empty secret", ["EmptyInput"], ""),
        secret(21, "an `openssl rand -base64 32` secret", [], "3q2+7wARIjNEVWZ3iJmqu8zd7v8AESIzRFVmd4iZqrs="),
        secret(22, "an `openssl rand -hex 32` secret", [], "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        secret(23, "a secret with é: its UTF-8 bytes, as it travels in a header", ["Utf8Secret"], "sécret-credsync-canary"),
        secret(24, "a secret with an emoji", ["Utf8Secret"], "credsync-canary-🔑"),
        secret(25, "a secret with a space and a trailing newline kept as given", [], "credsync canary\n"),
        secret(26, "a 100-character secret", ["HmacBlockSize"], ofLength(100, "credsync-canary-secret-")),
        secret(27, "a secret fingerprinted by its latin1 bytes instead of UTF-8", ["Utf8Secret", "WrongFormat"], "sécret-credsync-canary", "invalid", keyCheckValue(latin1Bytes("sécret-credsync-canary"))),
    ];
    const keyTests = [
        envelopeKey(30, "ASCII envelope key", [], ASCII_KEY),
        envelopeKey(31, "latin1 envelope key: latin1 bytes, unlike a secret", ["Latin1Key"], LATIN1_KEY),
        envelopeKey(32, "envelope key with characters above U+00FF: the truncated bytes", ["TruncatedCharacters"], "Ācredsync-vectors-key-above-ff-1"),
        envelopeKey(33, "latin1 envelope key fingerprinted by its UTF-8 bytes", ["Latin1Key", "Utf8KeyTrap", "WrongFormat"], LATIN1_KEY, "invalid", keyCheckValue(Buffer.from(LATIN1_KEY, "utf8"))),
    ];
    return makeFile("key_check_value.json", "credsync key-check value: HMAC-SHA256(key, \"credsync key-check value v1\")[0..6]", [
        "Key-check values let two sides compare a key or secret without showing it: `kcv:` and 12 lowercase hex digits,",
        "the first six bytes of HMAC-SHA256 keyed with the input bytes over the ASCII label \"credsync key-check value v1\".",
        "input says how the bytes are made: bytes (bytesHex), secret (UTF-8 of secret), envelopeKey (latin1 of key, as the envelope does).",
        "Invalid vectors hold a value a faulty implementation would give; it must not match.",
    ], [
        { type: "KeyCheckValueTest", comment: "raw bytes", tests: byteTests },
        { type: "KeyCheckValueTest", comment: "secrets", tests: secretTests },
        { type: "KeyCheckValueTest", comment: "envelope keys", tests: keyTests },
    ], {
        EmptyInput: { bugType: "EDGE_CASE", description: "An empty key or secret. HMAC accepts an empty key; the value still identifies it." },
        HmacBlockSize: { bugType: "EDGE_CASE", description: "An input around or above HMAC-SHA256's 64-byte block size, where HMAC hashes the key first." },
        Utf8Secret: { bugType: "EDGE_CASE", description: "A secret outside ASCII. Secrets travel in HTTP headers and are fingerprinted by their UTF-8 bytes." },
        WrongFormat: { bugType: "WRONG_PRIMITIVE", description: "The value a faulty implementation would give (the whole HMAC, swapped HMAC arguments, uppercase, the wrong text encoding). It must not match: result invalid." },
    });
}

// MARK: - Assembly

function makeFile(name, algorithm, header, testGroups, extraNotes = {}) {
    const notes = { ...NOTES, ...extraNotes };
    const used = new Set(testGroups.flatMap((group) => group.tests.flatMap((test) => test.flags)));
    const ids = testGroups.flatMap((group) => group.tests.map((test) => test.tcId));
    if (new Set(ids).size !== ids.length) {
        throw new Error(`${name}: repeated tcId`);
    }
    const usedNotes = Object.fromEntries(Object.entries(notes).filter(([flag]) => used.has(flag)));
    for (const flag of used) {
        if (!(flag in usedNotes)) {
            throw new Error(`${name}: flag ${flag} has no note`);
        }
    }
    return {
        name,
        content: {
            schema: SCHEMA,
            algorithm,
            version: VERSION,
            numberOfTests: ids.length,
            header,
            notes: usedNotes,
            testGroups,
        },
    };
}

const files = [katFile(), encryptFile(), decryptFile(), keyFile(), kcvFile()];
const outputs = [
    ...files.map(({ name, content }) => ({ file: path.join("vectors", name), text: formatJSON(content) })),
    ...Object.entries(SCHEMAS).map(([name, schema]) => ({
        file: path.join("vectors", "schema", schemaFileName(name)),
        text: formatJSON(schema),
    })),
];
const check = process.argv.includes("--check");
let differences = 0;
for (const { file, text } of outputs) {
    const absolute = path.join(root, file);
    if (check) {
        const existing = fs.existsSync(absolute) ? fs.readFileSync(absolute, "utf8") : "";
        if (existing !== text) {
            console.log(`${file}: differs from what the generator writes`);
            differences += 1;
        }
    } else {
        fs.mkdirSync(path.dirname(absolute), { recursive: true });
        fs.writeFileSync(absolute, text);
    }
}
for (const { name, content } of files) {
    console.log(`${name}: ${content.numberOfTests} vectors`);
}
console.log(`${files.reduce((sum, file) => sum + file.content.numberOfTests, 0)} vectors in ${files.length} files`);
if (check) {
    console.log(differences === 0 ? "every file is up to date" : `${differences} file(s) differ`);
}
process.exit(differences === 0 ? 0 : 1);
