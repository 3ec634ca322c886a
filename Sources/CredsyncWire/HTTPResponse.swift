/// An HTTP/1.x response as a client received it or a server handler returns it.
///
/// A server handler can also choose how the response goes out through ``delivery`` and ``delay``: exactly as given,
/// replaced by raw bytes, not at all (the connection dropped or reset), or written by a script at its own pace.
/// Equality compares the message only (status, reason, version, headers, body, trailers).
public struct HTTPResponse: Sendable, Equatable {
    /// How a server sends a response.
    public enum Delivery: Sendable {
        /// The status line, headers and body; the server adds `Content-Length` when the response has no framing
        /// field, and `Connection: close` when it will close the connection.
        case standard
        /// The status line, headers and body exactly as given, with no field added; the connection closes after it
        /// unless the headers frame the body and do not say `Connection: close`.
        case exact
        /// These bytes instead of the response; then the connection closes.
        case raw([UInt8])
        /// No answer: the connection is closed at once (FIN).
        case drop
        /// No answer: the connection is reset (RST).
        case reset
        /// The script writes whatever it wants, at whatever pace; then the connection closes.
        case script(@Sendable (any HTTPResponseWriter) async -> Void)
    }

    /// The status code. Not checked: any integer is sent as written.
    public var status: Int

    /// The reason phrase; when empty, a server sends the standard phrase for the status.
    public var reason: String

    /// The protocol version.
    public var version: HTTPVersion

    /// The header fields in order.
    public var headers: HTTPHeaders

    /// The body, after removing any chunked framing.
    public var body: [UInt8]

    /// The trailer fields of a chunked body, in order.
    public var trailers: HTTPHeaders

    /// How a server sends this response; ignored by clients.
    public var delivery: Delivery

    /// How long a server waits before sending this response; ignored by clients.
    public var delay: Duration

    /// Makes a response.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - reason: The reason phrase; empty for the standard one.
    ///   - version: The protocol version.
    ///   - headers: The header fields.
    ///   - body: The body.
    ///   - trailers: Trailer fields.
    ///   - delivery: How a server sends it.
    ///   - delay: How long a server waits before sending it.
    public init(
        status: Int,
        reason: String = "",
        version: HTTPVersion = .http11,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        trailers: HTTPHeaders = [:],
        delivery: Delivery = .standard,
        delay: Duration = .zero
    ) {
        self.status = status
        self.reason = reason
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
        self.delivery = delivery
        self.delay = delay
    }

    /// A response with a UTF-8 body and a `Content-Type`.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - contentType: The `Content-Type` value.
    ///   - text: The body.
    /// - Returns: The response.
    public static func text(
        _ status: Int,
        contentType: String = "text/plain; charset=utf-8",
        _ text: String
    ) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }

    /// A response the server never sends: it closes the connection instead.
    public static let drop = HTTPResponse(status: 0, delivery: .drop)

    /// A response the server never sends: it resets the connection instead.
    public static let reset = HTTPResponse(status: 0, delivery: .reset)

    /// The body decoded as UTF-8, invalid sequences replaced.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.reason == rhs.reason && lhs.version == rhs.version
            && lhs.headers == rhs.headers && lhs.body == rhs.body && lhs.trailers == rhs.trailers
    }

    /// The standard reason phrase of a status code, or an empty string.
    ///
    /// - Parameter status: The status code.
    /// - Returns: The phrase, such as `Not Found`.
    public static func standardReason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 101: "Switching Protocols"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: ""
        }
    }
}
