/// A way credsync checks a requirement. The check's ID is always the requirement's ID.
public enum CheckKind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Probing a live Cal.com instance's webhook or API v1.
    case probeCalcom = "probe calcom"
    /// Probing a live platform sync endpoint.
    case probeEndpoint = "probe endpoint"
    /// Standing in for Cal.com and grading the pushes a platform sender makes.
    case mockCalcom = "mock calcom"
    /// Standing in for the sync endpoint and grading the refresh calls a Cal.com makes.
    case mockEndpoint = "mock endpoint"
    /// Checking one or both sides' `.env` files.
    case doctor
    /// Running a vector file from `vectors/`.
    case vectors
    /// A named Swift test.
    case test

    public var description: String { rawValue }
}
