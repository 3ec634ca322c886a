import CredsyncOpenSSL
import Synchronization

/// A strict HTTP/1.1 server for stand-ins and benchmarks, plain or over TLS, on IPv4 or IPv6.
///
/// Each connection runs as its own task: it reads requests (keep-alive and pipelining included), calls the handler
/// once per request and writes the response the handler chose (see ``HTTPResponse/Delivery``). Malformed, oversized
/// and slow requests are refused as described in ``HTTPServerLimits`` and never reach the handler; a stalled
/// client ties up only its own connection. Connections over ``HTTPServerLimits/maxConnections`` get a 503.
///
/// Connections and handlers run on the wire layer's own threads, not on Swift's cooperative pool, so the server
/// answers promptly even while the rest of the process keeps the pool busy; a handler should suspend rather than
/// block.
///
/// ```swift
/// let server = try HTTPServer { request in .text(200, "hello") }
/// defer { Task { await server.shutdown() } }
/// print(server.baseURL)  // http://127.0.0.1:40123
/// ```
public final class HTTPServer: Sendable {
    /// Answers one request. It may suspend, sleep or never return before a shutdown cancels it.
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private struct Entry {
        let connection: ConnectionHandle
        var task: Task<Void, Never>?
    }

    private struct State {
        var connections: [UInt64: Entry] = [:]
        var nextIdentifier: UInt64 = 0
        var rejecting = 0
        var acceptTask: Task<Void, Never>?
        var accepted = 0
        var rejected = 0
    }

    /// The configuration the server runs with.
    public let configuration: HTTPServerConfiguration

    /// The address and port the server listens on; the port is the chosen one when 0 was asked for.
    public let address: SocketAddress

    let handler: Handler
    let tlsContext: TLSContext?
    private let listener: Socket
    private let state = Mutex(State())
    /// Set once by ``shutdown(gracePeriod:)``; read without the lock on every request.
    private let stopping = Atomic(false)

    /// Binds, listens and starts serving.
    ///
    /// - Parameters:
    ///   - configuration: Address, TLS and limits.
    ///   - handler: Answers each request.
    /// - Throws: ``HTTPServerError``.
    public init(
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
        handler: @escaping Handler
    ) throws(HTTPServerError) {
        guard let requested = SocketAddress(numericHost: configuration.host, port: configuration.port) else {
            throw HTTPServerError(.invalidAddress, reason: "\(configuration.host) port \(configuration.port)")
        }

        if let tls = configuration.tls {
            do {
                tlsContext = try TLSContext.server(
                    certificateChainFile: tls.certificateChainFile,
                    privateKeyFile: tls.privateKeyFile
                )
            } catch {
                throw HTTPServerError(.tls, reason: error.description)
            }
        } else {
            tlsContext = nil
        }

        do {
            listener = try Socket.listen(on: requested, backlog: 1_024)
        } catch {
            throw HTTPServerError(.bind, reason: error.description)
        }
        guard let bound = listener.localAddress else {
            throw HTTPServerError(.bind, reason: "getsockname failed")
        }
        self.address = bound
        self.configuration = configuration
        self.handler = handler

        let task = Task(executorPreference: WireExecutor.shared) { [self] in
            await acceptLoop()
        }
        state.withLock { $0.acceptTask = task }
    }

    /// The port the server listens on.
    public var port: Int {
        address.port
    }

    /// `http://127.0.0.1:PORT`, `https://[::1]:PORT`…, without a trailing slash.
    public var baseURL: String {
        "\(tlsContext == nil ? "http" : "https")://\(address)"
    }

    /// How many connections are open now.
    public var openConnections: Int {
        state.withLock { $0.connections.count }
    }

    /// How many connections were accepted and served so far.
    public var acceptedConnections: Int {
        state.withLock { $0.accepted }
    }

    /// How many connections were turned away with 503 so far.
    public var rejectedConnections: Int {
        state.withLock { $0.rejected }
    }

