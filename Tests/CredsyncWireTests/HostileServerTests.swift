import Testing

@testable import CredsyncWire

/// Every misbehaving server must end the exchange within the client's deadlines, with the right error code.
@Suite("Client against hostile servers")
struct HostileServerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let response: HTTPResponse
        let code: HTTPClientError.Code
        let phase: HTTPClientPhase
        /// Short deadlines where the test is about a deadline; generous ones where the answer comes at once, so that
        /// a loaded machine cannot turn a protocol error into a timeout.
        var timeouts = HTTPTimeouts(connect: .seconds(10), firstByte: .seconds(10), total: .seconds(10))
        var testDescription: String { name }
    }

    /// The first byte comes at once, then the server stalls: the total deadline ends it. The total leaves seconds for
    /// the first bytes to arrive on a loaded machine, so the phase the deadline hits is the one the case is about.
    static let stalls = HTTPTimeouts(connect: .seconds(10), firstByte: .seconds(10), total: .seconds(4))

    private static func script(_ body: @escaping @Sendable (any HTTPResponseWriter) async -> Void) -> HTTPResponse {
        HTTPResponse(status: 0, delivery: .script(body))
    }

    private static func raw(_ text: String) -> HTTPResponse {
        HTTPResponse(status: 0, delivery: .raw(Array(text.utf8)))
    }

    static let cases: [Case] = [
        Case(
            name: "never answers",
            response: HTTPResponse(status: 200, delay: .seconds(30)),
            code: .timeout,
            phase: .firstByte,
            timeouts: HTTPTimeouts(connect: .seconds(10), firstByte: .milliseconds(300), total: .seconds(10))
        ),
        Case(
            name: "drips one byte every 250 ms",
            response: script { writer in
                // 41 bytes take over 10 s, far past the total deadline.
                for byte in Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8) {
                    guard await writer.write([byte]), (try? await Task.sleep(for: .milliseconds(250))) != nil else {
                        return
                    }
                }
            },
            code: .timeout,
            phase: .headers,
            timeouts: stalls
        ),
        Case(
            name: "endless chunked body",
            response: script { writer in
                guard await writer.write(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)) else {
                    return
                }
                let chunk = Array("10\r\n0123456789abcdef\r\n".utf8)
                while await writer.write(chunk), (try? await Task.sleep(for: .milliseconds(5))) != nil {}
            },
            code: .timeout,
            phase: .body,
            timeouts: stalls
        ),
        Case(
            name: "garbage",
            response: raw("\u{1}\u{2}garbage garbage\r\n\r\n"),
            code: .protocolViolation,
            phase: .headers
        ),
        Case(
            name: "bare LF status line",
            response: raw("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
            code: .protocolViolation,
            phase: .headers
        ),
        Case(name: "reset", response: .reset, code: .headers, phase: .firstByte),
        Case(name: "close without answering", response: .drop, code: .headers, phase: .firstByte),
        Case(
            name: "huge headers",
            response: raw("HTTP/1.1 200 OK\r\n" + String(repeating: "X-Filler: 0123456789abcdef\r\n", count: 5_000)),
            code: .tooLarge,
            phase: .headers
        ),
        Case(
            name: "short body under a long Content-Length, then close",
            response: raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"),
            code: .body,
            phase: .body
        ),
        Case(
            name: "short body under a long Content-Length, kept open",
            response: script { writer in
                guard await writer.write(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort".utf8)) else {
                    return
                }
                try? await Task.sleep(for: .seconds(30))
            },
            code: .timeout,
            phase: .body,
            timeouts: stalls
        ),
        Case(
            name: "invalid chunk size",
            response: raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
            code: .protocolViolation,
            phase: .body
        ),
        Case(
            name: "conflicting Content-Length",
            response: raw("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"),
            code: .protocolViolation,
            phase: .headers
        ),
    ]

    @Test("ends within the deadline with the right code", arguments: cases)
    func hostile(_ testCase: Case) async throws {
        let response = testCase.response
        try await withServer(respondingWith: response) { server in
            var request = try HTTPClientRequest(url: server.baseURL + "/")
            request.timeouts = testCase.timeouts
            let exchange = await quickClient().execute(request)
            // The code and phase show which deadline fired, or that none did; the bound proves the exchange ended
            // instead of hanging with the server, and a deadline cannot have fired before its time.
            expectFailure(exchange, testCase.code, phase: testCase.phase, within: noHang)
            if testCase.code == .timeout {
                #expect(exchange.timing.total >= min(testCase.timeouts.firstByte, testCase.timeouts.total))
            }
        }
    }

    @Test("a body over the limit ends with tooLarge")
    func bodyTooLarge() async throws {
        try await withServer(respondingWith: .text(200, String(repeating: "x", count: 5_000))) { server in
            let client = quickClient(limits: HTTPParserLimits(maxBodyBytes: 1_000))
            let exchange = await client.execute(try HTTPClientRequest(url: server.baseURL + "/"))
            expectFailure(exchange, .tooLarge, phase: .body)
        }
    }

    @Test("an endless chunked body stops at the body limit")
    func endlessBodyHitsLimit() async throws {
        let response = HTTPResponse(
            status: 0,
            delivery: .script { writer in
                guard await writer.write(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)) else {
                    return
                }
                let chunk = Array(("400\r\n" + String(repeating: "y", count: 1_024) + "\r\n").utf8)
                while await writer.write(chunk) {}
            }
        )
        try await withServer(respondingWith: response) { server in
            let client = quickClient(limits: HTTPParserLimits(maxBodyBytes: 65_536))
            let exchange = await client.execute(try HTTPClientRequest(url: server.baseURL + "/"))
            expectFailure(exchange, .tooLarge, phase: .body)
        }
    }

    @Test("refused connection fails in the connect phase")
    func refused() async throws {
        let port = try await withServer(respondingWith: .text(200, "")) { $0.port }
        let exchange = await quickClient().execute(try HTTPClientRequest(url: "http://127.0.0.1:\(port)/"))
        expectFailure(exchange, .connect, phase: .connect)
    }

    @Test("a full listen backlog makes connect time out")
    func connectTimeout() async throws {
        // A listener that never accepts, with the smallest backlog: once it is full, SYNs are dropped.
        let listener = try Socket.listen(on: SocketAddress(numericHost: "127.0.0.1", port: 0)!, backlog: 0)
        defer { listener.close() }
        let address = try #require(listener.localAddress)

        var fillers: [Socket] = []
        defer {
            for filler in fillers {
                filler.close()
            }
        }
        for _ in 0..<8 {
            guard let filler = try? await Socket.connect(to: address, deadline: .after(.milliseconds(200))) else {
                break
            }
            fillers.append(filler)
        }

        let client = quickClient(connect: .milliseconds(200))
        let exchange = await client.execute(try HTTPClientRequest(url: "http://\(address)/"))
        expectFailure(exchange, .timeout, phase: .connect)
        #expect(exchange.timing.total >= .milliseconds(200))
    }

    @Test("a server that answers early keeps its answer even if sending fails")
    func earlyAnswer() async throws {
        let limits = HTTPServerLimits(parser: HTTPParserLimits(maxBodyBytes: 1_000))
        try await withServer(HTTPServerConfiguration(limits: limits), respondingWith: .text(200, "")) { server in
            let body = [UInt8](repeating: 0x61, count: 4_000_000)
            let request = try HTTPClientRequest(method: "POST", url: server.baseURL + "/", body: body)
            let exchange = await quickClient().execute(request)
            #expect(try exchange.response().status == 413)
        }
    }

    @Test("cancelling the calling task ends the exchange")
    func cancellation() async throws {
        let started = Started()
        let handler: HTTPServer.Handler = { _ in
            started.mark()
            return HTTPResponse(status: 200, delay: .seconds(30))
        }
        try await withServer(handler: handler) { server in
            let client = quickClient(firstByte: .seconds(30), total: .seconds(30))
            let request = try HTTPClientRequest(url: server.baseURL + "/")
            let task = Task { await client.execute(request) }
            // Cancel once the request is in, so the client waits for its first byte, however slowly it got there.
            try await started.wait()
            task.cancel()
            let exchange = await task.value
            expectFailure(exchange, .cancelled, phase: .firstByte)
        }
    }
}
