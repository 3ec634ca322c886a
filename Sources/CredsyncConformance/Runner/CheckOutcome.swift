/// What one check found, before its level turns a failure into a fail or a warning.
public struct CheckOutcome: Sendable, Hashable {
    /// The kind of finding.
    public enum Kind: String, Sendable, Hashable {
        /// The counterpart did what the requirement asks.
        case satisfied
        /// The counterpart did something else.
        case violated
        /// The check does not apply to this run.
        case notApplicable
        /// The check could not be carried out.
        case couldNotTest
    }

    /// The kind of finding.
    public let kind: Kind

    /// What the requirement expects, in a line.
    public let expected: String

    /// What was observed, in a line; never a secret, key or token.
    public let observed: String

    /// For a skip, why; for an error, what went wrong.
    public let reason: String?

    /// For a skip, the flag that would make the check apply, such as `--allow-writes`.
    public let enableWith: String?

    /// For a violation, what to change to meet the requirement (a command or an edit), when the check knows.
    public var fix: String?

    /// The requirement holds.
    public static func pass(expected: String, observed: String) -> CheckOutcome {
        CheckOutcome(kind: .satisfied, expected: expected, observed: observed, reason: nil, enableWith: nil)
    }

    /// The requirement does not hold.
    public static func fail(expected: String, observed: String) -> CheckOutcome {
        CheckOutcome(kind: .violated, expected: expected, observed: observed, reason: nil, enableWith: nil)
    }

    /// The check does not apply.
    ///
    /// - Parameters:
    ///   - reason: Why not.
    ///   - enableWith: The flag that would make it apply, if any.
    /// - Returns: The outcome.
    public static func skip(_ reason: String, enableWith: String? = nil) -> CheckOutcome {
        CheckOutcome(kind: .notApplicable, expected: "", observed: "", reason: reason, enableWith: enableWith)
    }

    /// The check could not be carried out: a timeout, a refused connection, a TLS failure.
    ///
    /// - Parameters:
    ///   - reason: What went wrong.
    ///   - expected: What the check was looking for.
    /// - Returns: The outcome.
    public static func error(_ reason: String, expected: String = "") -> CheckOutcome {
        CheckOutcome(kind: .couldNotTest, expected: expected, observed: "", reason: reason, enableWith: nil)
    }

    /// The requirement does not hold, and the check knows the fix.
    ///
    /// - Parameters:
    ///   - expected: What the requirement expects.
    ///   - observed: What was observed; never a secret.
    ///   - fix: What to change; never a secret.
    /// - Returns: The outcome.
    public static func fail(expected: String, observed: String, fix: String) -> CheckOutcome {
        var outcome = CheckOutcome.fail(expected: expected, observed: observed)
        outcome.fix = fix
        return outcome
    }

    /// Passes when a condition holds, fails otherwise.
    public static func expect(_ condition: Bool, expected: String, observed: String) -> CheckOutcome {
        condition ? .pass(expected: expected, observed: observed) : .fail(expected: expected, observed: observed)
    }
}
