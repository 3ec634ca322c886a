// The platform sender: what it pushes to `POST /api/webhook/app-credential`.
// Checked by `credsync mock calcom`; checks live in Sources/CredsyncConformance/Checks/Sender/.
extension Catalog {
    static let senderRequirements: [Requirement] = senderRequest + senderEnvelope + senderPlaintext

    /// The test that plants each SND defect in an independent Node sender.
    private static let senderCheckTests = "Tests/CredsyncConformanceTests/Checks/Sender/SenderCheckTests.swift"

    private static let senderRequest: [Requirement] = [
        Requirement(
            "SND-001",
            .must,
            .sender,
            [.legacy, .current],
            title: "POST to the webhook path",
            statement: "Pushes are POST requests to <instance URL>/api/webhook/app-credential, with no other path.",
            sources: [.docs("step 2"), .webhookRoute],
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "wrong-path",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-002",
            .must,
            .sender,
            [.legacy, .current],
            title: "Secret under the edition's header name",
            statement: "Every push carries the secret under the header name the instance is configured with.",
            expectations: [
                .legacy: "CALCOM_WEBHOOK_HEADER_NAME, default calcom-webhook-secret, holding CALCOM_WEBHOOK_SECRET.",
                .current: """
                CALCOM_CREDENTIAL_SYNC_HEADER_NAME, default calcom-credential-sync-secret, holding \
                CALCOM_CREDENTIAL_SYNC_SECRET.
                """,
            ],
            sources: [.docs("step 1"), .constants],
            note: "A platform configured from the docs alone sends the legacy name, which today's Cal.com refuses.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "other-edition-header",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-003",
            .must,
            .sender,
            [.legacy, .current],
            title: "Header value is exactly the secret, once",
            statement: """
                The secret header appears once and its value is the shared secret byte for byte: no quotes, no \
                scheme such as "Bearer ", no added newline.
                """,
            sources: [.webhookRoute, .run("duplicate headers arrive joined with \", \"")],
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "wrong-secret",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-004",
            .must,
            .sender,
            [.legacy],
            title: "JSON body labelled application/json (legacy)",
            statement: "Pushes carry Content-Type: application/json.",
            sources: [.nextPagesRouter],
            note: "The pages router parses JSON only under this type; any other gives the handler a raw string.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "missing-content-type",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-005",
            .should,
            .sender,
            [.current],
            title: "JSON body labelled application/json",
            statement: "Pushes should carry Content-Type: application/json.",
            sources: [.webhookRoute],
            note: "Today's Cal.com takes JSON under any content type, so this is not needed for it to work.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "text-plain-body",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-006",
            .must,
            .sender,
            [.legacy, .current],
            title: "Body is a JSON object with userId, appSlug and keys",
            statement: """
                The body is one JSON object with the fields userId, appSlug and keys; not a form, not API v1's \
                encryptedKey.
                """,
            sources: [.docs("step 2"), .webhookRoute],
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "form-encoded-body",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-007",
            .must,
            .sender,
            [.legacy, .current],
            title: "userId is a JSON integer",
            statement: "userId is a JSON number with an integer value from 1 to 2147483647, not a string.",
            sources: [.docs("step 2"), .webhookRoute],
            note: "Values beyond Postgres int4 probably give a database error (500).",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "user-id-as-string",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-008",
            .must,
            .sender,
            [.legacy, .current],
            title: "appSlug is a known app slug",
            statement: """
                appSlug is the app's slug as in the App table (google-calendar, zoom, office365-calendar, msteams, \
                …), not its directory name (googlecalendar, zoomvideo).
                """,
            sources: [.docs("step 2"), .webhookRoute],
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "dir-name-slug",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
    ]

    private static let senderEnvelope: [Requirement] = [
        Requirement(
            "SND-009",
            .must,
            .sender,
            [.legacy, .current],
            title: "keys decrypts with the shared key",
            statement: """
                keys is a string that Cal.com's symmetricDecrypt opens with CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY \
                (compatible decoding).
                """,
            sources: [.docs("step 1"), .crypto],
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "wrong-key",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-010",
            .should,
            .sender,
            [.legacy, .current],
            title: "keys is a canonical envelope",
            statement: """
                keys matches ^[0-9a-f]{32}:([0-9a-f]{32})+$ exactly: lowercase hex, one colon, whole blocks, no \
                whitespace or trailing characters (strict decoding).
                """,
            sources: [.crypto, .run("Node accepts uppercase and ignores some trailing junk")],
            note: "Cal.com tolerates uppercase and even-length junk; a stricter receiver would not.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "uppercase-hex",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-011",
            .must,
            .sender,
            [.legacy, .current],
            title: "A fresh IV for every push",
            statement: "No two pushes seen by the receiver share an IV.",
            sources: [.crypto],
            note: "Cal.com draws 16 random bytes for every encryption; a reused IV leaks equal plaintext prefixes.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "iv-reuse",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
    ]

    private static let senderPlaintext: [Requirement] = [
        Requirement(
            "SND-012",
            .must,
            .sender,
            [.legacy, .current],
            title: "Plaintext is a JSON object",
            statement: "The decrypted keys are UTF-8 JSON text of an object, not a scalar, an array or other text.",
            sources: [.webhookRoute, .docs("step 2")],
            note: "The webhook stores a scalar unvalidated, which later breaks the app's token parsing.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "scalar-plaintext",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-013",
            .must,
            .sender,
            [.legacy, .current],
            title: "Plaintext holds a string access_token",
            statement: "The plaintext object has access_token, a non-empty string.",
            sources: [.docs("step 2"), .universalSchema],
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "missing-access-token",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-014",
            .should,
            .sender,
            [.legacy, .current],
            title: "Plaintext holds a future expiry_date",
            statement: "The plaintext should have expiry_date, later than the time of the push.",
            sources: [.docs("step 2: ideally it should contain the access token and expiry date"), .oauthManager],
            note: """
                Without an expiry the token counts as expired (expiry 0), so the first use triggers a refresh call.
                """,
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "no-expiry",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-015",
            .must,
            .sender,
            [.legacy, .current],
            title: "expiry_date in epoch milliseconds",
            statement: """
                expiry_date, when present, is a JSON number of milliseconds since the epoch (at least 10^12); a value \
                in seconds is refused.
                """,
            sources: [.oauthManager],
            note: "A value in seconds reads as a 1970 date: the token is expired at once.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "expiry-in-seconds",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-016",
            .should,
            .sender,
            [.current],
            title: "Expiry given as expiry_date, not expires_in alone",
            statement: "A plaintext with expires_in should also carry the absolute expiry_date.",
            sources: [.webhookRoute, .oauthManager],
            note: """
                The webhook stores keys as they are; OAuthManager reads an expires_in up to 10^9 with no \
                expiry_date as already expired.
                """,
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "expires-in-only",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-017",
            .should,
            .sender,
            [.current],
            title: "No refresh_token pushed",
            statement: "The plaintext should not carry refresh_token: in sync mode Cal.com never refreshes itself.",
            sources: [.oauthManager, .pullRequest(14788)],
            note: "Keeping the long-lived token on the platform limits what a leak of Cal.com's database exposes.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "push-refresh-token",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
        Requirement(
            "SND-018",
            .should,
            .sender,
            [.legacy, .current],
            title: "No concurrent pushes for one credential",
            statement: """
                A sender should not have two pushes for the same (userId, appSlug) in flight at once.
                """,
            sources: [.webhookRoute],
            note: "Cal.com's find-then-create can make duplicate credentials under concurrent first pushes.",
            coverage: Coverage(
                checks: [.mockCalcom],
                defect: "concurrent-first-push",
                status: .covered,
                tests: [senderCheckTests]
            )
        ),
    ]
}
