/// The connection a ``HTTPResponse/Delivery/script(_:)`` writes to, byte by byte if it likes.
public protocol HTTPResponseWriter {
    /// Sends bytes as they are.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: `false` once the peer is gone, the write timed out or the server is stopping; stop writing then.
    func write(_ bytes: [UInt8]) async -> Bool
}
