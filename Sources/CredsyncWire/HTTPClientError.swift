/// Why a client exchange failed, and in which phase.
public struct HTTPClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidRequest = "invalid request"
            case resolve = "name resolution failed"
            case connect = "connection failed"
            case tls = "TLS failed"
            case send = "sending failed"
            case headers = "connection ended before the response head"
            case body = "connection ended before the response body"
            case timeout = "timed out"
            case protocolViolation = "protocol violation"
            case tooLarge = "response too large"
            case cancelled = "cancelled"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The URL or request could not be used: bad URL, unknown scheme.
        public static let invalidRequest = Code(.invalidRequest)
        /// The host name did not resolve.
        public static let resolve = Code(.resolve)
        /// No address accepted a TCP connection.
        public static let connect = Code(.connect)
        /// The TLS handshake failed, certificate and hostname checks included.
        public static let tls = Code(.tls)
        /// Writing the request failed.
        public static let send = Code(.send)
        /// The connection closed or reset before the response head was complete.
        public static let headers = Code(.headers)
        /// The connection closed or reset before the body was complete, such as a body shorter than its length.
        public static let body = Code(.body)
        /// A deadline passed; ``HTTPClientError/phase`` says which.
        public static let timeout = Code(.timeout)
        /// The response broke HTTP/1.1 syntax or framing.
        public static let protocolViolation = Code(.protocolViolation)
        /// The response head or body exceeded the configured limits.
        public static let tooLarge = Code(.tooLarge)
        /// The calling task was cancelled.
        public static let cancelled = Code(.cancelled)

        public var description: String { base.rawValue }
    }

    /// What kind of failure.
    public let code: Code

    /// The phase of the exchange that failed.
    public let phase: HTTPClientPhase

    /// Details for people, without secrets.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - phase: Where it happened.
    ///   - reason: Details.
    public init(_ code: Code, phase: HTTPClientPhase, reason: String = "") {
        self.code = code
        self.phase = phase
        self.reason = reason
    }

    /// A stable text without dynamic parts, for grouping in reports: `timed out (first byte)`.
    public var shortDescription: String {
        "\(code) (\(phase))"
    }

    public var description: String {
        reason.isEmpty ? shortDescription : "\(shortDescription): \(reason)"
    }

    public static func == (lhs: HTTPClientError, rhs: HTTPClientError) -> Bool {
        lhs.code == rhs.code && lhs.phase == rhs.phase
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(phase)
    }
}

/// A phase of a client exchange, in order.
public enum HTTPClientPhase: String, Hashable, Sendable, CustomStringConvertible {
    /// Checking the request and URL.
    case prepare
    /// Looking up the host.
    case resolve
    /// Opening the TCP connection.
    case connect
    /// The TLS handshake.
    case tlsHandshake = "TLS handshake"
    /// Writing the request.
    case send
    /// Waiting for the first response byte.
    case firstByte = "first byte"
    /// Reading the response head.
    case headers
    /// Reading the response body.
    case body

    public var description: String {
        rawValue
    }
}
