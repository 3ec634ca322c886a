// The JSON Schemas (draft-07) of the vector files, written to vectors/schema/ by generate.mjs. Each schema is
// self-contained: the shared parts are repeated in each file's `definitions`.

const BUG_TYPES = [
    "BASIC",
    "FUNCTIONALITY",
    "EDGE_CASE",
    "LEGACY",
    "MALLEABILITY",
    "MISSING_STEP",
    "WRONG_PRIMITIVE",
];

const ERROR_CODES = [
    "key-length",
    "separator",
    "invalid-iv",
    "non-hex-character",
    "uppercase-hex",
    "odd-hex-length",
    "wrong-final-block-length",
    "bad-decrypt",
    "plaintext-not-utf8",
    "plaintext-not-json",
    "plaintext-not-object",
];

const string = { type: "string" };
const hex = { type: "string", pattern: "^([0-9a-f]{2})*$" };
const ref = (name) => ({ $ref: `#/definitions/${name}` });

function object(properties, required, extra = {}) {
    return { type: "object", additionalProperties: false, required, properties, ...extra };
}

const commonDefinitions = {
    note: object(
        {
            bugType: { enum: BUG_TYPES, description: "The class of bug a failing vector points to." },
            description: { type: "string", minLength: 1 },
            links: { type: "array", items: { type: "string", pattern: "^https://" } },
        },
        ["bugType", "description"]
    ),
    flags: { type: "array", items: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" } },
    result: { enum: ["valid", "invalid", "acceptable"] },
    hex,
    tcId: { type: "integer", minimum: 1, description: "Stable across releases: never renumbered or reused." },
};

function fileSchema(title, description, group, definitions) {
    return {
        $schema: "http://json-schema.org/draft-07/schema#",
        title,
        description,
        ...object(
            {
                schema: { const: "credsync-vectors/1" },
                algorithm: { type: "string", minLength: 1 },
                version: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" },
                numberOfTests: { type: "integer", minimum: 0 },
                header: { type: "array", items: string },
                notes: { type: "object", additionalProperties: ref("note") },
                testGroups: { type: "array", minItems: 1, items: ref("group") },
            },
            ["schema", "algorithm", "version", "numberOfTests", "header", "notes", "testGroups"]
        ),
        definitions: { ...commonDefinitions, group, ...definitions },
    };
}

function testSchema(properties, required) {
    return object(
        { tcId: ref("tcId"), comment: string, flags: ref("flags"), ...properties, result: ref("result") },
        ["tcId", "comment", "flags", ...required, "result"]
    );
}

const kat = fileSchema(
    "credsync AES-256-CBC known-answer vectors",
    "Raw and PKCS#7-padded AES-256-CBC vectors (vectors/aes_256_cbc_kat.json).",
    object(
        {
            type: { const: "AesCbcTest" },
            source: object({ name: string, version: string }, ["name", "version"]),
            keySize: { const: 256 },
            ivSize: { const: 128 },
            padding: { enum: ["none", "pkcs7"] },
            direction: { enum: ["encrypt", "decrypt", "both"] },
            tests: { type: "array", items: ref("test") },
        },
        ["type", "source", "keySize", "ivSize", "padding", "direction", "tests"]
    ),
    {
        test: testSchema(
            {
                key: { type: "string", pattern: "^[0-9a-f]{64}$" },
                iv: { type: "string", pattern: "^[0-9a-f]{32}$" },
                msg: hex,
                ct: hex,
            },
            ["key", "iv", "msg", "ct"]
        ),
    }
);

const keyedGroup = (type) =>
    object(
        {
            type: { const: type },
            comment: string,
            key: { type: "string", description: "The key string as configured; converted with latin1." },
            keyHex: { type: "string", pattern: "^[0-9a-f]{64}$" },
            tests: { type: "array", items: ref("test") },
        },
        ["type", "comment", "key", "keyHex", "tests"]
    );

const encrypt = fileSchema(
    "credsync envelope encryption vectors",
    "Envelopes made with fixed IVs (vectors/envelope_encrypt.json).",
    keyedGroup("EnvelopeEncryptTest"),
    {
        test: testSchema(
            {
                iv: { type: "string", pattern: "^[0-9a-f]{32}$" },
                plaintext: string,
                plaintextHex: hex,
                envelope: { type: "string", pattern: "^[0-9a-f]{32}:([0-9a-f]{32})+$" },
            },
            ["iv", "plaintext", "plaintextHex", "envelope"]
        ),
    }
);

const verdict = object(
    {
        result: { enum: ["valid", "invalid"] },
        error: { enum: ERROR_CODES },
        nodeError: { type: "string", pattern: "^(ERR_[A-Z0-9_]+|SyntaxError)$" },
    },
    ["result"]
);

const decrypt = fileSchema(
    "credsync envelope decryption vectors",
    "Envelopes with strict and compatible verdicts (vectors/envelope_decrypt.json).",
    keyedGroup("EnvelopeDecryptTest"),
    {
        verdict,
        test: testSchema(
            {
                envelope: string,
                strict: ref("verdict"),
                compatible: ref("verdict"),
                plaintextHex: hex,
                plaintext: string,
                json: object(
                    { strict: ref("verdict"), compatible: ref("verdict"), serialized: string },
                    ["strict", "compatible"]
                ),
            },
            ["envelope", "strict", "compatible"]
        ),
    }
);

const key = fileSchema(
    "credsync envelope key vectors",
    "Key strings and the AES key bytes Cal.com makes of them (vectors/envelope_key.json).",
    object(
        { type: { const: "EnvelopeKeyTest" }, comment: string, tests: { type: "array", items: ref("test") } },
        ["type", "comment", "tests"]
    ),
    {
        test: testSchema(
            {
                key: string,
                length: { type: "integer", minimum: 0, description: "UTF-16 code units." },
                utf8Hex: hex,
                keyHex: { type: "string", pattern: "^[0-9a-f]{64}$" },
                kcv: { type: "string", pattern: "^kcv:[0-9a-f]{12}$" },
                envelope: object(
                    {
                        iv: { type: "string", pattern: "^[0-9a-f]{32}$" },
                        plaintext: string,
                        envelope: { type: "string", pattern: "^[0-9a-f]{32}:([0-9a-f]{32})+$" },
                    },
                    ["iv", "plaintext", "envelope"]
                ),
                error: { const: "key-length" },
                nodeError: { const: "ERR_CRYPTO_INVALID_KEYLEN" },
            },
            ["key", "length"]
        ),
    }
);

const kcvTest = (input, field, schema) =>
    testSchema({ input: { const: input }, [field]: schema, kcv: { type: "string", pattern: "^kcv:" } }, [
        "input",
        field,
        "kcv",
    ]);

const kcv = fileSchema(
    "credsync key-check value vectors",
    "KeyCheckValue of bytes, secrets and envelope keys (vectors/key_check_value.json).",
    object(
        {
            type: { const: "KeyCheckValueTest" },
            comment: string,
            tests: { type: "array", items: { oneOf: [ref("bytesTest"), ref("secretTest"), ref("envelopeKeyTest")] } },
        },
        ["type", "comment", "tests"]
    ),
    {
        bytesTest: kcvTest("bytes", "bytesHex", hex),
        secretTest: kcvTest("secret", "secret", string),
        envelopeKeyTest: kcvTest("envelopeKey", "key", string),
    }
);

/** The schema files, by the name of the vector file they describe. */
export const SCHEMAS = {
    "aes_256_cbc_kat.json": kat,
    "envelope_encrypt.json": encrypt,
    "envelope_decrypt.json": decrypt,
    "envelope_key.json": key,
    "key_check_value.json": kcv,
};

/** The schema file name for a vector file name. */
export function schemaFileName(vectorFile) {
    return vectorFile.replace(/\.json$/, ".schema.json");
}
