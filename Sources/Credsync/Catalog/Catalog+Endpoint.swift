// The platform's sync endpoint (CALCOM_CREDENTIAL_SYNC_ENDPOINT): how it answers Cal.com's refresh calls.
// Checked by `credsync probe endpoint`; checks live in Sources/CredsyncConformance/Checks/Endpoint/.
extension Catalog {
    static let endpointRequirements: [Requirement] = endpointAnswer + endpointAccess + endpointBehaviour

    /// The probe's tests, which plant each defect in the sync endpoint stand-in and see its one check fail.
    private static func probeCovered(defect: String) -> Coverage {
        Coverage(
            checks: [.probeEndpoint],
            defect: defect,
            status: .covered,
            tests: ["Tests/CredsyncConformanceTests/Checks/Endpoint/EndpointProbeTests.swift"]
        )
    }

    private static let endpointAnswer: [Requirement] = [
        Requirement(
            "END-001",
            .must,
            .endpoint,
            [.legacy, .current],
            title: "A valid refresh call gets 200",
            statement: """
                POST with the form body calcomUserId=<known user>&appSlug=<known app> (and, in the current edition, \
                the right secret) gets status 200.
                """,
            sources: [.oauthManager, .exampleGetToken],
            note: "Cal.com acts on a few unusable statuses only; a 200 is what every caller handles.",
            coverage: probeCovered(defect: "error-status-on-success")
        ),
        Requirement(
            "END-002",
            .must,
            .endpoint,
            [.legacy, .current],
            title: "Answer labelled application/json",
            statement: "The 200 answer carries Content-Type: application/json.",
            sources: [.oauthManager],
            coverage: probeCovered(defect: "text-content-type")
        ),
        Requirement(
            "END-003",
            .must,
            .endpoint,
            [.legacy, .current],
            title: "Answer holds a string access_token",
            statement: "The 200 body is a JSON object whose access_token is a non-empty string.",
            sources: [.universalSchema, .parseRefreshTokenResponse, .docs("step 3")],
            note: """
                Otherwise Cal.com fails with "Invalid token response" or "Invalid refreshed tokens were returned".
                """,
            coverage: probeCovered(defect: "missing-access-token")
        ),
        Requirement(
            "END-004",
            .must,
            .endpoint,
            [.current],
            title: "Token fields have the schema's types",
            statement: """
                token_type, refresh_token and scope, when present, are strings; expiry_date and expires_in, when \
                present, are numbers.
                """,
            sources: [.universalSchema],
            note: "A scope array or a string expiry fails OAuth2UniversalSchema: \"Invalid token response\".",
            coverage: probeCovered(defect: "scope-as-array")
        ),
        Requirement(
            "END-005",
            .should,
            .endpoint,
            [.legacy, .current],
            title: "Answer carries an expiry",
            statement: "The answer should carry expiry_date (epoch ms) or expires_in (seconds).",
            sources: [.oauthManager, .parseRefreshTokenResponse],
            note: """
                Without one OAuthManager assumes 365 days, and apps still on the legacy parser (HubSpot, Zoho, \
                Pipedrive, …) refuse an answer with no numeric field. The example endpoint sends none.
                """,
            coverage: probeCovered(defect: "no-expiry")
        ),
        Requirement(
            "END-006",
            .must,
            .endpoint,
            [.current],
            title: "Expiry in the right unit",
            statement: """
                expiry_date, when present, is epoch milliseconds (at least 10^11: an epoch in seconds stays below \
                that until the year 5138); expires_in, when present, is relative seconds (below 10^9).
                """,
            sources: [.oauthManager],
            note: """
                An expiry_date in seconds reads as 1970, so every API call triggers another refresh; a large \
                expires_in is read as epoch seconds.
                """,
            coverage: probeCovered(defect: "expiry-in-seconds")
        ),
        Requirement(
            "END-007",
            .must,
            .endpoint,
            [.current],
            title: "Expiry in the future",
            statement: "expiry_date, when present, is later than now; expires_in, when present, is positive.",
            sources: [.oauthManager],
            note: "An expired token makes Cal.com call again at once.",
            coverage: probeCovered(defect: "expired-token")
        ),
        Requirement(
            "END-008",
            .should,
            .endpoint,
            [.legacy, .current],
            title: "No refresh_token handed out",
            statement: "The answer should not carry refresh_token: the platform owns refreshing.",
            sources: [.oauthManager, .parseRefreshTokenResponse],
            note: "Cal.com never uses it in sync mode; the legacy parser inserts a placeholder when it is absent.",
            coverage: probeCovered(defect: "leak-refresh-token")
        ),
    ]

