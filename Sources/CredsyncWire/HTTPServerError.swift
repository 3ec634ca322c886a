/// Why a server could not start.
public struct HTTPServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidAddress = "invalid address"
            case bind = "cannot listen"
            case tls = "cannot load TLS certificate or key"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The host is not a numeric IPv4 or IPv6 address, or the port is out of range.
        public static let invalidAddress = Code(.invalidAddress)
        /// Creating, binding or listening on the socket failed.
        public static let bind = Code(.bind)
        /// The certificate or key could not be loaded.
        public static let tls = Code(.tls)

        public var description: String { base.rawValue }
    }

    /// What failed.
    public let code: Code

    /// Details for people.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: What failed.
    ///   - reason: Details.
    public init(_ code: Code, reason: String = "") {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        reason.isEmpty ? code.description : "\(code): \(reason)"
    }

    public static func == (lhs: HTTPServerError, rhs: HTTPServerError) -> Bool {
        lhs.code == rhs.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
