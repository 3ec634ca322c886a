import Foundation
import Synchronization
import Testing

@testable import CredsyncWire

@Suite("Server limits and lifecycle")
struct ServerLifecycleTests {
    @Test("port 0 reports the chosen port; invalid addresses are refused")
    func binding() async throws {
        try await withServer(respondingWith: .text(200, "")) { server in
            #expect(server.port > 0)
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
            #expect(throws: HTTPServerError(.bind)) {
                _ = try HTTPServer(configuration: HTTPServerConfiguration(port: server.port)) { _ in .text(200, "") }
            }
        }
        #expect(throws: HTTPServerError(.invalidAddress)) {
            _ = try HTTPServer(configuration: HTTPServerConfiguration(host: "localhost")) { _ in .text(200, "") }
        }
        #expect(throws: HTTPServerError(.tls)) {
            let tls = HTTPServerConfiguration.TLS(certificateChainFile: "/nonexistent", privateKeyFile: "/nonexistent")
            _ = try HTTPServer(configuration: HTTPServerConfiguration(tls: tls)) { _ in .text(200, "") }
        }
    }

    @Test("connections over the limit get 503 and the others go on")
    func connectionLimit() async throws {
        let configuration = HTTPServerConfiguration(limits: HTTPServerLimits(maxConnections: 2))
        try await withServer(configuration, respondingWith: .text(200, "served")) { server in
            let first = try await RawConnection.open(to: server)
            let second = try await RawConnection.open(to: server)
            defer {
                first.close()
                second.close()
            }
            let settled = Deadline.after(.seconds(10))
            while server.openConnections < 2 && !settled.hasPassed {
                try await Task.sleep(for: .milliseconds(5))
            }

            let refused = try await quickClient().send(try HTTPClientRequest(url: server.baseURL + "/"))
            #expect(refused.status == 503)
            #expect(server.rejectedConnections == 1)

            try await first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await first.read(until: "served").hasSuffix("served"))
        }
    }

    @Test("a hundred concurrent connections are all served")
    func concurrency() async throws {
        // Counts handlers running at once: served one after another, the peak would stay at 1.
        let inFlight = Mutex((now: 0, peak: 0))
        let handler: HTTPServer.Handler = { request in
            inFlight.withLock {
                $0.now += 1
                $0.peak = max($0.peak, $0.now)
            }
            try? await Task.sleep(for: .milliseconds(200))
            inFlight.withLock { $0.now -= 1 }
            return .text(200, request.target)
        }
        try await withServer(handler: handler) { server in
            let client = quickClient(total: .seconds(15))
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<100 {
                    let request = try HTTPClientRequest(url: server.baseURL + "/\(index)")
                    group.addTask { try await client.send(request).bodyText }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(bodies.count == 100)
            #expect(inFlight.withLock { $0.peak } > 1, "handlers ran one after another")
        }
    }

    @Test("graceful shutdown lets a request in flight finish")
    func gracefulShutdown() async throws {
        let started = Started()
        let server = try HTTPServer { _ in
            started.mark()
            return HTTPResponse(status: 200, body: Array("late".utf8), delay: .milliseconds(200))
        }
        let request = try HTTPClientRequest(url: server.baseURL + "/")
        let inFlight = Task { await quickClient().execute(request) }
        try await started.wait()

        // The request finishes in 200 ms; a shutdown that waited out its grace period would take 20 s.
        let shutdownStarted = Deadline.now
        await server.shutdown(gracePeriod: .seconds(20))
        #expect(Deadline.now.duration(since: shutdownStarted) < noHang)
        #expect(try await inFlight.value.response().bodyText == "late")
        #expect(server.openConnections == 0)

        let after = await quickClient().execute(request)
        expectFailure(after, .connect, phase: .connect)
    }

    @Test("shutdown is bounded when a handler never finishes")
    func forcedShutdown() async throws {
        let handlerStarted = Started()
        let server = try HTTPServer { _ in
            handlerStarted.mark()
            return HTTPResponse(status: 200, delay: .seconds(30))
        }
        let request = try HTTPClientRequest(url: server.baseURL + "/")
        let inFlight = Task { await quickClient(firstByte: .seconds(25), total: .seconds(25)).execute(request) }
        try await handlerStarted.wait()

        // Bounded: the grace period, then at most a second more, far from the handler's 30 s.
        let started = Deadline.now
        await server.shutdown(gracePeriod: .milliseconds(200))
        let elapsed = Deadline.now.duration(since: started)
        #expect(elapsed >= .milliseconds(200) && elapsed < noHang)
        expectFailure(await inFlight.value, .headers)
    }

    @Test("idle kept-alive connections close at shutdown")
    func idleConnectionsClose() async throws {
        let server = try HTTPServer { _ in .text(200, "ok") }
        let connection = try await RawConnection.open(to: server)
        defer { connection.close() }
        try await connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await connection.read(until: "ok").hasSuffix("ok"))

        // Idle connections close at once; waiting out the grace period would take 30 s.
        let started = Deadline.now
        await server.shutdown(gracePeriod: .seconds(30))
        #expect(Deadline.now.duration(since: started) < noHang)
        #expect(await connection.readAll().isEmpty)
    }

    @Test("the last request allowed on a connection is answered with Connection: close")
    func requestsPerConnection() async throws {
        let configuration = HTTPServerConfiguration(limits: HTTPServerLimits(maxRequestsPerConnection: 2))
        try await withServer(configuration, respondingWith: .text(200, "ok")) { server in
            let connection = try await RawConnection.open(to: server)
            defer { connection.close() }
            try await connection.send(String(repeating: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", count: 3))
            let text = String(decoding: await connection.readAll(), as: UTF8.self)
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
            #expect(text.hasSuffix("Connection: close\r\n\r\nok"))
        }
    }

    @Test("a handler receives exactly the request the client sent")
    func handlerSeesRequest() async throws {
        let seen = Mutex<HTTPRequest?>(nil)
        let handler: HTTPServer.Handler = { request in
            seen.withLock { $0 = request }
            return .text(200, "")
        }
        try await withServer(handler: handler) { server in
            let headers: HTTPHeaders = ["Host": "h", "X-A": "1", "x-a": "2", "Content-Length": "4"]
            let request = try HTTPClientRequest(
                method: "PATCH",
                url: server.baseURL + "/p?q",
                headers: headers,
                body: Array("data".utf8),
                framing: .exact
            )
            _ = try await quickClient().send(request)
            let received = try #require(seen.withLock { $0 })
            #expect(received.method == "PATCH")
            #expect(received.path == "/p")
            #expect(received.query == "q")
            #expect(received.headers == headers)
            #expect(received.bodyText == "data")
        }
    }
}
