/// An incremental, strict parser of HTTP/1.x requests, for servers.
///
/// Feed bytes as they arrive with ``append(_:)-(UnsafeRawBufferPointer)`` and call ``next()`` until it returns `nil`.
/// Pipelined requests come out one by one. After an error the parser stays failed.
///
/// Refused, with the error's ``HTTPParseError/status``: bare LF or CR line endings; a start line that is not
/// `token SP visible-target SP HTTP/d.d`; versions other than 1.x (505); folded, nameless or space-before-colon field
/// lines and control characters; HTTP/1.1 without exactly one Host; Content-Length that is not decimal or differs
/// between lines; Transfer-Encoding together with Content-Length, or in HTTP/1.0; a final coding other than
/// `chunked` or a Transfer-Encoding in HTTP/1.0 (400), or codings besides `chunked` (501); malformed chunks; and anything over ``HTTPParserLimits`` (414, 431, 413).
/// Up to eight empty lines before a request line are skipped.
public struct HTTPRequestParser: Sendable {
    private struct StartLine: Sendable {
        var method: String
        var target: String
        var version: HTTPVersion
    }

    private var core: HTTPParserCore
    private var startLine: StartLine?
    private var headComplete = false
    private var emptyLinesSkipped = 0
    private var failure: HTTPParseError?

    /// Makes a parser.
    ///
    /// - Parameter limits: The most it accepts.
    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        core = HTTPParserCore(limits: limits)
    }

    /// Adds received bytes.
    ///
    /// - Parameter bytes: The bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        core.append(bytes)
    }

    /// Adds received bytes.
    ///
    /// - Parameter bytes: The bytes.
    public mutating func append(_ bytes: [UInt8]) {
        core.append(bytes)
    }

    /// Whether bytes of an unfinished request are buffered.
    public var hasPartialRequest: Bool {
        startLine != nil || core.hasBufferedBytes
    }

    /// Whether the current request's head is parsed and its body is still arriving.
    public var isReadingBody: Bool {
        headComplete
    }

    /// Whether the current request's head asks for `100 Continue` before its body is sent.
    public var expectsContinue: Bool {
        headComplete && core.headers.containsToken("100-continue", in: "Expect")
    }

    /// Parses the next complete request.
    ///
    /// - Returns: The request, or `nil` when more bytes are needed.
    /// - Throws: ``HTTPParseError``; the same error again on every later call.
    public mutating func next() throws(HTTPParseError) -> HTTPRequest? {
        if let failure {
            throw failure
        }
        do {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func step() throws(HTTPParseError) -> HTTPRequest? {
        while startLine == nil {
            let limit = core.limits.maxStartLineBytes
            guard let line = try core.nextLine(limit: limit, tooLong: .startLineTooLong) else {
                return nil
            }
            if line.isEmpty {
                emptyLinesSkipped += 1
                if emptyLinesSkipped > 8 {
                    throw HTTPParseError(.invalidStartLine, reason: "too many empty lines before the request line")
                }
                continue
            }
            startLine = try parseStartLine(line)
        }

        if !headComplete {
            guard try core.readHeaders() else {
                return nil
            }
            try core.beginBody(try framing())
            headComplete = true
        }

        guard try core.readBody(), let startLine else {
            return nil
        }
        let request = HTTPRequest(
            method: startLine.method,
            target: startLine.target,
            version: startLine.version,
            headers: core.headers,
            body: core.body,
            trailers: core.trailers,
            rawHeaderValues: core.rawHeaderValues
        )
        core.reset()
        self.startLine = nil
        headComplete = false
        emptyLinesSkipped = 0
        return request
    }

    private func parseStartLine(_ line: Range<Int>) throws(HTTPParseError) -> StartLine {
        let bytes = core.bytes(line)
        let parts = bytes.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw HTTPParseError(.invalidStartLine, reason: "expected method, target and version")
        }
        guard !parts[0].isEmpty, parts[0].allSatisfy({ HTTPSyntax.isTokenByte($0) }) else {
            throw HTTPParseError(.invalidStartLine, reason: "invalid method")
        }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ HTTPSyntax.isVisible($0) }) else {
            throw HTTPParseError(.invalidStartLine, reason: "invalid request target")
        }
        guard let version = HTTPSyntax.version(parts[2]) else {
            throw HTTPParseError(.invalidStartLine, reason: "invalid version")
        }
        guard version.major == 1 else {
            throw HTTPParseError(.unsupportedVersion, reason: version.description)
        }
        return StartLine(
            method: String(decoding: parts[0], as: UTF8.self),
            target: String(decoding: parts[1], as: UTF8.self),
            version: version
        )
    }

    private func framing() throws(HTTPParseError) -> HTTPParserCore.Framing {
        let headers = core.headers
        if startLine?.version.minor ?? 1 >= 1 {
            let hosts = headers.values(for: "Host")
            guard hosts.count == 1 else {
                throw HTTPParseError(.invalidHost, reason: "\(hosts.count) Host fields")
            }
            guard hosts[0].utf8.allSatisfy({ HTTPSyntax.isVisible($0) }) else {
                throw HTTPParseError(.invalidHost, reason: "whitespace or control character in Host")
            }
        }

        let encoding = core.transferEncoding()
        let length = try core.contentLength()
        if encoding.present {
            if length != nil || headers.contains("Content-Length") {
                throw HTTPParseError(.conflictingFraming)
            }
            if startLine?.version.minor == 0 {
                throw HTTPParseError(.invalidTransferEncoding, reason: "Transfer-Encoding in HTTP/1.0")
            }
            if !encoding.chunkedLast {
                throw HTTPParseError(.invalidTransferEncoding, reason: "final transfer coding is not chunked")
            }
            if !encoding.chunkedOnly {
                throw HTTPParseError(.unsupportedTransferEncoding, reason: "only chunked is supported")
            }
            return .chunked
        }
        if let length {
            return .length(length)
        }
        return .none
    }
}
