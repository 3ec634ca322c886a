// Cal.com as the refresh caller: what it sends to CALCOM_CREDENTIAL_SYNC_ENDPOINT and how it treats the answer.
// Checked by `credsync mock endpoint`; checks live in Sources/CredsyncConformance/Checks/RefreshCaller/.
extension Catalog {
    static let refreshCallerRequirements: [Requirement] = refreshRequest + refreshTreatment

    /// The test that plants each caller defect in an independent Node caller against `credsync mock endpoint`'s
    /// stand-in and sees exactly that check fail, and pass without it.
    private static func mockEndpointCovered(defect: String) -> Coverage {
        Coverage(
            checks: [.mockEndpoint],
            defect: defect,
            status: .covered,
            tests: ["Tests/CredsyncConformanceTests/Checks/RefreshCaller/RefreshCallerCheckTests.swift"]
        )
    }

    private static let refreshRequest: [Requirement] = [
        Requirement(
            "REF-001",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "POST to exactly the configured URL",
            statement: """
                The refresh call is a POST to CALCOM_CREDENTIAL_SYNC_ENDPOINT exactly as configured: same path, no \
                query added (no ?reason=refresh).
                """,
            sources: [.oauthManager, .refreshOAuthTokensLegacy, .docs("step 3")],
            coverage: mockEndpointCovered(defect: "add-query")
        ),
        Requirement(
            "REF-002",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "Form-encoded content type",
            statement: "The call carries Content-Type: application/x-www-form-urlencoded (charset=UTF-8 allowed).",
            sources: [.oauthManager, .run("fetch sets application/x-www-form-urlencoded;charset=UTF-8")],
            coverage: mockEndpointCovered(defect: "json-content-type")
        ),
        Requirement(
            "REF-003",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "Body has exactly calcomUserId and appSlug",
            statement: "The form body has the fields calcomUserId and appSlug, each once, and nothing else.",
            sources: [.oauthManager, .docs("step 3")],
            coverage: mockEndpointCovered(defect: "extra-field")
        ),
        Requirement(
            "REF-004",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "No JSON body",
            statement: "The body is URL-encoded, not JSON, despite the docs' JSON-like example.",
            sources: [.oauthManager, .docs("step 3")],
            coverage: mockEndpointCovered(defect: "json-body")
        ),
        Requirement(
            "REF-005",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "calcomUserId is the user's id in decimal",
            statement: """
                calcomUserId is the credential owner's user id as a decimal string without sign or leading zeros, \
                never a credential id.
                """,
            sources: [.oauthManager],
            note: "The 2023 zoho-bigin code passed the credential id.",
            coverage: mockEndpointCovered(defect: "credential-id-as-user-id")
        ),
        Requirement(
            "REF-006",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "appSlug is the app's slug",
            statement: "appSlug is the app's metadata slug (google-calendar, zoom), not its directory name.",
            sources: [.oauthManager],
            note: "The 2023 Zoom code sent zoomvideo, its directory name.",
            coverage: mockEndpointCovered(defect: "dir-name-slug")
        ),
        Requirement(
            "REF-007",
            .must,
            .refreshCaller,
            [.current],
            title: "Secret sent under the configured header",
            statement: """
                The call carries CALCOM_CREDENTIAL_SYNC_SECRET under CALCOM_CREDENTIAL_SYNC_HEADER_NAME (default \
                calcom-credential-sync-secret), once.
                """,
            sources: [.oauthManager, .constants],
            coverage: mockEndpointCovered(defect: "omit-secret-header")
        ),
        Requirement(
            "REF-008",
            .may,
            .refreshCaller,
            [.legacy],
            title: "Legacy caller may send a secret",
            statement: """
                The legacy caller sends no secret header; one that does (the #13907 variant, header \
                CALCOM_CREDENTIAL_SYNC_HEADER_NAME defaulting to calcom-webhook-secret) must send the secret itself.
                """,
            sources: [.refreshOAuthTokensLegacy, .refreshOAuthTokens, .pullRequest(13907)],
            coverage: mockEndpointCovered(defect: "wrong-secret-on-refresh")
        ),
        Requirement(
            "REF-009",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "Never called for team credentials",
            statement: "No refresh call is made for a credential without a userId (a team credential).",
            sources: [.oauthManager, .refreshOAuthTokensLegacy],
            coverage: mockEndpointCovered(defect: "refresh-team-credential")
        ),
        Requirement(
            "REF-010",
            .must,
            .refreshCaller,
            [.legacy, .current],
            title: "Called only for an expired token",
            statement: """
                A credential whose expiry_date (epoch ms) is in the future is used without a refresh call.
                """,
            sources: [.oauthManager],
            coverage: mockEndpointCovered(defect: "refresh-every-use")
        ),
    ]

    private static let refreshTreatment: [Requirement] = [
        Requirement(
            "REF-011",
            .must,
            .refreshCaller,
            [.current],
            title: "No expiry means 365 days",
            statement: "An answer with neither expiry_date nor expires_in is stored with expiry_date = now + 365 days.",
            sources: [.oauthManager, .file("packages/app-store/_utils/oauth/OAuthManager.test.ts")],
            coverage: mockEndpointCovered(defect: "no-expiry-means-expired")
        ),
        Requirement(
            "REF-012",
            .must,
            .refreshCaller,
            [.current],
            title: "expires_in is seconds from now",
            statement: """
                An answer with expires_in and no expiry_date is stored with expiry_date = round(now + \
                expires_in × 1000) and without expires_in.
                """,
            sources: [.oauthManager],
            coverage: mockEndpointCovered(defect: "expires-in-as-milliseconds")
        ),
        Requirement(
            "REF-013",
            .must,
            .refreshCaller,
            [.current],
            title: "Unusable answers change nothing",
            statement: """
                An answer that is empty, not JSON, or lacks a string access_token makes the refresh fail ("Invalid \
                token response") and leaves the stored credential unchanged.
                """,
            sources: [.oauthManager, .universalSchema],
            coverage: .planned([.mockEndpoint], defect: "accept-tokenless-answer")
        ),
        Requirement(
            "REF-014",
            .should,
            .refreshCaller,
            [.current],
            title: "Error statuses not taken as tokens",
            statement: "A non-2xx answer should not be stored as a token, even when it carries access_token.",
            sources: [.oauthManager],
            note: "Today's Cal.com misses this: a 500 carrying access_token is accepted.",
            knownMisses: [.current],
            coverage: .planned([.mockEndpoint], defect: "accept-token-on-error-status")
        ),
        Requirement(
            "REF-015",
            .should,
            .refreshCaller,
            [.current],
            title: "Secret not forwarded across a redirect",
            statement: "The caller should not send the secret to another origin when the endpoint redirects.",
            sources: [.inference("fetch follows redirects; the Fetch standard keeps custom headers cross-origin")],
            note: "Today's Cal.com misses this.",
            knownMisses: [.current],
            coverage: .planned([.mockEndpoint], defect: "forward-secret-on-redirect")
        ),
        Requirement(
            "REF-016",
            .should,
            .refreshCaller,
            [.legacy, .current],
            title: "Slow endpoint times out",
            statement: "The caller should give up on an endpoint that does not answer within a bounded time.",
            sources: [.oauthManager],
            note: "Today's Cal.com misses this: the sync path has no timeout and no retry.",
            knownMisses: [.legacy, .current],
            coverage: .planned([.mockEndpoint], defect: "no-timeout")
        ),
    ]
}
