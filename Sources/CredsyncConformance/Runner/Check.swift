public import Credsync

/// One check of one requirement, run against a context such as a probe's target or a received request.
///
/// A check's ID is the ID of the requirement it tests; its level, side and title come from the catalog.
public struct Check<Context: Sendable>: Sendable {
    /// The requirement it tests.
    public let id: RequirementID

    /// Runs the check.
    public let body: @Sendable (Context) async -> CheckOutcome

    /// Makes a check.
    ///
    /// - Parameters:
    ///   - id: The requirement's ID, such as `CAL-004`; it must be in the catalog.
    ///   - body: The check.
    public init(_ id: String, body: @escaping @Sendable (Context) async -> CheckOutcome) {
        do {
            self.id = try RequirementID(id)
        } catch {
            preconditionFailure("a check names a malformed requirement ID: \(error)")
        }
        self.body = body
    }
}
