/// What a server accepts and for how long it waits.
///
/// A request line over ``parser``'s start-line limit is answered 414, header fields over the header limits 431, a
/// body over the body limit 413, and any other malformed request 400 (501 for unsupported transfer codings, 505 for
/// other HTTP versions); the connection then closes. A client that stalls is dropped: with 408 when part of a request
/// had arrived, silently otherwise.
public struct HTTPServerLimits: Hashable, Sendable {
    /// Limits on the request line, header fields and body.
    public var parser: HTTPParserLimits

    /// The most connections served at once. Further plain-HTTP connections are answered `503 Service Unavailable`
    /// with `Connection: close` without reading their request, then closed after at most half a second; further TLS
    /// connections are closed at once, without a handshake.
    public var maxConnections: Int

    /// How long a new connection may take to finish its TLS handshake and send its first request head, and how long
    /// any later request head may take from its first byte.
    public var headerTimeout: Duration

    /// How long a request body may take from the end of its head.
    public var bodyTimeout: Duration

    /// How long a kept-alive connection may wait for its next request.
    public var idleTimeout: Duration

    /// How long writing one response may take.
    public var writeTimeout: Duration

    /// The most requests on one connection, or `nil` for no limit; the last response says `Connection: close`.
    public var maxRequestsPerConnection: Int?

    /// Makes limits.
    ///
    /// - Parameters:
    ///   - parser: Request size limits.
    ///   - maxConnections: The most concurrent connections.
    ///   - headerTimeout: The time allowed for a request head.
    ///   - bodyTimeout: The time allowed for a request body.
    ///   - idleTimeout: The time allowed between requests.
    ///   - writeTimeout: The time allowed to write a response.
    ///   - maxRequestsPerConnection: The most requests per connection.
    public init(
        parser: HTTPParserLimits = HTTPParserLimits(),
        maxConnections: Int = 1_024,
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(30),
        writeTimeout: Duration = .seconds(10),
        maxRequestsPerConnection: Int? = nil
    ) {
        self.parser = parser
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.maxRequestsPerConnection = maxRequestsPerConnection
    }
}
