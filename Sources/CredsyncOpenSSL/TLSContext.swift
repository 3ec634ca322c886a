internal import COpenSSL

/// A TLS configuration shared by many connections: an owned `SSL_CTX`.
///
/// Client contexts verify the server's certificate chain by default, against the system's trust store or against a
/// given CA file; hostname checking is set per connection by ``TLSConnection``. Both sides speak TLS 1.2 and 1.3 only.
public final class TLSContext: @unchecked Sendable {
    // SAFETY: `@unchecked Sendable` because the `SSL_CTX` is configured only inside the factory methods and afterwards
    // only passed to `SSL_new`, which OpenSSL documents as safe to call from many threads on one context.

    /// How a client checks the server's certificate.
    public enum Verification: Sendable, Hashable {
        /// Checks the chain against the system's default trust store, and the host name.
        case system
        /// Checks the chain against the certificates in one PEM file, and the host name.
        case caFile(String)
        /// Checks nothing: any certificate, any name. For probes that must reach a misconfigured server.
        case insecure
    }

    let pointer: OpaquePointer

    /// Whether connections made from this context check the peer's certificate and name.
    public let verifiesPeer: Bool

    private init(pointer: OpaquePointer, verifiesPeer: Bool) {
        self.pointer = pointer
        self.verifiesPeer = verifiesPeer
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    /// Makes a client context.
    ///
    /// - Parameter verification: How to check the server's certificate; ``Verification/system`` by default.
    /// - Returns: The context.
    /// - Throws: ``OpenSSLError`` with code `certificate` when the CA file cannot be loaded, `tls` otherwise.
    public static func client(verification: Verification = .system) throws(OpenSSLError) -> TLSContext {
        let context = try make(method: TLS_client_method(), verifiesPeer: verification != .insecure)

        switch verification {
        case .system:
            guard SSL_CTX_set_default_verify_paths(context.pointer) == 1 else {
                throw OpenSSLError.fromQueue(.certificate)
            }
        case .caFile(let path):
            guard SSL_CTX_load_verify_locations(context.pointer, path, nil) == 1 else {
                let reason = OpenSSLError.drainQueue()
                throw OpenSSLError(.certificate, reason: "cannot load CA file \(path): \(reason)")
            }
        case .insecure:
            break
        }

        SSL_CTX_set_verify(context.pointer, verification == .insecure ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nil)
        return context
    }

    /// Makes a server context from a certificate chain and its private key.
    ///
    /// - Parameters:
    ///   - certificateChainFile: A PEM file: the server certificate first, then any intermediates.
    ///   - privateKeyFile: A PEM file holding the unencrypted private key of the first certificate.
    /// - Returns: The context.
    /// - Throws: ``OpenSSLError`` with code `certificate` when a file cannot be loaded or the key does not match.
    public static func server(certificateChainFile: String, privateKeyFile: String) throws(OpenSSLError) -> TLSContext {
        let context = try make(method: TLS_server_method(), verifiesPeer: false)

        guard SSL_CTX_use_certificate_chain_file(context.pointer, certificateChainFile) == 1 else {
            let reason = OpenSSLError.drainQueue()
            throw OpenSSLError(.certificate, reason: "cannot load certificate \(certificateChainFile): \(reason)")
        }
        guard SSL_CTX_use_PrivateKey_file(context.pointer, privateKeyFile, SSL_FILETYPE_PEM) == 1 else {
            let reason = OpenSSLError.drainQueue()
            throw OpenSSLError(.certificate, reason: "cannot load private key \(privateKeyFile): \(reason)")
        }
        guard SSL_CTX_check_private_key(context.pointer) == 1 else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        return context
    }

    private static func make(method: OpaquePointer?, verifiesPeer: Bool) throws(OpenSSLError) -> TLSContext {
        guard let pointer = SSL_CTX_new(method) else {
            throw OpenSSLError.fromQueue(.tls)
        }
        let context = TLSContext(pointer: pointer, verifiesPeer: verifiesPeer)

        guard credsync_SSL_CTX_set_min_proto_version(pointer, TLS1_2_VERSION) == 1 else {
            throw OpenSSLError.fromQueue(.tls)
        }
        // Partial writes and a moving buffer let a nonblocking writer retry with whatever bytes remain.
        _ = credsync_SSL_CTX_set_mode(
            pointer,
            Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER)
        )
        return context
    }
}
