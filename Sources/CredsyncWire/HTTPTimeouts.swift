/// How long a client exchange may take, by phase; sub-second values are honoured.
public struct HTTPTimeouts: Hashable, Sendable {
    /// From the start until the TCP connection and any TLS handshake are done (name resolution included).
    public var connect: Duration

    /// From the end of sending the request until the first response byte.
    public var firstByte: Duration

    /// From the start until the whole response is read; bounds every phase.
    public var total: Duration

    /// Makes timeouts.
    ///
    /// - Parameters:
    ///   - connect: The connect timeout.
    ///   - firstByte: The time to first byte.
    ///   - total: The whole exchange.
    public init(connect: Duration = .seconds(5), firstByte: Duration = .seconds(10), total: Duration = .seconds(30)) {
        self.connect = connect
        self.firstByte = firstByte
        self.total = total
    }
}
