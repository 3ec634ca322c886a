/// What a flag means: the class of bug a failing vector with that flag points to.
public struct VectorNote: Sendable, Hashable, Codable {
    /// The bug class, such as `FUNCTIONALITY` or `EDGE_CASE`.
    public let bugType: String

    /// What the flag marks.
    public let description: String

    /// Further reading.
    public let links: [String]?
}
