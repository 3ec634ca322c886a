#!/usr/bin/env node
// Cross-checks every vector in vectors/ against Node's own crypto, doing exactly what Cal.com's
// symmetricEncrypt / symmetricDecrypt do, and the raw AES vectors against the openssl command line.
// It shares no code with generate.mjs. Node built-ins only; needs `openssl` on the PATH.
//
//   node scripts/vectors/crosscheck.mjs [DIR]      DIR defaults to the repository's vectors/
//
// Prints each failure, then one line "N passed, N failed"; exits 1 on any failure.

import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const directory = path.resolve(process.argv[2] ?? path.join(root, "vectors"));

let passed = 0;
let failed = 0;

/** Runs one check; a thrown error or a returned problem list fails it. */
function check(name, body) {
    let problems;
    try {
        problems = body() ?? [];
    } catch (error) {
        problems = [`threw ${error.stack ?? error}`];
    }
    if (problems.length === 0) {
        passed += 1;
    } else {
        failed += 1;
        console.log(`FAIL ${name}: ${problems.join("; ")}`);
    }
}

function expectEqual(problems, what, expected, observed) {
    if (expected !== observed) {
        problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(observed)}`);
    }
}

/** Compares plaintexts without printing them: they hold (fake) tokens, which stay out of logs. */
function expectSameText(problems, what, expected, observed) {
    if (expected === observed) {
        return;
    }
    if (typeof expected !== "string" || typeof observed !== "string") {
        problems.push(`${what}: expected ${typeof expected}, got ${typeof observed}`);
        return;
    }
    let index = 0;
    while (index < expected.length && expected[index] === observed[index]) {
        index += 1;
    }
    problems.push(`${what}: differs at UTF-16 unit ${index} (expected ${expected.length} units, got ${observed.length})`);
}

// MARK: - Cal.com's functions (packages/lib/crypto.ts), the IV passed in for encryption

function symmetricEncrypt(text, key, iv) {
    const _key = Buffer.from(key, "latin1");
    const cipher = crypto.createCipheriv("aes256", _key, iv);
    let ciphered = cipher.update(text, "utf8", "hex");
    ciphered += cipher.final("hex");
    return iv.toString("hex") + ":" + ciphered;
}

function symmetricDecrypt(text, key) {
    const _key = Buffer.from(key, "latin1");
    const components = text.split(":");
    const iv_from_ciphertext = Buffer.from(components.shift() || "", "hex");
    const decipher = crypto.createDecipheriv("aes256", _key, iv_from_ciphertext);
    let deciphered = decipher.update(components.join(":"), "hex", "utf8");
    deciphered += decipher.final("utf8");
    return deciphered;
}

/** The same steps with bytes out, to compare the exact plaintext. */
function symmetricDecryptBuffer(text, key) {
    const components = text.split(":");
    const iv = Buffer.from(components.shift() || "", "hex");
    const decipher = crypto.createDecipheriv("aes256", Buffer.from(key, "latin1"), iv);
    return Buffer.concat([decipher.update(components.join(":"), "hex"), decipher.final()]);
}

const NODE_TO_CODE = {
    ERR_CRYPTO_INVALID_IV: "invalid-iv",
    ERR_INVALID_ARG_VALUE: "odd-hex-length",
    ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH: "wrong-final-block-length",
    ERR_OSSL_BAD_DECRYPT: "bad-decrypt",
    ERR_CRYPTO_INVALID_KEYLEN: "key-length",
    SyntaxError: "plaintext-not-json",
};

/** Runs a step as Cal.com would and describes the outcome like a vector's compatible verdict. */
function outcome(step) {
    try {
        return { result: "valid", value: step() };
    } catch (error) {
        const nodeError = error.code ?? error.name;
        return { result: "invalid", error: NODE_TO_CODE[nodeError] ?? `unmapped ${nodeError}`, nodeError };
    }
}

function compareVerdict(problems, what, expected, observed) {
    expectEqual(problems, `${what} result`, expected.result, observed.result);
    if (expected.result === "invalid") {
        expectEqual(problems, `${what} error`, expected.error, observed.error);
        if (expected.nodeError !== undefined) {
            expectEqual(problems, `${what} nodeError`, expected.nodeError, observed.nodeError);
        }
    }
}

function keyCheckValue(bytes) {
    return "kcv:" + crypto.createHmac("sha256", bytes).update("credsync key-check value v1").digest("hex").slice(0, 12);
}

// MARK: - openssl

function openssl(args, input) {
    return execFileSync("openssl", ["enc", "-aes-256-cbc", ...args], { input, stdio: ["pipe", "pipe", "pipe"] });
}

function checkAes(file, group, test) {
    const problems = [];
    const common = ["-K", test.key, "-iv", test.iv, ...(group.padding === "none" ? ["-nopad"] : [])];
    if (group.direction !== "decrypt") {
        expectEqual(problems, "openssl encrypt", test.ct, openssl(common, Buffer.from(test.msg, "hex")).toString("hex"));
    }
    if (group.direction !== "encrypt") {
        expectEqual(problems, "openssl decrypt", test.msg, openssl(["-d", ...common], Buffer.from(test.ct, "hex")).toString("hex"));
    }
    const cipher = crypto.createCipheriv("aes-256-cbc", Buffer.from(test.key, "hex"), Buffer.from(test.iv, "hex"));
    cipher.setAutoPadding(group.padding === "pkcs7");
    expectEqual(problems, "node encrypt", test.ct, Buffer.concat([cipher.update(Buffer.from(test.msg, "hex")), cipher.final()]).toString("hex"));
    return problems;
}

// MARK: - Envelope files

function checkEncrypt(group, test) {
    const problems = [];
    expectEqual(problems, "keyHex", group.keyHex, Buffer.from(group.key, "latin1").toString("hex"));
    expectSameText(problems, "plaintextHex", test.plaintextHex, Buffer.from(test.plaintext, "utf8").toString("hex"));
    expectEqual(problems, "envelope", test.envelope, symmetricEncrypt(test.plaintext, group.key, Buffer.from(test.iv, "hex")));
    expectSameText(problems, "round trip", test.plaintext, symmetricDecrypt(test.envelope, group.key));
    return problems;
}

function checkDecrypt(group, test) {
    const problems = [];
    expectEqual(problems, "keyHex", group.keyHex, Buffer.from(group.key, "latin1").toString("hex"));
    const text = outcome(() => symmetricDecrypt(test.envelope, group.key));
    compareVerdict(problems, "compatible", test.compatible, text);
    if (text.result === "valid") {
        expectSameText(problems, "plaintext", test.plaintext, text.value);
        expectSameText(problems, "plaintextHex", test.plaintextHex, symmetricDecryptBuffer(test.envelope, group.key).toString("hex"));
    }
    if (test.json !== undefined) {
        const parsed = outcome(() => JSON.parse(symmetricDecrypt(test.envelope, group.key)));
        compareVerdict(problems, "json.compatible", test.json.compatible, parsed);
        if (parsed.result === "valid") {
            expectSameText(problems, "json.serialized", test.json.serialized, JSON.stringify(parsed.value));
        }
    }
    // The strict verdict may only be stricter than Cal.com, never looser.
    if (test.strict.result === "valid" && test.compatible.result !== "valid") {
        problems.push("strict accepts what Cal.com refuses");
    }
    const layer = test.json ?? test;
    const result = layer.strict.result === "valid" ? "valid" : layer.compatible.result === "valid" ? "acceptable" : "invalid";
    expectEqual(problems, "result", test.result, result);
    return problems;
}

function checkKey(test) {
    const problems = [];
    expectEqual(problems, "length", test.length, test.key.length);
    if (test.utf8Hex !== undefined) {
        expectEqual(problems, "utf8Hex", test.utf8Hex, Buffer.from(test.key, "utf8").toString("hex"));
    }
    const made = outcome(() => crypto.createCipheriv("aes256", Buffer.from(test.key, "latin1"), Buffer.alloc(16)));
    if (test.result === "invalid") {
        compareVerdict(problems, "key", { result: "invalid", error: test.error, nodeError: test.nodeError }, made);
        return problems;
    }
    expectEqual(problems, "accepted", "valid", made.result);
    const bytes = Buffer.from(test.key, "latin1");
    expectEqual(problems, "keyHex", test.keyHex, bytes.toString("hex"));
    expectEqual(problems, "kcv", test.kcv, keyCheckValue(bytes));
    const { iv, plaintext, envelope } = test.envelope;
    expectEqual(problems, "envelope", envelope, symmetricEncrypt(plaintext, test.key, Buffer.from(iv, "hex")));
    const truncated = [...test.key].some((character) => character.codePointAt(0) > 0xff);
    expectEqual(problems, "acceptable exactly when characters are truncated", truncated ? "acceptable" : "valid", test.result);
    return problems;
}

function checkKeyCheckValue(test) {
    const problems = [];
    const bytes = {
        bytes: () => Buffer.from(test.bytesHex, "hex"),
        secret: () => Buffer.from(test.secret, "utf8"),
        envelopeKey: () => Buffer.from(test.key, "latin1"),
    }[test.input]();
    const matches = keyCheckValue(bytes) === test.kcv;
    if (matches !== (test.result === "valid")) {
        problems.push(`kcv ${test.kcv} ${matches ? "matches" : "does not match"} but the vector says ${test.result}`);
    }
    return problems;
}

// MARK: - Schema validation (the subset of draft-07 the schemas use)

function validate(schema, value, at, rootSchema, problems) {
    if (schema.$ref !== undefined) {
        const name = schema.$ref.replace("#/definitions/", "");
        return validate(rootSchema.definitions[name], value, at, rootSchema, problems);
    }
    const type = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
    const fail = (message) => problems.push(`${at}: ${message}`);
    if (schema.const !== undefined && value !== schema.const) fail(`must be ${JSON.stringify(schema.const)}`);
    if (schema.enum !== undefined && !schema.enum.includes(value)) fail(`must be one of ${schema.enum.join(", ")}`);
    if (schema.type !== undefined) {
        const ok = schema.type === "integer" ? Number.isInteger(value) : schema.type === type;
        if (!ok) return fail(`must be ${schema.type}`);
    }
    if (type === "string") {
        if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) fail(`does not match ${schema.pattern}`);
        if (schema.minLength !== undefined && value.length < schema.minLength) fail(`shorter than ${schema.minLength}`);
    }
    if (type === "number" && schema.minimum !== undefined && value < schema.minimum) fail(`below ${schema.minimum}`);
    if (type === "array") {
        if (schema.minItems !== undefined && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
        if (schema.items !== undefined) value.forEach((item, index) => validate(schema.items, item, `${at}[${index}]`, rootSchema, problems));
    }
    if (type === "object") {
        for (const name of schema.required ?? []) {
            if (!(name in value)) fail(`missing ${name}`);
        }
        for (const [name, item] of Object.entries(value)) {
            const property = schema.properties?.[name];
            if (property !== undefined) {
                validate(property, item, `${at}.${name}`, rootSchema, problems);
            } else if (schema.additionalProperties === false) {
                fail(`unexpected property ${name}`);
            } else if (typeof schema.additionalProperties === "object") {
                validate(schema.additionalProperties, item, `${at}.${name}`, rootSchema, problems);
            }
        }
    }
    if (schema.oneOf !== undefined) {
        const matching = schema.oneOf.filter((option) => {
            const inner = [];
            validate(option, value, at, rootSchema, inner);
            return inner.length === 0;
        });
        if (matching.length !== 1) fail(`matches ${matching.length} of the oneOf schemas, not exactly one`);
    }
}

// MARK: - Main

const CHECKERS = {
    AesCbcTest: (file, group, test) => checkAes(file, group, test),
    EnvelopeEncryptTest: (file, group, test) => checkEncrypt(group, test),
    EnvelopeDecryptTest: (file, group, test) => checkDecrypt(group, test),
    EnvelopeKeyTest: (file, group, test) => checkKey(test),
    KeyCheckValueTest: (file, group, test) => checkKeyCheckValue(test),
};

const files = fs.readdirSync(directory).filter((name) => name.endsWith(".json")).sort();
if (files.length === 0) {
    console.log(`no vector files in ${directory}`);
    process.exit(1);
}
for (const name of files) {
    let document;
    check(`${name} parses`, () => {
        document = JSON.parse(fs.readFileSync(path.join(directory, name), "utf8"));
    });
    if (document === undefined) {
        continue;
    }

    const schemaPath = path.join(directory, "schema", name.replace(/\.json$/, ".schema.json"));
    check(`${name} matches ${path.relative(directory, schemaPath)}`, () => {
        const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
        const problems = [];
        validate(schema, document, "$", schema, problems);
        return problems.slice(0, 10);
    });

    check(`${name} bookkeeping`, () => {
        const problems = [];
        const tests = (document.testGroups ?? []).flatMap((group) => group.tests ?? []);
        expectEqual(problems, "numberOfTests", document.numberOfTests, tests.length);
        const ids = tests.map((test) => test.tcId);
        if (new Set(ids).size !== ids.length) problems.push("repeated tcId");
        for (const flag of new Set(tests.flatMap((test) => test.flags ?? []))) {
            if (!(flag in (document.notes ?? {}))) problems.push(`flag ${flag} has no note`);
        }
        return problems;
    });

    for (const group of document.testGroups ?? []) {
        const checker = CHECKERS[group.type];
        for (const test of group.tests ?? []) {
            check(`${name} tcId ${test.tcId} (${test.comment})`, () =>
                checker ? checker(name, group, test) : [`unknown group type ${group.type}`]
            );
        }
    }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
