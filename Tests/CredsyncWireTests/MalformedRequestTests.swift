import Testing

@testable import CredsyncWire

/// Hostile requests never reach the handler: each gets its status and the server keeps serving.
@Suite("Server against malformed requests")
struct MalformedRequestTests {
    static let limits = HTTPServerLimits(
        parser: HTTPParserLimits(maxStartLineBytes: 1_024, maxHeaderBytes: 4_096, maxBodyBytes: 65_536),
        headerTimeout: .milliseconds(300),
        bodyTimeout: .milliseconds(300)
    )

    static let cases: [(name: String, request: String, status: Int)] = [
        ("garbage bytes", "\u{16}\u{3}\u{1}\u{0}garbage\r\n\r\n", 400),
        ("bare LF line endings", "GET / HTTP/1.1\nHost: x\n\n", 400),
        ("bare CR", "GET / HTTP/1.1\rHost: x\r\n\r\n", 400),
        (
            "oversized request line", "GET /" + String(repeating: "a", count: 2_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            414
        ),
        (
            "oversized headers",
            "GET / HTTP/1.1\r\nHost: x\r\nBig: " + String(repeating: "b", count: 5_000) + "\r\n\r\n", 431
        ),
        ("too many headers", "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "A: b\r\n", count: 101) + "\r\n", 431),
        (
            "conflicting Content-Length",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400
        ),
        (
            "Content-Length list with differing values",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\nhello", 400
        ),
        (
            "Transfer-Encoding and Content-Length",
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400
        ),
        ("negative Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        ("Content-Length with a plus sign", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello", 400),
        (
            "Content-Length overflowing 64 bits",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400
        ),
        ("Content-Length over the body limit", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n", 413),
        ("invalid chunk size", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("negative chunk size", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", 400),
        (
            "huge chunk size", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
            400
        ),
        (
            "chunked body over the limit", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n",
            413
        ),
        (
            "chunk data longer than its size",
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", 400
        ),
        ("final coding not chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        ("unsupported coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
        ("Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("HTTP/2.0 request line", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("lowercase version", "GET / http/1.1\r\nHost: x\r\n\r\n", 400),
        ("two spaces in the request line", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
        ("two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("space before the colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        ("folded header line", "GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n c\r\n\r\n", 400),
        ("NUL in a field value", "GET / HTTP/1.1\r\nHost: x\r\nA: b\u{0}c\r\n\r\n", 400),
        ("request line that never ends", "GET /" + String(repeating: "a", count: 500), 408),
        (
            "body shorter than its length, then silence", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc",
            408
        ),
    ]

    @Test("each is refused with its status", arguments: cases)
    func refused(_ name: String, _ request: String, _ status: Int) async throws {
        try await withServer(HTTPServerConfiguration(limits: Self.limits), respondingWith: .text(200, "served")) {
            server in
            // The server answers at once, or after its 300 ms header or body timeout.
            let exchange = try await sendRaw(request, to: server)
            let response = try exchange.response()
            #expect(response.status == status, "\(name)")
            #expect(status == 408 || response.headers["Connection"] == "close")

            // The server is still fine.
            let good = try await quickClient().send(try HTTPClientRequest(url: server.baseURL + "/"))
            #expect(good.bodyText == "served")
        }
    }

    @Test("early close mid-request drops only that connection")
    func earlyClose() async throws {
        try await withServer(HTTPServerConfiguration(limits: Self.limits), respondingWith: .text(200, "served")) {
            server in
            for partial in ["GET / HT", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc", "\r\n"] {
                let connection = try await RawConnection.open(to: server)
                try await connection.send(partial)
                connection.close()
            }
            let good = try await quickClient().send(try HTTPClientRequest(url: server.baseURL + "/"))
            #expect(good.bodyText == "served")
            let settled = Deadline.after(.seconds(10))
            while server.openConnections > 0 && !settled.hasPassed {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(server.openConnections == 0)
        }
    }

    @Test("a slowloris client is dropped and never blocks a concurrent request")
    func slowloris() async throws {
        // A header timeout far longer than a good exchange, and a drip far longer than the timeout.
        var limits = Self.limits
        limits.headerTimeout = .seconds(4)
        try await withServer(HTTPServerConfiguration(limits: limits), respondingWith: .text(200, "served")) { server in
            // The scenario is an ordering of events, so it runs on the wire threads: a cooperative pool busy with
            // other suites must not hold back the good request until after the slow one's timeout.
            try await withTaskExecutorPreference(WireExecutor.shared) {
                try await slowloris(server, headerTimeout: limits.headerTimeout)
            }
        }
    }

    private func slowloris(_ server: HTTPServer, headerTimeout: Duration) async throws {
        let started = Deadline.now
        let dripper = try await RawConnection.open(to: server)
        defer { dripper.close() }
        let drip = Task(executorPreference: WireExecutor.shared) {
            for byte in "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + String(repeating: "z", count: 400) {
                guard (try? await dripper.send(String(byte))) != nil,
                    (try? await Task.sleep(for: .milliseconds(20))) != nil
                else {
                    return
                }
            }
        }
        defer { drip.cancel() }
        let dropped = Task(executorPreference: WireExecutor.shared) {
            let answer = String(decoding: await dripper.readAll(within: .seconds(20)), as: UTF8.self)
            return (answer, Deadline.now)
        }

        try await Task.sleep(for: .milliseconds(100))
        let good = await quickClient().execute(try HTTPClientRequest(url: server.baseURL + "/"))
        let served = Deadline.now
        #expect(try good.response().bodyText == "served")

        // Not blocked: the good request was served while the slow one still dripped, before its 408.
        let (answer, answered) = await dropped.value
        #expect(answer.hasPrefix("HTTP/1.1 408 "))
        #expect(served < answered)
        let elapsed = answered.duration(since: started)
        #expect(elapsed >= headerTimeout && elapsed < noHang)
    }

    @Test("an idle connection that never sends is closed after the header timeout")
    func silentConnection() async throws {
        try await withServer(HTTPServerConfiguration(limits: Self.limits), respondingWith: .text(200, "")) { server in
            // The server closes it after 300 ms; ending well before the read's own 20 s deadline proves it did.
            let started = Deadline.now
            let connection = try await RawConnection.open(to: server)
            defer { connection.close() }
            #expect(await connection.readAll(within: .seconds(20)).isEmpty)
            let elapsed = Deadline.now.duration(since: started)
            #expect(elapsed >= Self.limits.headerTimeout && elapsed < noHang)
        }
    }
}
