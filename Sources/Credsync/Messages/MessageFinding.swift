/// One thing credsync noticed about a message or a configuration, with how much it matters.
///
/// A finding's ``code`` is a stable, descriptive name such as `token-expiry-in-seconds`; reports group by it and
/// requirement IDs may be attached to codes later. The ``detail`` is for a person and never holds a secret, a
/// key or a token: it names fields and shows key-check values instead.
public struct MessageFinding: Sendable, Hashable, CustomStringConvertible {
    /// How much a finding matters.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// Informational: allowed, but worth knowing.
        case note
        /// Breaks a SHOULD: a working but fragile or unsafe choice.
        case warning
        /// Breaks a MUST: the counterpart will not work, or does not do what Cal.com does.
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }
    }

    /// The stable name of what was found.
    public let code: String

    /// How much it matters.
    public let severity: Severity

    /// What was found, for a person.
    public let detail: String

    /// Makes a finding.
    ///
    /// - Parameters:
    ///   - code: The stable, descriptive code.
    ///   - severity: How much it matters.
    ///   - detail: What was found; never a secret, key or token.
    public init(_ code: String, _ severity: Severity, _ detail: String) {
        self.code = code
        self.severity = severity
        self.detail = detail
    }

    public var description: String {
        "\(severity.rawValue) \(code): \(detail)"
    }
}

extension Array where Element == MessageFinding {
    /// The codes, in order.
    public var codes: [String] {
        map(\.code)
    }

    /// The most severe finding's severity, or `nil` when there is none.
    public var worstSeverity: MessageFinding.Severity? {
        map(\.severity).max()
    }

    /// Whether no finding breaks a MUST.
    public var passes: Bool {
        !contains { $0.severity == .error }
    }

    /// The overall outcome: `fail` when a finding breaks a MUST, `warn` when one breaks a SHOULD, else `pass`.
    public var outcome: String {
        switch worstSeverity {
        case .error?: "fail"
        case .warning?: "warn"
        default: "pass"
        }
    }
}