    /// Stops accepting, lets requests in flight finish, then closes everything.
    ///
    /// Idle kept-alive connections close at once. Connections still busy after the grace period are shut down and
    /// their tasks cancelled (a handler sleeping with `Task.sleep` wakes then). Returns once every connection task
    /// has ended, or one more second after the grace period, whichever is first.
    ///
    /// - Parameter gracePeriod: How long requests in flight may run; ``HTTPServerConfiguration/shutdownGracePeriod``
    ///   when `nil`.
    public func shutdown(gracePeriod: Duration? = nil) async {
        stopping.store(true, ordering: .sequentiallyConsistent)
        let acceptTask = state.withLock { state in
            // A connection going idle now either sees `stopping` or is seen idle here (both are sequentially
            // consistent), so none sleeps through the shutdown.
            for entry in state.connections.values where entry.connection.idle.load(ordering: .sequentiallyConsistent) {
                entry.connection.socket.shutdown()
            }
            return state.acceptTask
        }
        acceptTask?.cancel()
        await acceptTask?.value
        listener.close()

        let graceDeadline = Deadline.after(gracePeriod ?? configuration.shutdownGracePeriod)
        await waitForConnections(until: graceDeadline)

        let remaining = state.withLock { state in
            state.connections.values.map { ($0.connection.socket, $0.task) }
        }
        for (socket, task) in remaining {
            socket.shutdown()
            task?.cancel()
        }
        await waitForConnections(until: .after(.seconds(1)))
    }

    private func waitForConnections(until deadline: Deadline) async {
        while !deadline.hasPassed {
            let done = state.withLock { $0.connections.isEmpty && $0.rejecting == 0 }
            if done {
                return
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    // MARK: - Accepting

    private func acceptLoop() async {
        while true {
            let socket: Socket
            do {
                socket = try await listener.accept()
            } catch {
                return
            }

            let handle = ConnectionHandle(socket: socket)
            let admission = state.withLock { state -> (identifier: UInt64?, reject: Bool) in
                if stopping.load(ordering: .sequentiallyConsistent) {
                    return (nil, false)
                }
                if state.connections.count >= configuration.limits.maxConnections {
                    state.rejected += 1
                    if state.rejecting >= configuration.limits.maxConnections {
                        return (nil, false)
                    }
                    state.rejecting += 1
                    return (nil, true)
                }
                state.nextIdentifier += 1
                state.accepted += 1
                state.connections[state.nextIdentifier] = Entry(connection: handle, task: nil)
                return (state.nextIdentifier, false)
            }

            if let identifier = admission.identifier {
                let task = Task(executorPreference: WireExecutor.shared) { [self] in
                    await serve(handle, identifier: identifier)
                }
                state.withLock { $0.connections[identifier]?.task = task }
            } else if admission.reject {
                Task(executorPreference: WireExecutor.shared) { [self] in
                    await reject(socket)
                }
            } else {
                socket.close()
            }
        }
    }

    private func serve(_ handle: ConnectionHandle, identifier: UInt64) async {
        await HTTPServerConnection(server: self, handle: handle).run()
        handle.socket.close()
        state.withLock { _ = $0.connections.removeValue(forKey: identifier) }
    }

    private func reject(_ socket: Socket) async {
        var keepAlive = false
        let response = HTTPResponse.text(503, "too many connections\n")
        let bytes = response.serialized(answering: nil, keepAlive: &keepAlive)
        if tlsContext == nil {
            try? await socket.write(bytes, deadline: .after(.milliseconds(500)))
            await HTTPServerConnection.linger(ByteStream(socket: socket), for: .milliseconds(500))
        }
        socket.close()
        state.withLock { $0.rejecting -= 1 }
    }

    // MARK: - Connection bookkeeping

    /// Marks a connection idle between requests; `false` when the server is stopping and it should close instead.
    func markIdle(_ handle: ConnectionHandle) -> Bool {
        handle.idle.store(true, ordering: .sequentiallyConsistent)
        return !stopping.load(ordering: .sequentiallyConsistent)
    }

    /// Whether the server is shutting down.
    var isStopping: Bool {
        stopping.load(ordering: .relaxed)
    }
}

/// What the server knows of one connection: its socket, and whether it waits idle between requests.
final class ConnectionHandle: Sendable {
    let socket: Socket
    let idle = Atomic(false)

    init(socket: Socket) {
        self.socket = socket
    }

    /// Marks the connection busy with a request.
    func markBusy() {
        idle.store(false, ordering: .relaxed)
    }
}
