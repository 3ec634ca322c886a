/// How well a modelled fact about Cal.com is known.
public enum FactConfidence: String, Sendable, Hashable, CaseIterable, Codable {
    /// Stated directly in Cal.com's or Next.js's source.
    case stated
    /// Observed by running Node 20 on the same code path.
    case observed
    /// Inferred from the code without running it; may be wrong.
    case inferred
}
