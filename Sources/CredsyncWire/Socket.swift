import Glibc
import Synchronization

/// Why a socket operation failed.
struct SocketError: Error, Sendable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        /// The deadline passed.
        case timedOut
        /// The socket was closed or shut down locally.
        case closed
        /// The task was cancelled.
        case cancelled
        /// The system call failed with this `errno`.
        case system(Int32)
    }

    let kind: Kind
    let operation: String

    var description: String {
        switch kind {
        case .timedOut: "\(operation): timed out"
        case .closed: "\(operation): socket closed locally"
        case .cancelled: "\(operation): cancelled"
        case .system(let code): "\(operation): \(String(cString: strerror(code)))"
        }
    }

    static func system(_ operation: String, _ code: Int32 = errno) -> SocketError {
        SocketError(kind: .system(code), operation: operation)
    }

    static func from(_ outcome: WaitOutcome, _ operation: String) -> SocketError {
        switch outcome {
        case .timedOut: SocketError(kind: .timedOut, operation: operation)
        case .cancelled: SocketError(kind: .cancelled, operation: operation)
        case .closed, .ready: SocketError(kind: .closed, operation: operation)
        }
    }
}

/// A nonblocking TCP socket registered with the poller; every wait takes a deadline.
///
/// One task at a time reads and writes a socket. ``shutdown()`` may be called from any task, to wake its user. Once
/// ``close()`` has run, reads and writes fail with ``SocketError/Kind/closed`` instead of reaching the descriptor
/// number, which the system may already have given to another socket.
final class Socket: Sendable {
    let descriptor: Int32
    let registration: Registration
    private let closed = Mutex(false)

    private init(descriptor: Int32, registration: Registration) {
        self.descriptor = descriptor
        self.registration = registration
    }

    deinit {
        close()
    }

    /// Wraps and registers a nonblocking descriptor; closes it on failure.
    static func adopt(_ descriptor: Int32, poller: Poller = .shared) throws(SocketError) -> Socket {
        guard let registration = poller.register(descriptor) else {
            let error = SocketError.system("register")
            Glibc.close(descriptor)
            throw error
        }
        return Socket(descriptor: descriptor, registration: registration)
    }

    // MARK: - Connecting and listening

