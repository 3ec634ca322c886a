/// Where and how an ``HTTPServer`` listens.
public struct HTTPServerConfiguration: Hashable, Sendable {
    /// The certificate and key of a TLS server.
    public struct TLS: Hashable, Sendable {
        /// A PEM file: the certificate, then any intermediates.
        public var certificateChainFile: String
        /// A PEM file with the unencrypted private key.
        public var privateKeyFile: String

        /// Makes TLS settings.
        ///
        /// - Parameters:
        ///   - certificateChainFile: The certificate chain file.
        ///   - privateKeyFile: The private key file.
        public init(certificateChainFile: String, privateKeyFile: String) {
            self.certificateChainFile = certificateChainFile
            self.privateKeyFile = privateKeyFile
        }
    }

    /// A numeric IPv4 or IPv6 address to bind: `127.0.0.1` (the default), `::1`, `0.0.0.0`…
    public var host: String

    /// The port; 0 lets the system choose, see ``HTTPServer/port``.
    public var port: Int

    /// TLS settings, or `nil` for plain HTTP.
    public var tls: TLS?

    /// Size limits and timeouts.
    public var limits: HTTPServerLimits

    /// How long ``HTTPServer/shutdown(gracePeriod:)`` lets in-flight requests run by default.
    public var shutdownGracePeriod: Duration

    /// Makes a configuration.
    ///
    /// - Parameters:
    ///   - host: The address to bind.
    ///   - port: The port, 0 for any.
    ///   - tls: TLS settings.
    ///   - limits: Limits.
    ///   - shutdownGracePeriod: The default grace period of a shutdown.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        tls: TLS? = nil,
        limits: HTTPServerLimits = HTTPServerLimits(),
        shutdownGracePeriod: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.limits = limits
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
