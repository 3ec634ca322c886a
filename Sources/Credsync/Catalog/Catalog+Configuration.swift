// Configuration: both sides' `.env` files and their agreement.
// Checked by `credsync doctor`; checks live in Sources/CredsyncConformance/Checks/Configuration/.
extension Catalog {
    static let configurationRequirements: [Requirement] =
        configurationValues + configurationAgreement
        + configurationEndpoint

    /// The doctor's checks, proven by planting each defect in a clean pair of `.env` files and by running the
    /// command itself.
    private static func doctorCovered(defect: String) -> Coverage {
        Coverage(
            checks: [.doctor],
            defect: defect,
            status: .covered,
            tests: [
                "Tests/CredsyncConformanceTests/Checks/Configuration/ConfigurationCheckTests.swift",
                "Tests/CredsyncCLITests/DoctorCommandTests.swift",
            ]
        )
    }

    private static let configurationValues: [Requirement] = [
        Requirement(
            "CFG-001",
            .must,
            .configuration,
            [.legacy, .current],
            title: "The edition's secret variable is set",
            statement: "Each side sets the edition's secret variable to a non-empty value.",
            expectations: [
                .legacy: "CALCOM_WEBHOOK_SECRET.",
                .current: "CALCOM_CREDENTIAL_SYNC_SECRET.",
            ],
            sources: [.constants, .docs("step 1")],
            note: "It is half of the on/off switch.",
            coverage: doctorCovered(defect: "secret-unset")
        ),
        Requirement(
            "CFG-002",
            .must,
            .configuration,
            [.legacy, .current],
            title: "The encryption key is set",
            statement: "Both sides set CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY to a non-empty value.",
            sources: [.constants, .crypto, .docs("step 1")],
            note: "It is the other half of the switch; decrypting with the \"\" fallback throws.",
            coverage: doctorCovered(defect: "key-unset")
        ),
        Requirement(
            "CFG-003",
            .must,
            .configuration,
            [.legacy, .current],
            title: "The key is exactly 32 characters",
            statement: """
                CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY is exactly 32 characters, taken as latin1 bytes: the output of \
                `openssl rand -base64 24` used as it is, not decoded.
                """,
            sources: [.crypto, .envExample, .run("31- and 44-character keys throw Invalid key length")],
            note: """
                The trap: `openssl rand -base64 32` prints 44 characters, which Cal.com rejects; `.env.example`'s \
                "24 bytes" means 24 random bytes written as 32 characters.
                """,
            coverage: doctorCovered(defect: "key-base64-32")
        ),
        Requirement(
            "CFG-004",
            .should,
            .configuration,
            [.legacy, .current],
            title: "The key is ASCII",
            statement: "The key should contain only ASCII characters.",
            sources: [.crypto, .run("\"é\" is one latin1 byte but two UTF-8 bytes; U+0100 becomes 0x00")],
            note: "A platform that UTF-8-encodes a non-ASCII key derives different bytes from Cal.com's.",
            coverage: doctorCovered(defect: "key-non-ascii")
        ),
        Requirement(
            "CFG-005",
            .should,
            .configuration,
            [.legacy, .current],
            title: "The secret is strong",
            statement: """
                The secret should be at least 32 characters of random data, as from `openssl rand -base64 32`, and \
                differ from the encryption key.
                """,
            sources: [.envExample, .docs("step 1")],
            coverage: doctorCovered(defect: "weak-secret")
        ),
        Requirement(
            "CFG-006",
            .must,
            .configuration,
            [.legacy, .current],
            title: "The secret fits in a header",
            statement: """
                The secret is printable ASCII with no leading or trailing whitespace.
                """,
            sources: [.run("the HTTP parser trims header values, so a padded secret can never match")],
            coverage: doctorCovered(defect: "secret-with-whitespace")
        ),
        Requirement(
            "CFG-007",
            .must,
            .configuration,
            [.legacy, .current],
            title: "The header name is a valid HTTP token",
            statement: "The header-name variable, when set, is a non-empty RFC 9110 token (no spaces, no colon).",
            sources: [.webhookRoute, .run("Headers.get throws a TypeError for an invalid name")],
            note: "On the App Router every webhook call then fails with 500.",
            coverage: doctorCovered(defect: "header-name-with-space")
        ),
        Requirement(
            "CFG-008",
            .must,
            .configuration,
            [.legacy],
            title: "The header name is lowercase (legacy)",
            statement: "CALCOM_WEBHOOK_HEADER_NAME, when set, has no uppercase letters.",
            sources: [.webhookPagesLegacy, .run("Node lowercases incoming header names")],
            note: "The pages router reads req.headers[name]: a name with an uppercase letter never matches.",
            coverage: doctorCovered(defect: "uppercase-header-name")
        ),
        Requirement(
            "CFG-009",
            .should,
            .configuration,
            [.current],
            title: "The header name is lowercase",
            statement: "CALCOM_CREDENTIAL_SYNC_HEADER_NAME, when set, should have no uppercase letters.",
            sources: [.envExample, .apiVerifySync, .exampleGetToken],
            note: """
                The App Router webhook matches any case, but API v1 and the example endpoint read req.headers[name] \
                and never match a mixed-case name.
                """,
            coverage: doctorCovered(defect: "mixed-case-header-name")
        ),
        Requirement(
            "CFG-010",
            .must,
            .configuration,
            [.current],
            title: "Current variable names used",
            statement: """
                A current-edition configuration sets CALCOM_CREDENTIAL_SYNC_SECRET (and, if any, \
                CALCOM_CREDENTIAL_SYNC_HEADER_NAME); CALCOM_WEBHOOK_SECRET and CALCOM_WEBHOOK_HEADER_NAME are not \
                read and cannot stand in for them.
                """,
            sources: [.constants, .docs("step 1")],
            note: "A configuration copied from the docs leaves today's Cal.com switched off.",
            coverage: doctorCovered(defect: "legacy-variable-names")
        ),
        Requirement(
            "CFG-011",
            .should,
            .configuration,
            [.legacy, .current],
            title: "No CALCOM_CREDENTIAL_SYNC_SECRET_HEADER_NAME",
            statement: """
                CALCOM_CREDENTIAL_SYNC_SECRET_HEADER_NAME should not be set: nothing reads it; the header name \
                variable is CALCOM_CREDENTIAL_SYNC_HEADER_NAME.
                """,
            sources: [.pullRequest(13907), .constants],
            coverage: doctorCovered(defect: "unread-header-variable")
        ),
    ]