    private static let endpointAccess: [Requirement] = [
        Requirement(
            "END-009",
            .must,
            .endpoint,
            [.legacy, .current],
            title: "Form-encoded request accepted",
            statement: """
                The endpoint reads calcomUserId and appSlug from an application/x-www-form-urlencoded;charset=UTF-8 \
                body, the only form Cal.com sends.
                """,
            sources: [.oauthManager, .run("fetch with URLSearchParams sends the form content type")],
            note: """
                The docs show the body as a JSON-like object; it is not JSON. When the form call is refused with a \
                4xx, the probe sends the same fields as JSON: a token then fails this check, and the other checks \
                judge the JSON answers, so that the one defect shows once.
                """,
            coverage: probeCovered(defect: "json-body-only")
        ),
        Requirement(
            "END-010",
            .must,
            .endpoint,
            [.current],
            title: "Missing secret rejected",
            statement: """
                A refresh call without the secret header is refused: no access_token and a status other than 2xx \
                (403, as the example endpoint answers).
                """,
            sources: [.exampleGetToken, .oauthManager],
            note: "Cal.com never sees this answer; a 5xx refusal is END-016's finding.",
            coverage: probeCovered(defect: "accept-missing-secret")
        ),
        Requirement(
            "END-011",
            .must,
            .endpoint,
            [.current],
            title: "Wrong secret rejected",
            statement: """
                A refresh call whose secret header holds another value, or the secret with its case changed, is \
                refused: no access_token and a status other than 2xx (403, as the example endpoint answers).
                """,
            sources: [.exampleGetToken],
            coverage: probeCovered(defect: "accept-wrong-secret")
        ),
        Requirement(
            "END-012",
            .must,
            .endpoint,
            [.current],
            title: "Secret under the legacy header name rejected",
            statement: """
                The right secret sent only under calcom-webhook-secret earns no token: the call is refused (no \
                access_token, no 2xx), or at least gets nothing a call with no secret at all does not get.
                """,
            sources: [.constants, .refreshOAuthTokens],
            note: "An endpoint that hands out tokens without any secret fails END-010; this check is about the name.",
            coverage: probeCovered(defect: "accept-legacy-header")
        ),
        Requirement(
            "END-013",
            .must,
            .endpoint,
            [.legacy],
            title: "Refresh call without a secret answered (legacy)",
            statement: """
                A valid refresh call with no secret header gets its token: the legacy caller sends none.
                """,
            sources: [.refreshOAuthTokensLegacy, .pullRequest(13907)],
            note: """
                Such an endpoint must be protected otherwise; see CFG-017. With a secret known, the probe's other \
                legacy calls carry it under calcom-webhook-secret (as #13907-era callers did), so that this check \
                alone judges the secret-less call.
                """,
            coverage: probeCovered(defect: "require-secret")
        ),
        Requirement(
            "END-014",
            .must,
            .endpoint,
            [.legacy, .current],
            title: "Unknown or malformed user gets no token",
            statement: """
                A refresh call for a calcomUserId the platform does not know, or with calcomUserId missing or not a \
                decimal integer, gets a non-2xx status and no access_token.
                """,
            sources: [.oauthManager],
            note: """
                The example endpoint ignores calcomUserId and hands out its one token. The probe's unknown user is \
                2147483648, above the range of Cal.com's integer user ids. A 5xx is END-016's finding.
                """,
            coverage: probeCovered(defect: "ignore-user-id")
        ),
        Requirement(
            "END-015",
            .must,
            .endpoint,
            [.legacy, .current],
            title: "Unknown or missing app gets no token",
            statement: """
                A refresh call with an unknown appSlug, or with appSlug missing or empty, gets a non-2xx status and \
                no access_token.
                """,
            sources: [.oauthManager, .exampleGetToken],
            note: "The probe's unknown app is credsync-probe-no-such-app, a slug no Cal.com app uses.",
            coverage: probeCovered(defect: "ignore-app-slug")
        ),
        Requirement(
            "END-016",
            .should,
            .endpoint,
            [.legacy, .current],
            title: "Client errors answered 4xx, not 5xx",
            statement: """
                Rejections for a bad secret, an unknown user or app, or malformed fields should be 4xx, with no \
                internal detail in the body.
                """,
            sources: [.exampleGetToken],
            note: "The example endpoint answers 500 {\"error\":\"Unhandled values\"} for an unknown app.",
            coverage: probeCovered(defect: "client-error-500")
        ),
        Requirement(
            "END-017",
            .should,
            .endpoint,
            [.legacy, .current],
            title: "No invalid_grant for ordinary errors",
            statement: """
                Error answers should not carry error "invalid_grant" unless the user's grant is really revoked.
                """,
            sources: [.oauthManager],
            note: """
                Google Calendar marks the credential invalid on invalid_grant even in sync mode, and a later push \
                does not clear the flag.
                """,
            coverage: probeCovered(defect: "invalid-grant-on-error")
        ),
    ]

    private static let endpointBehaviour: [Requirement] = [
        Requirement(
            "END-018",
            .should,
            .endpoint,
            [.legacy, .current],
            title: "Answers without redirecting",
            statement: "The endpoint should answer at its URL, not with a 3xx.",
            sources: [.inference("fetch follows redirects and forwards the custom secret header across origins")],
            note: """
                The probe follows none, save one 307 or 308 to the same origin, which fetch takes with the same \
                method, body and secret, so that the answer checks judge what Cal.com would get.
                """,
            coverage: probeCovered(defect: "redirect")
        ),
        Requirement(
            "END-019",
            .should,
            .endpoint,
            [.legacy, .current],
            title: "Answers within the latency budget",
            statement: "A valid refresh call should be answered within 5 seconds (configurable).",
            sources: [.oauthManager],
            note: "Cal.com has no timeout on the sync call: a slow endpoint stalls bookings and availability.",
            coverage: probeCovered(defect: "slow-response")
        ),
        Requirement(
            "END-020",
            .must,
            .endpoint,
            [.legacy, .current],
            title: "Concurrent refreshes for one user all succeed",
            statement: """
                Several simultaneous valid refresh calls for the same user and app each get the answer a lone call \
                gets: 200 and a token.
                """,
            sources: [.oauthManager],
            note: "Cal.com does not deduplicate refresh calls; parallel calendar requests can each trigger one.",
            coverage: probeCovered(defect: "refresh-lock-conflict")
        ),
    ]
}
