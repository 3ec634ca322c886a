/// The most a parser accepts in one message.
public struct HTTPParserLimits: Hashable, Sendable {
    /// The longest request or status line, in bytes, without its CRLF.
    public var maxStartLineBytes: Int

    /// The most bytes of header field lines (and of chunked trailers), CRLFs included, start line excluded.
    public var maxHeaderBytes: Int

    /// The most header field lines.
    public var maxHeaderCount: Int

    /// The most body bytes after removing chunked framing.
    public var maxBodyBytes: Int

    /// Makes limits.
    ///
    /// - Parameters:
    ///   - maxStartLineBytes: The longest start line.
    ///   - maxHeaderBytes: The most header bytes.
    ///   - maxHeaderCount: The most header lines.
    ///   - maxBodyBytes: The most body bytes.
    public init(
        maxStartLineBytes: Int = 8_192,
        maxHeaderBytes: Int = 16_384,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1_048_576
    ) {
        self.maxStartLineBytes = maxStartLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
