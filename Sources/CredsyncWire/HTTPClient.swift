import CredsyncOpenSSL
import Glibc
import Synchronization

/// A strict HTTP/1.1 client for probes: one connection per exchange, nothing added or followed behind the caller's
/// back.
///
/// It never follows redirects (a 3xx comes back as is), never retries, never pools connections and never forwards
/// anything to another host. It sends exactly what ``HTTPClientRequest/wireBytes`` says, records every byte both
/// ways, and bounds every phase by a deadline. TLS 1.2 and 1.3 go through OpenSSL with certificate and host name
/// verification on by default.
///
/// Exchanges run on the wire layer's own threads, not on Swift's cooperative pool: an answer that comes at once is
/// read at once even while the rest of the process keeps the pool busy, so a deadline measures the peer, not the
/// caller's load.
public final class HTTPClient: Sendable {
    static let bufferSize = 16_384

    /// The configuration.
    public let configuration: HTTPClientConfiguration

    private let tlsContext = Mutex<TLSContext?>(nil)

    /// Makes a client.
    ///
    /// - Parameter configuration: Timeouts, limits, TLS verification and redaction.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
    }

    /// Sends a request and reads the response.
    ///
    /// - Parameter request: The request.
    /// - Returns: The response.
    /// - Throws: ``HTTPClientError`` naming the failed phase.
    public func send(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPResponse {
        try await execute(request).response()
    }

    /// Runs one exchange and reports everything about it; never throws.
    ///
    /// - Parameter request: The request.
    /// - Returns: The outcome, transcript and timing.
    public func execute(_ request: HTTPClientRequest) async -> HTTPExchange {
        await withTaskExecutorPreference(WireExecutor.shared) {
            await perform(request)
        }
    }

    private func perform(_ request: HTTPClientRequest) async -> HTTPExchange {
        var run = ExchangeRun(client: self, request: request)
        let result = await run.perform()
        run.stream?.close()
        run.timing.total = Deadline.now.duration(since: run.start)
        let raw = Transcript(sent: run.sent, received: run.received)
        return HTTPExchange(
            result: result,
            interimResponses: run.interim,
            transcript: raw.redacted(configuration.redaction),
            rawTranscript: raw,
            timing: run.timing,
            remoteAddress: run.remoteAddress,
            tlsVersion: run.stream?.tlsVersion
        )
    }

    /// The TLS context, made once.
    fileprivate func context() throws(HTTPClientError) -> TLSContext {
        let result = tlsContext.withLock { cached -> Result<TLSContext, OpenSSLError> in
            if let cached {
                return .success(cached)
            }
            let verification: TLSContext.Verification
            switch configuration.tlsVerification {
            case .system: verification = .system
            case .caFile(let path): verification = .caFile(path)
            case .insecure: verification = .insecure
            }
            do throws(OpenSSLError) {
                let context = try TLSContext.client(verification: verification)
                cached = context
                return .success(context)
            } catch {
                return .failure(error)
            }
        }
        do throws(OpenSSLError) {
            return try result.get()
        } catch {
            throw HTTPClientError(.tls, phase: .tlsHandshake, reason: error.description)
        }
    }
}

/// The state of one exchange while it runs.
private struct ExchangeRun {
    let client: HTTPClient
    let request: HTTPClientRequest
    let timeouts: HTTPTimeouts
    let start = Deadline.now
    let totalDeadline: Deadline

    var stream: ByteStream?
    var sent: [UInt8] = []
    var received: [UInt8] = []
    var interim: [HTTPResponse] = []
    var timing = HTTPTiming()
    var remoteAddress: SocketAddress?

    init(client: HTTPClient, request: HTTPClientRequest) {
        self.client = client
        self.request = request
        self.timeouts = request.timeouts ?? client.configuration.timeouts
        self.totalDeadline = start.advanced(by: timeouts.total)
    }

    mutating func perform() async -> Result<HTTPResponse, HTTPClientError> {
        do {
            try await connect()
            let stream = self.stream!

            let bytes = request.wireBytes
            sent = bytes
            do {
                try await stream.write(bytes, deadline: totalDeadline)
                timing.sent = elapsed
            } catch {
                let failure = fail(error, phase: .send, code: .send)
                // A server may answer and close before reading everything, such as a 413; keep that answer.
                guard failure.code == .send, let response = try? await readResponse(stream) else {
                    return .failure(failure)
                }
                return .success(response)
            }
            return .success(try await readResponse(stream))
        } catch {
            return .failure(error)
        }
    }

    private var elapsed: Duration {
        Deadline.now.duration(since: start)
    }

    // MARK: - Connecting

