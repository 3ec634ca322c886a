/// Why a parser refused a message.
public struct HTTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case startLineTooLong = "start line too long"
            case headersTooLarge = "header fields too large"
            case bodyTooLarge = "body too large"
            case invalidStartLine = "invalid start line"
            case unsupportedVersion = "unsupported HTTP version"
            case invalidLineEnding = "invalid line ending"
            case invalidHeader = "invalid header field"
            case invalidHost = "missing, repeated or invalid Host"
            case invalidContentLength = "invalid Content-Length"
            case conflictingFraming = "both Transfer-Encoding and Content-Length"
            case invalidTransferEncoding = "invalid Transfer-Encoding"
            case unsupportedTransferEncoding = "unsupported Transfer-Encoding"
            case invalidChunk = "invalid chunked framing"
            case incompleteMessage = "message ended early"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The request or status line exceeds ``HTTPParserLimits/maxStartLineBytes``.
        public static let startLineTooLong = Code(.startLineTooLong)
        /// The header lines exceed ``HTTPParserLimits/maxHeaderBytes`` or ``HTTPParserLimits/maxHeaderCount``.
        public static let headersTooLarge = Code(.headersTooLarge)
        /// The body exceeds ``HTTPParserLimits/maxBodyBytes``, or its declared length does.
        public static let bodyTooLarge = Code(.bodyTooLarge)
        /// The start line is not `method SP target SP version` or `version SP status SP reason`.
        public static let invalidStartLine = Code(.invalidStartLine)
        /// The version is well formed but not HTTP/1.x.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// A line ends in a bare LF, or holds a bare CR.
        public static let invalidLineEnding = Code(.invalidLineEnding)
        /// A field line is malformed: bad name, space before the colon, folded line, control character.
        public static let invalidHeader = Code(.invalidHeader)
        /// An HTTP/1.1 request has no Host, several, or an invalid one.
        public static let invalidHost = Code(.invalidHost)
        /// Content-Length is not a decimal number, or its values differ.
        public static let invalidContentLength = Code(.invalidContentLength)
        /// A request carries both Transfer-Encoding and Content-Length.
        public static let conflictingFraming = Code(.conflictingFraming)
        /// Transfer-Encoding does not end in `chunked`, or appears in an HTTP/1.0 request.
        public static let invalidTransferEncoding = Code(.invalidTransferEncoding)
        /// Transfer-Encoding names codings besides a final `chunked`.
        public static let unsupportedTransferEncoding = Code(.unsupportedTransferEncoding)
        /// A chunk size, extension or terminator is malformed.
        public static let invalidChunk = Code(.invalidChunk)
        /// The input ended inside a message.
        public static let incompleteMessage = Code(.incompleteMessage)

        public var description: String { base.rawValue }
    }

    /// What was wrong.
    public let code: Code

    /// Details for people.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: What was wrong.
    ///   - reason: Details.
    public init(_ code: Code, reason: String = "") {
        self.code = code
        self.reason = reason
    }

    /// The status a server answers a request with this error: 400, 413, 414, 431, 501 or 505.
    public var status: Int {
        switch code {
        case .startLineTooLong: 414
        case .headersTooLarge: 431
        case .bodyTooLarge: 413
        case .unsupportedVersion: 505
        case .unsupportedTransferEncoding: 501
        default: 400
        }
    }

    public var description: String {
        reason.isEmpty ? code.description : "\(code): \(reason)"
    }

    public static func == (lhs: HTTPParseError, rhs: HTTPParseError) -> Bool {
        lhs.code == rhs.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
