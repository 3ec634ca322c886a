internal import COpenSSL
import Glibc

/// The outcome of one nonblocking TLS operation.
public enum TLSStep<Value> {
    /// The operation finished with this value.
    case done(Value)
    /// The operation needs the socket to become readable, then to be called again.
    case wantRead
    /// The operation needs the socket to become writable, then to be called again.
    case wantWrite
    /// The peer closed the connection: with a TLS close_notify, or by closing TCP without one.
    case closed
    /// The operation failed; the connection is unusable.
    case failed(OpenSSLError)
}

extension TLSStep: Sendable where Value: Sendable {}

/// One TLS session over a nonblocking socket the caller owns: an owned `SSL`.
///
/// Every method makes one attempt and reports what it needs next; the caller waits for the socket and calls again.
/// The caller keeps the file descriptor open for the life of this object and closes it afterwards. One task at a time
/// may use a connection.
public final class TLSConnection {
    private let pointer: OpaquePointer
    private let context: TLSContext

    /// Makes a client session that will connect to a host.
    ///
    /// When the context verifies peers, the certificate must match `host`: as a DNS name, or as an IP address when
    /// `host` is an IPv4 or IPv6 literal. SNI carries `host` unless it is an IP literal.
    ///
    /// - Parameters:
    ///   - context: A client context.
    ///   - fileDescriptor: A connected, nonblocking TCP socket.
    ///   - host: The name or address the caller meant to reach, without brackets.
    /// - Throws: ``OpenSSLError`` with code `tls`.
    public init(client context: TLSContext, fileDescriptor: Int32, host: String) throws(OpenSSLError) {
        guard let pointer = SSL_new(context.pointer) else {
            throw OpenSSLError.fromQueue(.tls)
        }
        self.pointer = pointer
        self.context = context

        guard SSL_set_fd(pointer, fileDescriptor) == 1 else {
            throw OpenSSLError.fromQueue(.tls)
        }
        SSL_set_connect_state(pointer)

        if Self.isIPAddress(host) {
            if context.verifiesPeer {
                guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(pointer), host) == 1 else {
                    throw OpenSSLError.fromQueue(.tls)
                }
            }
        } else {
            guard credsync_SSL_set_tlsext_host_name(pointer, host) == 1 else {
                throw OpenSSLError.fromQueue(.tls)
            }
            if context.verifiesPeer {
                guard SSL_set1_host(pointer, host) == 1 else {
                    throw OpenSSLError.fromQueue(.tls)
                }
            }
        }
    }

    /// Makes a server session for an accepted connection.
    ///
    /// - Parameters:
    ///   - context: A server context.
    ///   - fileDescriptor: An accepted, nonblocking TCP socket.
    /// - Throws: ``OpenSSLError`` with code `tls`.
    public init(server context: TLSContext, fileDescriptor: Int32) throws(OpenSSLError) {
        guard let pointer = SSL_new(context.pointer) else {
            throw OpenSSLError.fromQueue(.tls)
        }
        self.pointer = pointer
        self.context = context

        guard SSL_set_fd(pointer, fileDescriptor) == 1 else {
            throw OpenSSLError.fromQueue(.tls)
        }
        SSL_set_accept_state(pointer)
    }

    deinit {
        SSL_free(pointer)
    }

    /// Advances the handshake.
    ///
    /// - Returns: `.done` once the handshake is complete and, for clients, the peer verified; a certificate or name
    ///   that fails verification gives `.failed` with code `certificate`.
    public func handshake() -> TLSStep<Void> {
        let result = SSL_do_handshake(pointer)
        if result == 1 {
            return .done(())
        }
        return step(for: result)
    }

    /// Reads decrypted bytes.
    ///
    /// - Parameter buffer: Where to put them.
    /// - Returns: `.done(n)` with n > 0 bytes read, or what the session needs first.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> TLSStep<Int> {
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            return .done(0)
        }
        var count = 0
        let result = SSL_read_ex(pointer, base, buffer.count, &count)
        if result == 1 {
            return .done(count)
        }
        return step(for: result)
    }

    /// Encrypts and sends some bytes.
    ///
    /// - Parameter buffer: The bytes.
    /// - Returns: `.done(n)` with the number of bytes accepted, possibly fewer than given, or what the session needs.
    public func write(_ buffer: UnsafeRawBufferPointer) -> TLSStep<Int> {
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            return .done(0)
        }
        var count = 0
        let result = SSL_write_ex(pointer, base, buffer.count, &count)
        if result == 1 {
            return .done(count)
        }
        return step(for: result)
    }

    /// Sends a close_notify alert, once, without waiting for the peer's.
    ///
    /// - Returns: `.done` when the alert was queued, or what the session needs to send it.
    public func shutdown() -> TLSStep<Void> {
        let result = SSL_shutdown(pointer)
        if result >= 0 {
            return .done(())
        }
        return step(for: result)
    }

    /// The negotiated protocol version, such as `TLSv1.3`.
    public var protocolVersion: String {
        String(cString: SSL_get_version(pointer))
    }

    private func step<Value>(for result: Int32) -> TLSStep<Value> {
        let error = SSL_get_error(pointer, result)
        switch error {
        case SSL_ERROR_WANT_READ:
            return .wantRead
        case SSL_ERROR_WANT_WRITE:
            return .wantWrite
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        case SSL_ERROR_SYSCALL:
            let code = errno
            let reason = OpenSSLError.drainQueue()
            if reason.isEmpty && (code == 0 || code == ECONNRESET || code == EPIPE) {
                return .closed
            }
            return .failed(OpenSSLError(.tls, reason: reason.isEmpty ? String(cString: strerror(code)) : reason))
        default:
            // A TCP close without close_notify; HTTP framing, not TLS, decides whether that truncated anything.
            let first = ERR_peek_error()
            if credsync_ERR_GET_LIB(first) == ERR_LIB_SSL
                && credsync_ERR_GET_REASON(first) == SSL_R_UNEXPECTED_EOF_WHILE_READING
            {
                _ = OpenSSLError.drainQueue()
                return .closed
            }
            return .failed(failure())
        }
    }

    private func failure() -> OpenSSLError {
        let reason = OpenSSLError.drainQueue()
        let verification = SSL_get_verify_result(pointer)
        if verification != X509_V_OK {
            let text = String(cString: X509_verify_cert_error_string(verification))
            return OpenSSLError(.certificate, reason: "\(text) (\(reason))")
        }
        return OpenSSLError(.tls, reason: reason)
    }

    /// Whether a host is an IPv4 or IPv6 literal rather than a name.
    static func isIPAddress(_ host: String) -> Bool {
        var storage = in6_addr()
        return inet_pton(AF_INET, host, &storage) == 1 || inet_pton(AF_INET6, host, &storage) == 1
    }
}

@available(*, unavailable)
extension TLSConnection: Sendable {}
