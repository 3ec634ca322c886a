public import Credsync

/// The REF-* checks: Cal.com as the refresh caller, graded over every call a sync endpoint stand-in received.
///
/// A requirement fails when any call broke it, passes when calls exercised it and none broke it, and skips, with
/// the reason, when no call exercised it. What a stand-in cannot observe (how Cal.com stores the answer, what it
/// does across a redirect or with a slow endpoint) skips with the reason.
public enum RefreshCallerChecks {
    /// Every REF-* check, in catalog order.
    public static let all: [Check<RefreshCallLog>] = observed + unobservable

    /// The checks that apply to an edition.
    ///
    /// - Parameters:
    ///   - edition: The edition the caller should speak.
    ///   - catalog: The catalog the requirements come from.
    /// - Returns: The checks whose requirement applies to the refresh caller in that edition.
    public static func checks(for edition: Edition, catalog: Catalog = .standard) -> [Check<RefreshCallLog>] {
        all.filter { catalog.requirement($0.id)?.applies(to: .refreshCaller, edition: edition) == true }
    }

    private static let observed: [Check<RefreshCallLog>] = [
        aggregate("REF-001", expected: "POST to the configured path, no query added"),
        aggregate("REF-002", expected: "Content-Type application/x-www-form-urlencoded"),
        aggregate(
            "REF-003",
            expected: "a form body with calcomUserId and appSlug, once each, nothing else",
            unexercised: "no call had a form body"
        ),
        aggregate("REF-004", expected: "a URL-encoded body, not JSON"),
        aggregate(
            "REF-005",
            expected: "calcomUserId a decimal user id the endpoint knows",
            unexercised: "no call had a form body with calcomUserId"
        ),
        aggregate(
            "REF-006",
            expected: "appSlug an app slug the endpoint holds",
            unexercised: "no call had a form body with appSlug"
        ),
        aggregate("REF-007", expected: "the secret, once, under the configured header"),
        aggregate(
            "REF-008",
            expected: "no secret, or the right one",
            unexercised: "a call sent a secret header, but no secret is configured to compare it with",
            enableWith: "set CALCOM_WEBHOOK_SECRET (or --env-file)"
        ),
        aggregate(
            "REF-009",
            expected: "calcomUserId names a user, never a team credential's missing user",
            unexercised: "no call had a form body with calcomUserId"
        ),
        aggregate(
            "REF-010",
            expected: "no call while the token last handed out (with expiry_date) is valid",
            unexercised: "no token with expiry_date was handed out"
        ),
        aggregate(
            "REF-011",
            expected: "a token without expiry used for 365 days without a call",
            unexercised: "no token without expiry was handed out",
            enableWith: "--expiry none"
        ),
        aggregate(
            "REF-012",
            expected: "a token with expires_in used for that many seconds without a call",
            unexercised: "no token with only expires_in was handed out",
            enableWith: "--expiry seconds-in"
        ),
    ]

    private static let unobservable: [Check<RefreshCallLog>] = [
        Check("REF-013") { _ in
            .skip("a sync endpoint sees Cal.com's calls, not what it stores after an unusable answer")
        },
        Check("REF-014") { _ in
            .skip("a sync endpoint sees Cal.com's calls, not whether it stored a token from an error status")
        },
        Check("REF-015") { _ in
            .skip("the stand-in has no second origin to redirect to, so it cannot see a forwarded secret")
        },
        Check("REF-016") { _ in
            .skip("a stand-in cannot tell a caller that never gives up from one that waits long; use --delay")
        },
    ]

    /// A check that grades every call and fails when any broke the requirement.
    private static func aggregate(
        _ id: String,
        expected: String,
        unexercised: String = "no call was received",
        enableWith: String? = nil
    ) -> Check<RefreshCallLog> {
        let requirement = RefreshCallGrading.id(id)
        return Check(id) { log in
            let calls = log.gradedCalls
            guard !calls.isEmpty else {
                return .skip("no call was received", enableWith: "point Cal.com's CALCOM_CREDENTIAL_SYNC_ENDPOINT here")
            }
            let graded = calls.compactMap { call in
                RefreshCallGrading.verdicts(for: call, in: log)[requirement].map { (call.number, $0) }
            }
            guard !graded.isEmpty else {
                return .skip(unexercised, enableWith: enableWith)
            }
            let broken = graded.filter { $0.1.isViolation }
            guard broken.isEmpty else {
                let shown = broken.prefix(3).map { "call #\($0.0): \($0.1.detail)" }
                let more = broken.count > 3 ? "; and \(broken.count - 3) more" : ""
                return .fail(
                    expected: expected,
                    observed: shown.joined(separator: "; ") + more + " (\(broken.count) of \(graded.count) calls)"
                )
            }
            let example = graded.last.map { $0.1.detail } ?? ""
            return .pass(expected: expected, observed: "\(graded.count) of \(graded.count) calls: \(example)")
        }
    }
}
