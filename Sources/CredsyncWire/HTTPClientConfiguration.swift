/// How an ``HTTPClient`` connects, verifies, limits and redacts.
public struct HTTPClientConfiguration: Hashable, Sendable {
    /// How the client checks an https server's certificate.
    public enum TLSVerification: Hashable, Sendable {
        /// The system's trust store, and the host name (the default).
        case system
        /// The certificates in one PEM file, and the host name.
        case caFile(String)
        /// No check at all: any certificate, any name.
        case insecure
    }

    /// Default timeouts; a request may carry its own.
    public var timeouts: HTTPTimeouts

    /// The most the client reads: status line, header fields and body.
    public var responseLimits: HTTPParserLimits

    /// How https servers are verified.
    public var tlsVerification: TLSVerification

    /// What ``HTTPExchange/transcript`` hides.
    public var redaction: Redaction

    /// Makes a configuration.
    ///
    /// - Parameters:
    ///   - timeouts: Default timeouts.
    ///   - responseLimits: Response size limits; 64 KiB of headers and 8 MiB of body by default.
    ///   - tlsVerification: Certificate checking.
    ///   - redaction: Transcript redaction.
    public init(
        timeouts: HTTPTimeouts = HTTPTimeouts(),
        responseLimits: HTTPParserLimits = HTTPParserLimits(maxHeaderBytes: 65_536, maxBodyBytes: 8_388_608),
        tlsVerification: TLSVerification = .system,
        redaction: Redaction = .standard
    ) {
        self.timeouts = timeouts
        self.responseLimits = responseLimits
        self.tlsVerification = tlsVerification
        self.redaction = redaction
    }
}
