public import Credsync

/// The results of every push of a run, folded into one result per requirement.
///
/// A requirement is violated when any push violated it (the first violation is shown, with how many pushes did),
/// met when it was checked and never violated, an error when it could only error, and skipped when no push
/// exercised it.
public struct SenderGrades: Sendable {
    private var outcomes: [RequirementID: [CheckOutcome]] = [:]
    private let requirements: [Requirement]

    /// Starts an empty tally.
    ///
    /// - Parameter requirements: The requirements graded, in report order.
    public init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    /// Adds one push's outcomes.
    ///
    /// - Parameter results: The push's graded results.
    public mutating func add(_ results: [CheckResult]) {
        for result in results {
            let kind: CheckOutcome.Kind =
                switch result.verdict {
                case .pass: .satisfied
                case .fail, .warn: .violated
                case .skip: .notApplicable
                case .error: .couldNotTest
                }
            let outcome = CheckOutcome(
                kind: kind,
                expected: result.expected,
                observed: result.observed,
                reason: result.reason,
                enableWith: result.enableWith
            )
            outcomes[result.id, default: []].append(outcome)
        }
    }

    /// One result per requirement over every push so far.
    ///
    /// - Parameter pushes: How many pushes were made, for the messages.
    /// - Returns: The results in report order.
    public func results(pushes: Int) -> [CheckResult] {
        requirements.map { requirement in
            let list = outcomes[requirement.id] ?? []
            return CheckResult(outcome: Self.fold(list, pushes: pushes), requirement: requirement, milliseconds: 0)
        }
    }

    static func fold(_ list: [CheckOutcome], pushes: Int) -> CheckOutcome {
        let violated = list.filter { $0.kind == .violated }
        if let first = violated.first {
            return .fail(
                expected: first.expected,
                observed: "\(violated.count) of \(pushes) push(es); first: \(first.observed)"
            )
        }
        let met = list.filter { $0.kind == .satisfied }
        if let first = met.first {
            return .pass(expected: first.expected, observed: "\(met.count) of \(pushes) push(es) checked, all met")
        }
        if let error = list.first(where: { $0.kind == .couldNotTest }) {
            return .error(error.reason ?? "could not be checked", expected: error.expected)
        }
        if let skip = list.first(where: { $0.kind == .notApplicable }) {
            return .skip("no push exercised it: \(skip.reason ?? "")", enableWith: skip.enableWith)
        }
        return .skip(pushes == 0 ? "no push arrived" : "no push exercised it")
    }
}