    private mutating func connect() async throws(HTTPClientError) {
        let url = request.url
        let connectDeadline = min(totalDeadline, start.advanced(by: timeouts.connect))

        let addresses: [SocketAddress]
        do {
            addresses = try await SocketAddress.resolve(host: url.host, port: url.port, deadline: connectDeadline)
        } catch {
            switch error {
            case .timedOut:
                throw HTTPClientError(.timeout, phase: .resolve, reason: "\(url.host) after \(timeouts.connect)")
            case .failed(let reason):
                throw HTTPClientError(.resolve, phase: .resolve, reason: "\(url.host): \(reason)")
            }
        }
        timing.resolved = elapsed

        var lastError: SocketError?
        var socket: Socket?
        for address in addresses {
            do {
                socket = try await Socket.connect(to: address, deadline: connectDeadline)
                remoteAddress = address
                break
            } catch {
                lastError = error
                if error.kind != .system(ECONNREFUSED) && error.kind != .system(ENETUNREACH)
                    && error.kind != .system(EHOSTUNREACH) && error.kind != .system(EADDRNOTAVAIL)
                    && error.kind != .system(EAFNOSUPPORT)
                {
                    break
                }
            }
        }
        guard let socket else {
            let error = lastError ?? SocketError(kind: .closed, operation: "connect")
            throw fail(.socket(error), phase: .connect, code: .connect)
        }
        timing.connected = elapsed

        guard url.isSecure else {
            stream = ByteStream(socket: socket)
            return
        }
        let context = try client.context()
        do {
            let tls = try TLSConnection(client: context, fileDescriptor: socket.descriptor, host: url.host)
            stream = ByteStream(socket: socket, tls: tls)
        } catch {
            socket.close()
            throw HTTPClientError(.tls, phase: .tlsHandshake, reason: error.description)
        }
        do {
            try await stream!.handshake(deadline: connectDeadline)
        } catch {
            throw fail(error, phase: .tlsHandshake, code: .tls)
        }
        timing.tlsHandshakeDone = elapsed
    }

    // MARK: - Reading

    private mutating func readResponse(_ stream: ByteStream) async throws(HTTPClientError) -> HTTPResponse {
        var parser = HTTPResponseParser(requestMethod: request.method, limits: client.configuration.responseLimits)
        let firstByteDeadline = min(totalDeadline, Deadline.now.advanced(by: timeouts.firstByte))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: HTTPClient.bufferSize, alignment: 16)
        defer { buffer.deallocate() }

        while true {
            do {
                while let response = try parser.next() {
                    if (100..<200).contains(response.status) && response.status != 101 {
                        interim.append(response)
                        continue
                    }
                    return response
                }
            } catch {
                throw parseFailure(error, parser: parser)
            }

            let phase: HTTPClientPhase =
                received.isEmpty ? .firstByte : (parser.isReadingBody ? .body : .headers)
            let count: Int
            do throws(ByteStreamError) {
                count = try await stream.read(
                    into: buffer,
                    deadline: received.isEmpty ? firstByteDeadline : totalDeadline
                )
            } catch {
                throw fail(error, phase: phase, code: parser.isReadingBody ? .body : .headers)
            }

            if count == 0 {
                do {
                    if let response = try parser.finish() {
                        return response
                    }
                } catch {
                    throw parseFailure(error, parser: parser)
                }
                throw HTTPClientError(.headers, phase: phase, reason: "connection closed before any response")
            }

            if received.isEmpty {
                timing.firstByte = elapsed
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            received.append(contentsOf: bytes)
            parser.append(bytes)
        }
    }

    private func parseFailure(_ error: HTTPParseError, parser: HTTPResponseParser) -> HTTPClientError {
        let phase: HTTPClientPhase = parser.isReadingBody ? .body : .headers
        switch error.code {
        case .startLineTooLong, .headersTooLarge:
            return HTTPClientError(.tooLarge, phase: .headers, reason: error.description)
        case .bodyTooLarge:
            return HTTPClientError(.tooLarge, phase: .body, reason: error.description)
        case .incompleteMessage:
            return HTTPClientError(parser.isReadingBody ? .body : .headers, phase: phase, reason: error.description)
        default:
            return HTTPClientError(.protocolViolation, phase: phase, reason: error.description)
        }
    }

    /// Maps a stream failure to a client error: timeouts and cancellation keep their own codes.
    private func fail(_ error: ByteStreamError, phase: HTTPClientPhase, code: HTTPClientError.Code) -> HTTPClientError {
        if error.isTimeout {
            return HTTPClientError(.timeout, phase: phase, reason: "after \(elapsed)")
        }
        if error.isCancelled {
            return HTTPClientError(.cancelled, phase: phase)
        }
        return HTTPClientError(code, phase: phase, reason: error.description)
    }
}
