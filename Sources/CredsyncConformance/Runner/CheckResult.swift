public import Credsync

/// The graded result of one check, as every report writes it.
public struct CheckResult: Sendable, Hashable, Codable {
    /// The requirement's ID, which is also the check's.
    public let id: RequirementID

    /// The requirement's level.
    public let level: RequirementLevel

    /// The side it binds.
    public let side: Side

    /// The requirement's title.
    public let title: String

    /// The verdict.
    public let verdict: Verdict

    /// What the requirement expects.
    public let expected: String

    /// What was observed.
    public let observed: String

    /// Why the check was skipped or could not be carried out.
    public let reason: String?

    /// The flag that would make a skipped check apply.
    public let enableWith: String?

    /// For a fail or a warning, what to change to meet the requirement, when the check knows.
    public let fix: String?

    /// How long the check took, in milliseconds.
    public let milliseconds: Double

    /// A command line that re-runs this check alone, for a failed one.
    public var rerun: String?

    /// The path of this check's wire transcript, when one was written.
    public var transcript: String?

    /// Grades an outcome by the requirement's level: a violated MUST fails, a violated SHOULD or MAY warns.
    ///
    /// - Parameters:
    ///   - outcome: What the check found.
    ///   - requirement: The requirement it tests.
    ///   - milliseconds: How long it took.
    public init(outcome: CheckOutcome, requirement: Requirement, milliseconds: Double) {
        id = requirement.id
        level = requirement.level
        side = requirement.side
        title = requirement.title
        expected = outcome.expected
        observed = outcome.observed
        reason = outcome.reason
        enableWith = outcome.enableWith
        fix = outcome.kind == .violated ? outcome.fix : nil
        self.milliseconds = milliseconds
        switch outcome.kind {
        case .satisfied: verdict = .pass
        case .violated: verdict = requirement.level.isMandatory ? .fail : .warn
        case .notApplicable: verdict = .skip
        case .couldNotTest: verdict = .error
        }
    }
}