    /// Connects to one address.
    static func connect(to address: SocketAddress, deadline: Deadline) async throws(SocketError) -> Socket {
        let descriptor = Glibc.socket(
            address.family,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0
        )
        guard descriptor >= 0 else {
            throw .system("socket")
        }
        setNoDelay(descriptor)

        let result = address.withSockAddr { Glibc.connect(descriptor, $0, $1) }
        if result != 0 && errno != EINPROGRESS {
            let error = SocketError.system("connect")
            Glibc.close(descriptor)
            throw error
        }

        let socket = try adopt(descriptor)
        while result != 0 {
            let sequence = socket.registration.sequence(.write)
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else {
                throw .system("connect")
            }
            if code != 0 {
                throw .system("connect", code)
            }
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let connected = withUnsafeMutablePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &peerLength) }
            }
            if connected == 0 {
                break
            }
            let outcome = await socket.registration.wait(for: .write, after: sequence, deadline: deadline)
            if outcome != .ready {
                throw .from(outcome, "connect")
            }
        }
        return socket
    }

    /// Binds and listens.
    static func listen(on address: SocketAddress, backlog: Int32) throws(SocketError) -> Socket {
        let descriptor = Glibc.socket(
            address.family,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0
        )
        guard descriptor >= 0 else {
            throw .system("socket")
        }
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))

        guard address.withSockAddr({ Glibc.bind(descriptor, $0, $1) }) == 0 else {
            let error = SocketError.system("bind \(address)")
            Glibc.close(descriptor)
            throw error
        }
        guard Glibc.listen(descriptor, backlog) == 0 else {
            let error = SocketError.system("listen")
            Glibc.close(descriptor)
            throw error
        }
        return try adopt(descriptor)
    }

    /// Accepts one connection, waiting without a deadline until one arrives or the socket is shut down.
    func accept() async throws(SocketError) -> Socket {
        while true {
            let sequence = registration.sequence(.read)
            let accepted = LinuxSystemCalls.accept4(
                descriptor,
                nil,
                nil,
                Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
            )
            if accepted >= 0 {
                Self.setNoDelay(accepted)
                return try Self.adopt(accepted)
            }

            switch errno {
            case EINTR, ECONNABORTED, EPROTO:
                continue
            case EAGAIN, EWOULDBLOCK:
                let outcome = await registration.wait(for: .read, after: sequence, deadline: .distantFuture)
                if outcome != .ready {
                    throw .from(outcome, "accept")
                }
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                // Out of descriptors or memory: back off instead of spinning; pending connections wait in the backlog.
                do {
                    try await Task.sleep(for: .milliseconds(50))
                } catch {
                    throw SocketError(kind: .cancelled, operation: "accept")
                }
            default:
                throw .system("accept")
            }
        }
    }

    /// The address the socket is bound to.
    var localAddress: SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return result == 0 ? SocketAddress(storage: storage, length: length) : nil
    }

    // MARK: - Reading and writing

    /// Reads what is available, waiting for at least one byte until the deadline.
    ///
    /// - Returns: The number of bytes read; 0 means the peer closed its side.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: Deadline) async throws(SocketError) -> Int {
        while true {
            let sequence = registration.sequence(.read)
            let received = withOpenDescriptor { descriptor in
                let count = Glibc.recv(descriptor, buffer.baseAddress, buffer.count, 0)
                return (count, errno)
            }
            guard let (count, code) = received else {
                throw SocketError(kind: .closed, operation: "recv")
            }
            if count >= 0 {
                return count
            }
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                try await waitUntilReady(.read, after: sequence, deadline: deadline)
            default:
                throw .system("recv")
            }
        }
    }

    /// Writes every byte, waiting for buffer space until the deadline.
    func write(_ bytes: [UInt8], deadline: Deadline) async throws(SocketError) {
        var offset = 0
        while offset < bytes.count {
            let sequence = registration.sequence(.write)
            let sent = bytes.withUnsafeBytes { buffer in
                withOpenDescriptor { descriptor in
                    let count = Glibc.send(
                        descriptor,
                        buffer.baseAddress! + offset,
                        buffer.count - offset,
                        Int32(MSG_NOSIGNAL)
                    )
                    return (count, errno)
                }
            }
            guard let (count, code) = sent else {
                throw SocketError(kind: .closed, operation: "send")
            }
            if count >= 0 {
                offset += count
                continue
            }
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                try await waitUntilReady(.write, after: sequence, deadline: deadline)
            default:
                throw .system("send")
            }
        }
    }

    /// Waits for readiness after an attempt that would have blocked.
    func waitUntilReady(
        _ direction: Registration.Direction,
        after sequence: UInt64,
        deadline: Deadline
    ) async throws(SocketError) {
        let outcome = await registration.wait(for: direction, after: sequence, deadline: deadline)
        if outcome != .ready {
            throw .from(outcome, direction == .read ? "read" : "write")
        }
    }

    /// Runs `body` with the descriptor unless the socket is closed; ``close()`` waits for it to finish, so the
    /// descriptor number cannot be reused by another socket meanwhile. `body` must not block.
    func withOpenDescriptor<Result: Sendable>(_ body: (Int32) -> Result) -> Result? {
        closed.withLock { closed in
            closed ? nil : body(descriptor)
        }
    }

    // MARK: - Closing

    /// Shuts down both directions, waking the socket's user; safe from any task.
    func shutdown() {
        closed.withLock { closed in
            if !closed {
                _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
            }
        }
    }

    /// Sends FIN: the peer reads end of stream, while this side can still read.
    func shutdownWrite() {
        closed.withLock { closed in
            if !closed {
                _ = Glibc.shutdown(descriptor, Int32(SHUT_WR))
            }
        }
    }

    /// Makes the next close send RST instead of FIN.
    func setResetOnClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = withOpenDescriptor {
            setsockopt($0, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        }
    }

    /// Deregisters and closes the descriptor; later calls do nothing.
    func close() {
        closed.withLock { closed in
            guard !closed else {
                return
            }
            closed = true
            registration.poller.deregister(descriptor, registration)
            Glibc.close(descriptor)
        }
    }

    private static func setNoDelay(_ descriptor: Int32) {
        var one: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }
}
