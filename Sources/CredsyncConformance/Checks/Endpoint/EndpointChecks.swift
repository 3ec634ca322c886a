public import Credsync
import Foundation

/// The checks of a platform's sync endpoint (END-*), each named after the requirement it tests, run by
/// `credsync probe endpoint` against an ``EndpointTarget``.
///
/// Each check judges one property, so that one defect fails one check: the answer checks judge the answer Cal.com
/// would end up with (after a same-origin 307 or 308, which fetch follows; with a JSON body when only that got a
/// token, which END-009 reports); the refusal checks judge the status and the absence of a token, leaving 4xx
/// versus 5xx to END-016; END-020 compares each simultaneous answer with the lone one.
public enum EndpointChecks {
    /// Every END check, in catalog order.
    public static let all: [Check<EndpointTarget>] = answerChecks + accessChecks + behaviourChecks

    /// The requirements the checks test, in order.
    public static var requirements: [Requirement] {
        CheckRunner(checks: all).requirements
    }

    /// The calls a check reads, besides the valid call every run makes.
    ///
    /// - Parameter id: The check.
    /// - Returns: The calls.
    static func calls(for id: RequirementID) -> [EndpointCall] {
        switch id.description {
        case "END-009": [.valid, .validJSON]
        case "END-010", "END-013": [.withoutSecret]
        case "END-011": [.wrongSecret, .secretInOtherCase]
        case "END-012": [.legacyHeaderOnly, .withoutSecret]
        case "END-014": [.unknownUser, .userMissing, .userMalformed]
        case "END-015": [.unknownApp, .appMissing, .appEmpty]
        case "END-016", "END-017": EndpointCall.rejections
        default: [.valid]
        }
    }

    /// Makes a check that is skipped outside the editions its requirement binds.
    static func check(
        _ id: String,
        _ body: @escaping @Sendable (EndpointTarget) async -> CheckOutcome
    ) -> Check<EndpointTarget> {
        Check(id) { target in
            let edition = target.configuration.edition
            if let requirement = try? Catalog.standard.requirement(named: id), !requirement.editions.contains(edition) {
                return .skip(
                    "\(id) binds the \(edition.other) edition only, not the \(edition) one",
                    enableWith: "--edition \(edition.other)"
                )
            }
            return await body(target)
        }
    }

    // MARK: - Shared judgements

    /// The answer the answer checks judge, or why there is none to judge: an error when the call failed, a skip
    /// when the endpoint refused it (END-001 and END-003 report that).
    static func judgedAnswer(_ target: EndpointTarget) async -> Result<EndpointAnswer, Refusal> {
        let answer = await target.tokenAnswer()
        if let error = answer.error {
            return .failure(Refusal(outcome: .error("\(answer.call) got no answer: \(error)")))
        }
        guard answer.isSuccess || answer.carriesToken else {
            return .failure(
                Refusal(
                    outcome: .skip(
                        "the valid call got \(answer.summary), no token answer to judge; see END-001 and END-003"
                    )
                )
            )
        }
        return .success(answer)
    }

    /// Why a check has nothing to judge, as the outcome to return.
    struct Refusal: Error {
        let outcome: CheckOutcome
    }

    /// The answers to some calls that apply here, or the error outcome when none of them came back.
    static func answers(
        _ calls: [EndpointCall],
        of target: EndpointTarget
    ) async -> (answers: [EndpointAnswer], failed: [EndpointAnswer]) {
        var answers: [EndpointAnswer] = []
        var failed: [EndpointAnswer] = []
        for call in calls where target.applies(call) {
            let answer = await target.answer(call)
            if answer.response == nil {
                failed.append(answer)
            } else {
                answers.append(answer)
            }
        }
        return (answers, failed)
    }

    /// A refusal check: every call must be refused (no 2xx, no token).
    static func refusals(_ calls: [EndpointCall], expected: String, of target: EndpointTarget) async -> CheckOutcome {
        let (answers, failed) = await answers(calls, of: target)
        let accepted = answers.filter { !$0.isRefusal }
        let observed = (answers + failed).sorted { $0.call < $1.call }.map { "\($0.call.shortName): \($0.summary)" }
            .joined(separator: "; ")
        if !accepted.isEmpty {
            return .fail(expected: expected, observed: observed)
        }
        if let failure = failed.first, let error = failure.error {
            return .error("\(failure.call) got no answer: \(error)", expected: expected)
        }
        return .pass(expected: expected, observed: observed)
    }

    /// Text from the wire made safe for one report line: printable ASCII, at most 60 characters.
    static func printable(_ text: String) -> String {
        let cleaned = String(
            text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" }
        )
        return cleaned.count > 60 ? String(cleaned.prefix(57)) + "..." : cleaned
    }
}
