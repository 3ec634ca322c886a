/// The outcome of one check.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    /// The requirement holds.
    case pass
    /// A MUST requirement does not hold.
    case fail
    /// A SHOULD requirement does not hold.
    case warn
    /// The check does not apply to this run.
    case skip
    /// The check could not be carried out: timeout, connection, TLS.
    case error
}
