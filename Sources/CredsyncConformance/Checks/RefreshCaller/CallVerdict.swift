/// How one call fared against one REF-* requirement.
public enum CallVerdict: Sendable, Hashable {
    /// The call met it; the text says how.
    case met(String)
    /// The call broke it; the text says how, without a secret or token.
    case violated(String)

    /// Whether the call broke it.
    public var isViolation: Bool {
        if case .violated = self { true } else { false }
    }

    /// The text.
    public var detail: String {
        switch self {
        case .met(let text), .violated(let text): text
        }
    }
}
