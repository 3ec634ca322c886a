/// An HTTP/1.x request as a server received it or a client will send it.
public struct HTTPRequest: Hashable, Sendable {
    /// The method, case kept: `GET`, `POST`…
    public var method: String

    /// The request target as sent: usually an origin form such as `/path?query`.
    public var target: String

    /// The protocol version.
    public var version: HTTPVersion

    /// The header fields in order.
    public var headers: HTTPHeaders

    /// The body, after removing any chunked framing.
    public var body: [UInt8]

    /// The trailer fields of a chunked body, in order.
    public var trailers: HTTPHeaders

    /// Each header field's value as received, with the white space around it that ``headers`` trims, one per
    /// field of ``headers`` and in the same order; empty for a request not read from the wire.
    public var rawHeaderValues: [String]

    /// Makes a request.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - target: The request target.
    ///   - version: The protocol version.
    ///   - headers: The header fields.
    ///   - body: The body.
    ///   - trailers: Trailer fields.
    ///   - rawHeaderValues: The header values as received, untrimmed, one per field.
    public init(
        method: String,
        target: String,
        version: HTTPVersion = .http11,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        trailers: HTTPHeaders = [:],
        rawHeaderValues: [String] = []
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
        self.rawHeaderValues = rawHeaderValues
    }

    /// The path part of the target, before any `?`.
    public var path: Substring {
        target.prefix { $0 != "?" }
    }

    /// The query part of the target, after the first `?`, if any.
    public var query: Substring? {
        target.firstIndex(of: "?").map { target[target.index(after: $0)...] }
    }

    /// The body decoded as UTF-8, invalid sequences replaced.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// Whether the connection may carry another request after this one.
    public var keepsAlive: Bool {
        if headers.containsToken("close", in: "Connection") {
            return false
        }
        return version.minor >= 1 || headers.containsToken("keep-alive", in: "Connection")
    }
}
