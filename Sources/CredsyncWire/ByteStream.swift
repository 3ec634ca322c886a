import CredsyncOpenSSL
import Glibc

/// Why reading or writing a ``ByteStream`` failed.
enum ByteStreamError: Error, Sendable, CustomStringConvertible {
    case socket(SocketError)
    case tls(OpenSSLError)

    var description: String {
        switch self {
        case .socket(let error): error.description
        case .tls(let error): error.description
        }
    }

    var isTimeout: Bool {
        if case .socket(let error) = self, error.kind == .timedOut {
            return true
        }
        return false
    }

    var isCancelled: Bool {
        if case .socket(let error) = self, error.kind == .cancelled {
            return true
        }
        return false
    }
}

/// A connected socket, with or without TLS over it: the bytes an HTTP exchange reads and writes.
final class ByteStream {
    let socket: Socket
    private let tls: TLSConnection?

    init(socket: Socket, tls: TLSConnection? = nil) {
        self.socket = socket
        self.tls = tls
    }

    /// Whether TLS runs over the socket.
    var isSecure: Bool {
        tls != nil
    }

    /// The negotiated TLS version, if any.
    var tlsVersion: String? {
        tls?.protocolVersion
    }

    /// Runs the TLS handshake; does nothing for plain TCP.
    func handshake(deadline: Deadline) async throws(ByteStreamError) {
        guard isSecure else {
            return
        }
        while true {
            let (reads, writes) = (socket.registration.sequence(.read), socket.registration.sequence(.write))
            switch try attempt("handshake", { $0.handshake() }) {
            case .done:
                return
            case .wantRead:
                try await wait(.read, after: reads, deadline: deadline)
            case .wantWrite:
                try await wait(.write, after: writes, deadline: deadline)
            case .closed:
                throw .tls(OpenSSLError(.tls, reason: "the peer closed the connection during the handshake"))
            case .failed(let error):
                throw .tls(error)
            }
        }
    }

    /// Reads what is available, waiting for at least one byte until the deadline.
    ///
    /// - Returns: The number of bytes read; 0 means the peer closed the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: Deadline) async throws(ByteStreamError) -> Int {
        guard isSecure else {
            do {
                return try await socket.read(into: buffer, deadline: deadline)
            } catch {
                throw .socket(error)
            }
        }
        while true {
            let (reads, writes) = (socket.registration.sequence(.read), socket.registration.sequence(.write))
            switch try attempt("read", { $0.read(into: buffer) }) {
            case .done(let count):
                return count
            case .closed:
                return 0
            case .wantRead:
                try await wait(.read, after: reads, deadline: deadline)
            case .wantWrite:
                try await wait(.write, after: writes, deadline: deadline)
            case .failed(let error):
                throw .tls(error)
            }
        }
    }

    /// Writes every byte, waiting for buffer space until the deadline.
    func write(_ bytes: [UInt8], deadline: Deadline) async throws(ByteStreamError) {
        guard isSecure else {
            do {
                return try await socket.write(bytes, deadline: deadline)
            } catch {
                throw .socket(error)
            }
        }
        var offset = 0
        while offset < bytes.count {
            let (reads, writes) = (socket.registration.sequence(.read), socket.registration.sequence(.write))
            let step = try attempt("write") { tls in
                bytes.withUnsafeBytes { tls.write(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            }
            switch step {
            case .done(let count):
                offset += count
            case .wantRead:
                try await wait(.read, after: reads, deadline: deadline)
            case .wantWrite:
                try await wait(.write, after: writes, deadline: deadline)
            case .closed:
                throw .socket(.system("send", EPIPE))
            case .failed(let error):
                throw .tls(error)
            }
        }
    }

    /// Sends a TLS close_notify when it fits in the socket buffer, then closes the socket.
    func close() {
        if let tls {
            _ = socket.withOpenDescriptor { _ in tls.shutdown() }
        }
        socket.close()
    }

    /// Makes one TLS attempt on the socket; a closed socket fails it rather than let OpenSSL use a descriptor number
    /// another socket may have by now.
    private func attempt<Value: Sendable>(
        _ operation: String,
        _ body: (TLSConnection) -> TLSStep<Value>
    ) throws(ByteStreamError) -> TLSStep<Value> {
        guard let tls, let step = socket.withOpenDescriptor({ _ in body(tls) }) else {
            throw .socket(SocketError(kind: .closed, operation: operation))
        }
        return step
    }

    private func wait(
        _ direction: Registration.Direction,
        after sequence: UInt64,
        deadline: Deadline
    ) async throws(ByteStreamError) {
        do {
            try await socket.waitUntilReady(direction, after: sequence, deadline: deadline)
        } catch {
            throw .socket(error)
        }
    }
}

@available(*, unavailable)
extension ByteStream: Sendable {}
