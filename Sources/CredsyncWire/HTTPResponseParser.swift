/// An incremental, strict parser of HTTP/1.x responses, for clients.
///
/// Feed bytes with ``append(_:)-(UnsafeRawBufferPointer)``, call ``next()`` after each feed, and ``finish()`` when
/// the connection ends: a response without Content-Length or chunked framing ends there. Interim 1xx responses come
/// out like any other; the caller skips them. The body length follows RFC 9112 §6.3: none after HEAD and for 1xx,
/// 204 and 304; then chunked; then Content-Length; otherwise until the connection closes. After an error the parser
/// stays failed.
public struct HTTPResponseParser: Sendable {
    private struct StatusLine: Sendable {
        var version: HTTPVersion
        var status: Int
        var reason: String
    }

    private var core: HTTPParserCore
    private let requestMethod: String
    private var statusLine: StatusLine?
    private var headComplete = false
    private var failure: HTTPParseError?

    /// Makes a parser for the responses to one kind of request.
    ///
    /// - Parameters:
    ///   - requestMethod: The request's method; `HEAD` responses carry no body.
    ///   - limits: The most it accepts.
    public init(requestMethod: String = "GET", limits: HTTPParserLimits = HTTPParserLimits()) {
        self.requestMethod = requestMethod
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

    /// Whether bytes of an unfinished response are buffered.
    public var hasPartialResponse: Bool {
        statusLine != nil || core.hasBufferedBytes
    }

    /// Whether the current response's head is parsed and its body is still arriving.
    public var isReadingBody: Bool {
        headComplete
    }

    /// Parses the next complete response.
    ///
    /// - Returns: The response, or `nil` when more bytes are needed.
    /// - Throws: ``HTTPParseError``; the same error again on every later call.
    public mutating func next() throws(HTTPParseError) -> HTTPResponse? {
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

    /// Tells the parser the connection ended, and returns the response that the end completes.
    ///
    /// - Returns: A response whose body ran until the close, or `nil` when no bytes of a response were pending.
    /// - Throws: ``HTTPParseError`` with code `incompleteMessage` when the end cut a response short.
    public mutating func finish() throws(HTTPParseError) -> HTTPResponse? {
        if let failure {
            throw failure
        }
        if let response = try next() {
            return response
        }
        if core.readsUntilClose, let statusLine {
            return complete(statusLine)
        }
        guard !hasPartialResponse else {
            let error = HTTPParseError(
                .incompleteMessage,
                reason: headComplete ? "connection closed inside the body" : "connection closed inside the head"
            )
            failure = error
            throw error
        }
        return nil
    }

    private mutating func step() throws(HTTPParseError) -> HTTPResponse? {
        if statusLine == nil {
            let limit = core.limits.maxStartLineBytes
            guard let line = try core.nextLine(limit: limit, tooLong: .startLineTooLong) else {
                return nil
            }
            statusLine = try parseStatusLine(line)
        }

        if !headComplete {
            guard try core.readHeaders() else {
                return nil
            }
            try core.beginBody(try framing())
            headComplete = true
        }

        guard try core.readBody(), let statusLine else {
            return nil
        }
        return complete(statusLine)
    }

    private mutating func complete(_ statusLine: StatusLine) -> HTTPResponse {
        let response = HTTPResponse(
            status: statusLine.status,
            reason: statusLine.reason,
            version: statusLine.version,
            headers: core.headers,
            body: core.body,
            trailers: core.trailers
        )
        core.reset()
        self.statusLine = nil
        headComplete = false
        return response
    }

    private func parseStatusLine(_ line: Range<Int>) throws(HTTPParseError) -> StatusLine {
        let bytes = core.bytes(line)
        guard let firstSpace = bytes.firstIndex(of: 0x20), let version = HTTPSyntax.version(bytes[..<firstSpace])
        else {
            throw HTTPParseError(.invalidStartLine, reason: "invalid version")
        }
        guard version.major == 1 else {
            throw HTTPParseError(.unsupportedVersion, reason: version.description)
        }

        let rest = bytes[(firstSpace + 1)...]
        let code = rest.prefix(3)
        guard code.count == 3, code.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw HTTPParseError(.invalidStartLine, reason: "invalid status code")
        }
        let afterCode = rest.dropFirst(3)
        // The SP before the reason is required, but an empty reason without it is common enough to accept.
        guard afterCode.isEmpty || afterCode.first == 0x20 else {
            throw HTTPParseError(.invalidStartLine, reason: "no space after the status code")
        }
        let reason = afterCode.dropFirst()
        guard reason.allSatisfy({ HTTPSyntax.isFieldValueByte($0) }) else {
            throw HTTPParseError(.invalidStartLine, reason: "control character in the reason phrase")
        }
        let status = code.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return StatusLine(version: version, status: status, reason: String(decoding: reason, as: UTF8.self))
    }

    private func framing() throws(HTTPParseError) -> HTTPParserCore.Framing {
        let status = statusLine?.status ?? 0
        if requestMethod == "HEAD" || (100..<200).contains(status) || status == 204 || status == 304 {
            return .none
        }
        let encoding = core.transferEncoding()
        if encoding.present {
            return encoding.chunkedLast ? .chunked : .untilClose
        }
        if let length = try core.contentLength() {
            return .length(length)
        }
        return .untilClose
    }
}