    private static let configurationAgreement: [Requirement] = [
        Requirement(
            "CFG-012",
            .must,
            .configuration,
            [.legacy, .current],
            title: "Both sides use the same header name",
            statement: """
                The platform sends and checks the header name Cal.com uses, counting an unset variable as the \
                edition's default.
                """,
            expectations: [
                .legacy: "Default calcom-webhook-secret.",
                .current: "Default calcom-credential-sync-secret.",
            ],
            sources: [.constants, .exampleGetToken],
            note: "The example app's constants give no default, so both sides should set it explicitly.",
            coverage: doctorCovered(defect: "header-name-mismatch")
        ),
        Requirement(
            "CFG-013",
            .must,
            .configuration,
            [.legacy, .current],
            title: "Both sides share the secret",
            statement: "The two sides' secrets have the same key-check value.",
            sources: [.webhookRoute, .exampleGetToken],
            coverage: doctorCovered(defect: "secret-mismatch")
        ),
        Requirement(
            "CFG-014",
            .must,
            .configuration,
            [.legacy, .current],
            title: "Both sides share the key",
            statement: "The two sides' keys, taken as latin1 bytes, have the same key-check value.",
            sources: [.crypto],
            coverage: doctorCovered(defect: "key-mismatch")
        ),
    ]

    private static let configurationEndpoint: [Requirement] = [
        Requirement(
            "CFG-015",
            .must,
            .configuration,
            [.legacy, .current],
            title: "The sync endpoint is set to an absolute URL",
            statement: "CALCOM_CREDENTIAL_SYNC_ENDPOINT is set to an absolute http or https URL.",
            sources: [.oauthManager, .docs("step 1")],
            note: "Unset, Cal.com never calls the platform and cannot refresh tokens it holds no refresh token for.",
            coverage: doctorCovered(defect: "relative-endpoint")
        ),
        Requirement(
            "CFG-016",
            .should,
            .configuration,
            [.legacy, .current],
            title: "The sync endpoint uses https",
            statement: "The endpoint URL should be https; http only for a loopback host (localhost, 127.0.0.0/8, ::1).",
            sources: [.inference("the refresh call carries the secret and the answer carries a token")],
            note: "The example README's http://localhost:5100/api/getToken is loopback.",
            coverage: doctorCovered(defect: "plain-http-endpoint")
        ),
        Requirement(
            "CFG-017",
            .should,
            .configuration,
            [.legacy],
            title: "Legacy sync endpoint not public",
            statement: """
                With the legacy edition the endpoint should be on a loopback or private address, as the legacy \
                caller sends no secret.
                """,
            sources: [.refreshOAuthTokensLegacy],
            coverage: doctorCovered(defect: "public-legacy-endpoint")
        ),
        Requirement(
            "CFG-018",
            .should,
            .configuration,
            [.legacy, .current],
            title: "The sync endpoint carries no credentials",
            statement: """
                CALCOM_CREDENTIAL_SYNC_ENDPOINT should hold no user name or password: the platform authenticates \
                Cal.com by the secret header, and a URL's user information ends up in logs and error messages.
                """,
            sources: [.oauthManager, .inference("URLs are logged and echoed in fetch errors")],
            coverage: doctorCovered(defect: "endpoint-with-userinfo")
        ),
    ]
}
