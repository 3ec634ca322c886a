import CredsyncOpenSSL

/// One accepted connection: reads requests, calls the handler, writes responses, enforces limits and timeouts.
struct HTTPServerConnection {
    private static let bufferSize = 16_384

    let server: HTTPServer
    let handle: ConnectionHandle

    private var socket: Socket {
        handle.socket
    }

    private var limits: HTTPServerLimits {
        server.configuration.limits
    }

    /// Serves requests until the client leaves, a limit or timeout ends the connection, or the server stops.
    func run() async {
        let stream: ByteStream
        if let context = server.tlsContext {
            do {
                let tls = try TLSConnection(server: context, fileDescriptor: socket.descriptor)
                stream = ByteStream(socket: socket, tls: tls)
                try await stream.handshake(deadline: .after(limits.headerTimeout))
            } catch {
                return
            }
        } else {
            stream = ByteStream(socket: socket)
        }
        defer { stream.close() }

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.bufferSize, alignment: 16)
        defer { buffer.deallocate() }

        var parser = HTTPRequestParser(limits: limits.parser)
        var served = 0
        // The first request of a connection gets the header timeout; later ones wait up to the idle timeout.
        var waitDeadline = Deadline.after(limits.headerTimeout)
        var headDeadline: Deadline?
        var bodyDeadline: Deadline?
        var sentContinue = false

        while true {
            // Parse what is buffered; read only when the parser needs more.
            let request: HTTPRequest?
            do {
                request = try parser.next()
            } catch {
                await refuse(stream, status: error.status, reason: error.description)
                return
            }

            guard let request else {
                let deadline: Deadline
                if parser.isReadingBody {
                    if bodyDeadline == nil {
                        bodyDeadline = .after(limits.bodyTimeout)
                    }
                    deadline = bodyDeadline!
                    if parser.expectsContinue && !sentContinue {
                        sentContinue = true
                        let interim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
                        guard (try? await stream.write(interim, deadline: .after(limits.writeTimeout))) != nil else {
                            return
                        }
                    }
                } else if parser.hasPartialRequest {
                    if headDeadline == nil {
                        headDeadline = min(waitDeadline, .after(limits.headerTimeout))
                    }
                    deadline = headDeadline!
                } else {
                    guard server.markIdle(handle) else {
                        return
                    }
                    deadline = waitDeadline
                }

                let count: Int
                do {
                    count = try await stream.read(into: buffer, deadline: deadline)
                } catch {
                    if error.isTimeout && parser.hasPartialRequest {
                        await refuse(stream, status: 408, reason: "request not received in time")
                    }
                    return
                }
                if count == 0 {
                    return
                }
                if !parser.hasPartialRequest {
                    handle.markBusy()
                }
                if headDeadline == nil && !parser.isReadingBody {
                    headDeadline = min(waitDeadline, .after(limits.headerTimeout))
                }
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                continue
            }

            served += 1
            var keepAlive = request.keepsAlive && !server.isStopping
            if let maxRequests = limits.maxRequestsPerConnection, served >= maxRequests {
                keepAlive = false
            }

            let response = await server.handler(request)
            guard await send(response, answering: request, keepAlive: &keepAlive, on: stream) else {
                return
            }
            if !keepAlive {
                await Self.linger(stream, for: .seconds(1))
                return
            }

            waitDeadline = .after(limits.idleTimeout)
            headDeadline = nil
            bodyDeadline = nil
            sentContinue = false
        }
    }

    /// Sends a response the way its delivery asks.
    ///
    /// - Returns: `false` when the connection must close without lingering.
    private func send(
        _ response: HTTPResponse,
        answering request: HTTPRequest,
        keepAlive: inout Bool,
        on stream: ByteStream
    ) async -> Bool {
        if response.delay > .zero {
            do {
                try await Task.sleep(for: response.delay)
            } catch {
                return false
            }
        }

        let bytes: [UInt8]
        switch response.delivery {
        case .standard, .exact:
            bytes = response.serialized(answering: request, keepAlive: &keepAlive)
        case .raw(let raw):
            bytes = raw
            keepAlive = false
        case .drop:
            return false
        case .reset:
            stream.socket.setResetOnClose()
            return false
        case .script(let script):
            keepAlive = false
            await script(StreamWriter(stream: stream, writeTimeout: limits.writeTimeout, server: server))
            return true
        }

        do {
            try await stream.write(bytes, deadline: .after(limits.writeTimeout))
            return true
        } catch {
            return false
        }
    }

    /// Answers a request that cannot be served, then closes.
    private func refuse(_ stream: ByteStream, status: Int, reason: String) async {
        var keepAlive = false
        let response = HTTPResponse.text(status, reason + "\n")
        let bytes = response.serialized(answering: nil, keepAlive: &keepAlive)
        guard (try? await stream.write(bytes, deadline: .after(limits.writeTimeout))) != nil else {
            return
        }
        await Self.linger(stream, for: .seconds(1))
    }

    /// Sends FIN, then reads and discards until the peer closes, briefly, so that the peer reads the last response
    /// before any reset that unread request bytes would cause.
    static func linger(_ stream: ByteStream, for duration: Duration) async {
        if !stream.isSecure {
            stream.socket.shutdownWrite()
        }
        let deadline = Deadline.after(duration)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4_096, alignment: 16)
        defer { buffer.deallocate() }
        var discarded = 0
        while discarded < 1_048_576 {
            guard let count = try? await stream.read(into: buffer, deadline: deadline), count > 0 else {
                return
            }
            discarded += count
        }
    }
}

/// What a delivery script writes through.
private struct StreamWriter: HTTPResponseWriter {
    let stream: ByteStream
    let writeTimeout: Duration
    let server: HTTPServer

    func write(_ bytes: [UInt8]) async -> Bool {
        guard !Task.isCancelled else {
            return false
        }
        do {
            try await stream.write(bytes, deadline: .after(writeTimeout))
            return true
        } catch {
            return false
        }
    }
}
