// The Cal.com instance: the webhook `POST /api/webhook/app-credential` and API v1 `/credential-sync`.
// Checked by `credsync probe calcom`; checks live in Sources/CredsyncConformance/Checks/Calcom/.
extension Catalog {
    static let calcomRequirements: [Requirement] =
        webhookAuthentication + webhookBody + webhookOutcome
        + webhookHardening + apiV1

    private static let invalidSecret: [Edition: ExpectedResponse] = [
        .legacy: .json(403, #"{"message":"Invalid webhook secret"}"#),
        .current: .json(403, #"{"message":"Invalid credential sync secret"}"#),
    ]

    private static let schemaError: [Edition: ExpectedResponse] = [
        .legacy: .text(500, "Internal Server Error"),
        .current: .jsonWithKey(400, "error"),
    ]

    private static let serverError: [Edition: ExpectedResponse] = [
        .legacy: .text(500, "Internal Server Error"),
        .current: .json(500, #"{"message":"Internal server error"}"#),
    ]

    private static let webhookAuthentication: [Requirement] = [
        Requirement(
            "CAL-001",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Switched off unless secret and key are both set",
            statement: """
                With the secret or the encryption key empty, every request, even one with the right secret, gets 403 \
                {"message":"Credential sharing is not enabled"}, and nothing is written.
                """,
            expectations: [
                .legacy: "The switch is CALCOM_WEBHOOK_SECRET && CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY.",
                .current: "The switch is CALCOM_CREDENTIAL_SYNC_SECRET && CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY.",
            ],
            responses: [
                .legacy: .json(403, #"{"message":"Credential sharing is not enabled"}"#),
                .current: .json(403, #"{"message":"Credential sharing is not enabled"}"#),
            ],
            sources: [.constants, .webhookRoute, .webhookPagesLegacy],
            note: """
                Observable only on an instance declared switched off. The legacy wording is inferred: the known \
                differences of the pages-router versions do not include it.
                """,
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "ignore-switch",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeTests.swift"]
            )
        ),
        Requirement(
            "CAL-002",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Missing secret header rejected",
            statement: "A well-formed push without the secret header gets 403 and nothing is written.",
            responses: invalidSecret,
            sources: [.webhookRoute, .webhookPagesLegacy],
            note: "Legacy answers \"Invalid webhook secret\" up to commit 0315fefe.",
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "accept-missing-secret",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-003",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Wrong secret rejected",
            statement: """
                A push whose secret header differs from the secret (another value, the secret with a suffix, or the \
                header sent twice, which arrives joined as "s, s") gets 403 and nothing is written.
                """,
            responses: invalidSecret,
            sources: [.webhookRoute, .run("duplicate headers arrive joined with \", \"")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "accept-wrong-secret",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-004",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Secret compared case-sensitively",
            statement: "The secret with its letters' case changed gets 403: the comparison is exact.",
            responses: invalidSecret,
            sources: [.webhookRoute],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "case-insensitive-secret",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-005",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Other edition's header name rejected",
            statement: """
                The right secret sent only under the other edition's default header name gets 403.
                """,
            expectations: [
                .legacy: "The secret under calcom-credential-sync-secret is refused.",
                .current: "The secret under calcom-webhook-secret is refused.",
            ],
            responses: invalidSecret,
            sources: [.constants, .webhookPagesLegacy],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "accept-other-edition-header",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-006",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Header name matched in any case on the wire",
            statement: """
                The secret under the configured header name written in another case (e.g. \
                Calcom-Credential-Sync-Secret) is accepted like the lowercase name.
                """,
            sources: [.run("Node lowercases incoming header names; Headers.get ignores case")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "case-sensitive-header-name",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-007",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Whitespace around the header value ignored",
            statement: "The right secret with spaces or tabs around it in the header is accepted.",
            sources: [.run("the HTTP parser trims surrounding whitespace from header values")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "untrimmed-secret-header",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-008",
            .must,
            .calcom,
            [.current],
            title: "Secret checked before the body is read",
            statement: "A wrong secret with a body that is not JSON gets 403 Invalid credential sync secret.",
            responses: [.current: .json(403, #"{"message":"Invalid credential sync secret"}"#)],
            sources: [.webhookRoute],
            note: """
                Known deviation on the pages router (legacy): Next parses a JSON body before the handler, so the \
                same request gets 400 "Invalid JSON".
                """,
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "parse-before-secret",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-009",
            .must,
            .calcom,
            [.current],
            title: "Only POST accepted",
            statement: "GET, PUT, PATCH and DELETE on the webhook get 405 and write nothing.",
            responses: [.current: .status(405)],
            sources: [.webhookRoute, .inference("the App Router answers 405 for methods a route does not export")],
            note: "The legacy pages-router handler has no method check and runs every method as a POST.",
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "accept-any-method",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
    ]

    private static let webhookBody: [Requirement] = [
        Requirement(
            "CAL-010",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Invalid JSON body rejected",
            statement: "An authenticated push whose body is not JSON is rejected and nothing is written.",
            expectations: [
                .legacy: """
                Under Content-Type: application/json the answer is 400 text "Invalid JSON", given before the \
                switch and secret checks.
                """,
                .current: "The answer is 500 {\"message\":\"Internal server error\"}.",
            ],
            responses: [
                .legacy: .text(400, "Invalid JSON"),
                .current: .json(500, #"{"message":"Internal server error"}"#),
            ],
            sources: [.webhookRoute, .nextPagesRouter],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "accept-invalid-json",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-011",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Invalid JSON answered 4xx, not 5xx",
            statement: "A body that is not JSON is a client error and should get a 4xx status.",
            sources: [.webhookRoute],
            note: "Today's Cal.com misses this: request.json() throws inside the try and the catch answers 500.",
            knownMisses: [.current],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "invalid-json-500",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-012",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Body schema enforced",
            statement: """
                An authenticated push is rejected, and nothing written, when userId is missing, a string ("1") or \
                a fraction (1.5), or when appSlug or keys is missing or not a string.
                """,
            expectations: [
                .legacy: "The thrown ZodError becomes Next's 500 text \"Internal Server Error\".",
                .current: "The answer is 400 with the Zod issues under the key \"error\" (not \"message\").",
            ],
            responses: schemaError,
            sources: [.webhookRoute, .webhookPagesLegacy, .docs("step 2")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "lenient-schema",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-013",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Schema violations answered 4xx, not 5xx",
            statement: "A body that breaks the schema is a client error and should get 400.",
            sources: [.webhookPagesLegacy],
            note: "The legacy pages-router handler misses this (a thrown ZodError gives 500).",
            knownMisses: [.legacy],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "schema-error-500",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-014",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Extra body fields ignored",
            statement: """
                A push with fields besides userId, appSlug and keys is handled exactly like the same push without \
                them.
                """,
            sources: [.webhookRoute, .inference("Zod's z.object strips unknown keys by default")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "reject-extra-fields",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-015",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Unknown user gives 404",
            statement: """
                A push for a userId with no user (including a negative one) gets 404 {"message":"User not found"} \
                and nothing is written.
                """,
            responses: [
                .legacy: .json(404, #"{"message":"User not found"}"#),
                .current: .json(404, #"{"message":"User not found"}"#),
            ],
            sources: [.webhookRoute],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "create-for-unknown-user",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-016",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Unknown app slug gives 404",
            statement: """
                A push whose appSlug matches no App row (including the empty string) gets 404 \
                {"message":"App not found"} and nothing is written.
                """,
            responses: [
                .legacy: .json(404, #"{"message":"App not found"}"#),
                .current: .json(404, #"{"message":"App not found"}"#),
            ],
            sources: [.webhookRoute],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "create-for-unknown-app",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-017",
            .must,
            .calcom,
            [.legacy, .current],
            title: "App without metadata gives 404",
            statement: """
                A push for an App row that has no app-store metadata entry gets 404 \
                {"message":"App not found. Ensure that you have the correct app slug"}.
                """,
            responses: [
                .legacy: .json(404, #"{"message":"App not found. Ensure that you have the correct app slug"}"#),
                .current: .json(404, #"{"message":"App not found. Ensure that you have the correct app slug"}"#),
            ],
            sources: [.webhookRoute],
            note: "A live probe needs the operator to name such a slug; otherwise only the stand-in is checked.",
            coverage: Coverage(
                checks: [.probeCalcom, .test],
                defect: "missing-metadata-500",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-018",
            .must,
            .calcom,
            [.legacy, .current],
            title: "User and app looked up before decryption",
            statement: """
                A push for an unknown user or app whose keys cannot be decrypted still gets the 404 of CAL-015 or \
                CAL-016, not the decryption failure.
                """,
            sources: [.webhookRoute],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "decrypt-before-lookup",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-019",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Undecryptable keys rejected without a write",
            statement: """
                A push for a known user and app whose keys fail to decrypt (wrong key, damaged or truncated \
                ciphertext, odd-length hex, no separator) or whose plaintext is not JSON is rejected, and the \
                stored credential is unchanged.
                """,
            expectations: [
                .legacy: "The uncaught error becomes Next's 500 text \"Internal Server Error\".",
                .current: "The error is only logged; the answer is 500 {\"message\":\"Internal server error\"}.",
            ],
            responses: serverError,
            sources: [.webhookRoute, .crypto, .run("decrypt errors for each malformation")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "store-undecryptable-keys",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"],
                vectorFiles: ["vectors/envelope_decrypt.json"]
            )
        ),
        Requirement(
            "CAL-020",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Decryption failures answered 4xx, not 5xx",
            statement: "Keys that cannot be decrypted or parsed are a client error and should get a 4xx status.",
            sources: [.webhookRoute],
            note: "Today's Cal.com misses this in both editions: every decrypt or JSON.parse error gives 500.",
            knownMisses: [.legacy, .current],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "decrypt-error-500",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"],
                vectorFiles: ["vectors/envelope_decrypt.json"]
            )
        ),
        Requirement(
            "CAL-021",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Keys must decrypt to an object with access_token",
            statement: """
                Keys whose plaintext is JSON but not an object holding a string access_token (null, 123, "str", \
                true, an array, {}) should be rejected with 400 and not stored.
                """,
            sources: [.webhookRoute, .run("JSON scalars parse without error")],
            note: """
                Today's Cal.com misses this: the webhook stores the parsed JSON unvalidated (null probably gives a \
                500); API v1 validates with OAuth2UniversalSchema.
                """,
            knownMisses: [.legacy, .current],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "store-scalar-keys",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-022",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Uppercase hex envelope accepted",
            statement: "Keys written in uppercase hex decrypt and are stored like their lowercase form.",
            sources: [.crypto, .run("Buffer.from and decipher.update accept either case of hex")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "reject-uppercase-hex",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
    ]

    private static let webhookOutcome: [Requirement] = [
        Requirement(
            "CAL-023",
            .must,
            .calcom,
            [.legacy, .current],
            title: "First push creates the credential",
            statement: """
                A valid push for a (user, app) with no credential creates one with the decrypted keys, userId, the \
                metadata slug as appId and the metadata type, and gets 200 \
                {"message":"Credentials created for userId: <userId>"}.
                """,
            responses: [
                .legacy: .json(200, #"{"message":"Credentials created for userId: {userId}"}"#),
                .current: .json(200, #"{"message":"Credentials created for userId: {userId}"}"#),
            ],
            sources: [.webhookRoute, .docs("step 2")],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "never-create",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-024",
            .must,
            .calcom,
            [.legacy, .current],
            title: "Later pushes update in place",
            statement: """
                A valid push for a (user, app) that has a credential replaces its key and gets 200 \
                {"message":"Credentials updated for userId: <userId>"}; no second credential is created.
                """,
            responses: [
                .legacy: .json(200, #"{"message":"Credentials updated for userId: {userId}"}"#),
                .current: .json(200, #"{"message":"Credentials updated for userId: {userId}"}"#),
            ],
            sources: [.webhookRoute],
            note: "The invalid flag is not reset on update. API v1 POST, unlike the webhook, always creates.",
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "always-create",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-025",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Concurrent first pushes create one credential",
            statement: """
                Several simultaneous first pushes for the same (user, app) should leave exactly one credential: one \
                answer "created", the others "updated".
                """,
            sources: [.webhookRoute, .inference("find-then-create is not atomic and no unique constraint is known")],
            note: "Today's Cal.com misses this: concurrent first pushes can create duplicates.",
            knownMisses: [.legacy, .current],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "racy-create",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
    ]

    private static let webhookHardening: [Requirement] = [
        Requirement(
            "CAL-026",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Body under a non-JSON content type refused",
            statement: """
                A JSON body sent as text/plain or without Content-Type should be refused (415) rather than taken.
                """,
            sources: [.webhookRoute, .inference("request.json() ignores Content-Type")],
            note: """
                Today's Cal.com misses this: the App Router takes it. The legacy pages router hands the handler a \
                raw string, which fails the schema.
                """,
            knownMisses: [.current],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "ignore-content-type",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-027",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Answers are JSON",
            statement: "Every answer of the handler, errors included, should be application/json.",
            sources: [.nextPagesRouter],
            note: "The legacy pages router answers uncaught errors and invalid JSON with text/plain.",
            knownMisses: [.legacy],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "text-error-body",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-028",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Error bodies carry no internal detail",
            statement: """
                Error answers should carry no stack trace, database or OpenSSL message, key, secret, plaintext or \
                internal URL.
                """,
            sources: [.webhookRoute],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "leak-error-detail",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-029",
            .should,
            .calcom,
            [.legacy, .current],
            title: "Secret compared in constant time",
            statement: """
                The webhook and API v1 should compare the secret in constant time, so response timing does not \
                reveal how much of a guess is right.
                """,
            sources: [.webhookRoute, .issue(30100), .issue(30099), .pullRequest(30101)],
            note: "Today's Cal.com misses this: it compares with !==. The check is statistical.",
            knownMisses: [.legacy, .current],
            coverage: .planned([.probeCalcom], defect: "early-exit-compare")
        ),
    ]

    private static let apiV1: [Requirement] = [
        Requirement(
            "CAL-030",
            .must,
            .calcom,
            [.current],
            title: "API v1 requires a valid apiKey first",
            statement: """
                /api/v1/credential-sync without an apiKey query parameter gets 401 {"message":"No apiKey provided"}, \
                and with an unknown key 401 {"error":"Your API key is not valid."}, before the secret is looked at.
                """,
            responses: [.current: .json(401, #"{"message":"No apiKey provided"}"#)],
            sources: [.apiVerifyKey, .pullRequest(13963)],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-accept-missing-key",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-031",
            .must,
            .calcom,
            [.current],
            title: "API v1 requires a system-wide admin key",
            statement: """
                A valid key of a user who is not a system-wide admin gets 403 \
                {"error":"Only admin API keys can access credential syncing endpoints"}.
                """,
            responses: [
                .current: .json(403, #"{"error":"Only admin API keys can access credential syncing endpoints"}"#)
            ],
            sources: [.apiVerifySync],
            note: "Needs a non-admin key from the operator (--non-admin-api-key-env).",
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-accept-non-admin",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-032",
            .must,
            .calcom,
            [.current],
            title: "API v1 answers 501 when switched off",
            statement: """
                With the switch off, an admin key gets 501 {"error":"Credential syncing is not enabled"}.
                """,
            responses: [.current: .json(501, #"{"error":"Credential syncing is not enabled"}"#)],
            sources: [.apiVerifySync],
            note: "The Swagger comments say 505; the code answers 501.",
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-ignore-switch",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeTests.swift"]
            )
        ),
        Requirement(
            "CAL-033",
            .must,
            .calcom,
            [.current],
            title: "API v1 requires the secret header",
            statement: """
                An admin key with the secret header missing or wrong gets 401 \
                {"message":"Invalid credential sync secret"}.
                """,
            responses: [.current: .json(401, #"{"message":"Invalid credential sync secret"}"#)],
            sources: [.apiVerifySync],
            note: "API v1 reads req.headers[name], so a configured name with uppercase letters never matches.",
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-accept-wrong-secret",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-034",
            .must,
            .calcom,
            [.current],
            title: "API v1 GET lists a user's credentials",
            statement: """
                GET ?userId=N[&appSlug=S] gets 200 {"credentials":[{"id","appId","appSlug"}]} holding only that \
                user's credentials, only that app's when appSlug is given; a userId that is not a number gets 400.
                """,
            responses: [.current: .jsonWithKey(200, "credentials")],
            sources: [.file("apps/api/v1/pages/api/credential-sync/_get.ts"), .apiValidation],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-get-unfiltered",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-035",
            .must,
            .calcom,
            [.current],
            title: "API v1 POST validates and creates",
            statement: """
                POST ?userId=N with {appSlug, encryptedKey} decrypts the key, answers 400 when the plaintext lacks a \
                string access_token (OAuth2UniversalSchema), and otherwise creates a credential and answers 200 \
                {"credential":{"id","type"}}.
                """,
            responses: [.current: .jsonWithKey(200, "credential")],
            sources: [.file("apps/api/v1/pages/api/credential-sync/_post.ts"), .universalSchema],
            note: "POST always creates; repeated calls pile up credentials.",
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-store-tokenless",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-036",
            .must,
            .calcom,
            [.current],
            title: "API v1 PATCH and DELETE scoped to the user",
            statement: """
                PATCH and DELETE ?userId=N&credentialId=C touch only a credential with both that id and that user; \
                otherwise they answer 404 and change nothing.
                """,
            responses: [.current: .status(404)],
            sources: [
                .file("apps/api/v1/pages/api/credential-sync/_patch.ts"),
                .file("apps/api/v1/pages/api/credential-sync/_delete.ts"),
            ],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-unscoped-credential",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
        Requirement(
            "CAL-037",
            .should,
            .calcom,
            [.current],
            title: "API v1 unknown app answered 4xx, not 5xx",
            statement: "POST with an appSlug that names no App should get 404, a client error.",
            sources: [.file("apps/api/v1/pages/api/credential-sync/_post.ts")],
            note: "Today's Cal.com misses this: it answers 500 \"App not found\".",
            knownMisses: [.current],
            coverage: Coverage(
                checks: [.probeCalcom],
                defect: "api-unknown-app-500",
                status: .covered,
                tests: ["Tests/CredsyncConformanceTests/Checks/Calcom/CalcomProbeDefectTests.swift"]
            )
        ),
    ]
}
