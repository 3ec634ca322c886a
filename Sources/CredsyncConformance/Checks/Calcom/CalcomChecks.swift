public import Credsync
import CredsyncWire

/// The checks of a live Cal.com instance's receiver, one a CAL requirement, in the order they run.
///
/// Rejections are sent for a user that cannot exist (``CalcomProbeConfiguration/unknownUserId``) wherever the
/// requirement allows, so a defective instance answers differently (404 instead of 403, 400 or 500) and still
/// writes nothing. Writes go only to the test user, only with `--allow-writes`.
public enum CalcomChecks {
    /// What a check needs beyond the target.
    enum Need {
        /// A test user and an installed app (`--user-id`, `--app-slug`).
        case userAndApp
        /// A test user (`--user-id`).
        case user
        /// Permission to write for the test user (`--allow-writes`).
        case writes
        /// An admin API key (`--api-key-env`).
        case apiKey
    }

    /// Every check, in run order.
    public static var all: [Check<CalcomProbe>] {
        secretChecks + bodyChecks + lookupChecks + decryptChecks + writeChecks + hardeningChecks + apiChecks
    }

    /// The requirements the checks test.
    public static var requirements: [Requirement] {
        CheckRunner(checks: all).requirements
    }

    /// The checks that apply to an instance declared switched off.
    static let switchedOffIDs: Set<String> = ["CAL-001", "CAL-032"]

    /// Makes a check that first skips when the requirement is not of the probe's edition, when the instance is
    /// declared switched off (except CAL-001 and CAL-032), or when something it needs was not given.
    static func check(
        _ id: String,
        needs: [Need] = [],
        body: @escaping @Sendable (CalcomProbe) async -> CheckOutcome
    ) -> Check<CalcomProbe> {
        Check(id) { probe in
            if let requirement = try? Catalog.standard.requirement(named: id),
                !requirement.editions.contains(probe.edition)
            {
                return .skip("not a requirement of the \(probe.edition) edition")
            }
            if probe.configuration.expectDisabled && !switchedOffIDs.contains(id) {
                return .skip(
                    "the instance is declared switched off (--expect-disabled); only CAL-001 and CAL-032 apply"
                )
            }
            let configuration = probe.configuration
            for need in needs {
                switch need {
                case .user where configuration.userId == nil:
                    return .skip("needs a disposable test user", enableWith: "--user-id")
                case .userAndApp where configuration.userId == nil:
                    return .skip("needs a disposable test user and an installed app", enableWith: "--user-id")
                case .userAndApp where configuration.appSlug == nil:
                    return .skip("needs an app installed on the instance", enableWith: "--app-slug")
                case .writes where !configuration.allowWrites:
                    return .skip("writes credentials for the test user", enableWith: "--allow-writes")
                case .apiKey where configuration.apiKey == nil:
                    return .skip("needs a system-wide admin API key for API v1", enableWith: "--api-key-env")
                default:
                    continue
                }
            }
            return await body(probe)
        }
    }

    /// Grades answers against their expectations: an error when any request got no answer, a pass when every
    /// answer is its expectation, otherwise a failure naming the first that is not.
    static func grade(
        _ probe: CalcomProbe,
        _ cases: [(label: String, answer: CalcomProbe.Answer, expected: CalcomExpectedAnswer)],
        expected: String
    ) -> CheckOutcome {
        for item in cases {
            if case .failure(let error) = item.answer {
                return .error("\(item.label): no answer: \(error.shortDescription)", expected: expected)
            }
        }
        for item in cases {
            guard case .success(let response) = item.answer, !item.expected.matches(response) else {
                continue
            }
            return .fail(
                expected: "\(item.label): \(item.expected)",
                observed: "\(item.label): \(probe.describe(item.answer))"
            )
        }
        let labels = cases.map(\.label).joined(separator: "; ")
        return .pass(expected: expected, observed: "\(cases.count) answered as expected (\(labels))")
    }

    /// Grades answers by a predicate on their status, for the SHOULDs about 4xx rather than 5xx.
    static func gradeStatus(
        _ probe: CalcomProbe,
        _ cases: [(label: String, answer: CalcomProbe.Answer)],
        expected: String,
        where isGood: (Int) -> Bool
    ) -> CheckOutcome {
        for item in cases {
            if case .failure(let error) = item.answer {
                return .error("\(item.label): no answer: \(error.shortDescription)", expected: expected)
            }
        }
        for item in cases {
            if case .success(let response) = item.answer, !isGood(response.status) {
                return .fail(expected: expected, observed: "\(item.label): \(probe.describe(item.answer))")
            }
        }
        let statuses = cases.compactMap { try? $0.answer.get().status }.map(String.init)
        return .pass(expected: expected, observed: "statuses \(Set(statuses).sorted().joined(separator: ", "))")
    }

    /// The expected answer of a branch in the probe's edition; every branch the checks name exists there.
    static func expect(_ branch: WebhookBranch, _ probe: CalcomProbe, userId: Int = 1) -> CalcomExpectedAnswer {
        CalcomExpectedAnswer.webhook(branch, in: probe.edition, userIdText: String(userId))
            ?? CalcomExpectedAnswer(status: 0, mediaType: nil, body: .any)
    }

    /// Whether the instance refuses a plainly wrong secret (`wrong`) or a missing one: the baseline from which
    /// CAL-004, CAL-005 and CAL-008 tell their own defect apart. When the baseline is not refused, CAL-002 or
    /// CAL-003 fails and these checks have nothing of their own to observe.
    static func refusesBaseline(_ probe: CalcomProbe, wrong: Bool) async -> Bool {
        let body = Array(unknownUserBody(probe).serialized.utf8)
        let answer = await probe.shared(wrong ? "wrong-secret" : "missing-secret") {
            [await probe.webhook(secret: wrong ? [(probe.headerName, "credsync-probe-wrong-secret")] : [], body: body)]
        }[0]
        guard case .success(let response) = answer else {
            return true
        }
        return expect(.invalidSecret, probe).matches(response)
    }

    /// Grades answers that must get past the secret check: anything but the 403 of a refused secret.
    static func gradeAccepted(
        _ probe: CalcomProbe,
        _ cases: [(label: String, answer: CalcomProbe.Answer)],
        expected: String
    ) -> CheckOutcome {
        let refused = expect(.invalidSecret, probe)
        for item in cases {
            switch item.answer {
            case .failure(let error):
                return .error("\(item.label): no answer: \(error.shortDescription)", expected: expected)
            case .success(let response) where refused.matches(response):
                return .fail(expected: expected, observed: "\(item.label): \(probe.describe(item.answer))")
            default:
                continue
            }
        }
        return .pass(expected: expected, observed: "\(cases.count) got past the secret check")
    }

    /// A push for the unknown user with the canary keys.
    static func unknownUserBody(_ probe: CalcomProbe) -> JSONValue {
        CalcomProbe.body(
            userId: .number(Double(CalcomProbeConfiguration.unknownUserId)),
            appSlug: .string(probe.anyAppSlug),
            keys: .string(probe.canaryKeys())
        )
    }
}
