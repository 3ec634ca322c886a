import Testing

@testable import CredsyncWire

@Suite("Client and server over loopback")
struct ClientServerTests {
    static let echo: HTTPServer.Handler = { request in
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        for field in request.headers {
            headers.add(name: "Echo-" + field.name, value: field.value)
        }
        let text = "\(request.method) \(request.target) \(request.body.count)"
        return HTTPResponse(status: 200, headers: headers, body: Array(text.utf8))
    }

    @Test("POST with a body, automatic Host and Content-Length")
    func post() async throws {
        try await withServer(handler: Self.echo) { server in
            let request = try HTTPClientRequest(method: "POST", url: server.baseURL + "/a/b?c=d", body: [1, 2, 3])
            let exchange = await quickClient().execute(request)
            let response = try exchange.response()
            #expect(response.status == 200)
            #expect(response.bodyText == "POST /a/b?c=d 3")
            #expect(response.headers["echo-host"] == "127.0.0.1:\(server.port)")
            #expect(response.headers["Echo-Content-Length"] == "3")
            #expect(exchange.rawTranscript.sent == request.wireBytes)
            #expect(exchange.rawTranscript.received.count > response.body.count)
            #expect(exchange.timing.firstByte != nil)
        }
    }

    @Test("exact framing adds nothing and keeps case and duplicates")
    func exactHeaders() async throws {
        try await withServer(handler: Self.echo) { server in
            let headers: HTTPHeaders = ["hOsT": "example", "X-Dup": "1", "x-dup": "2"]
            let request = try HTTPClientRequest(url: server.baseURL + "/", headers: headers, framing: .exact)
            #expect(
                String(decoding: request.wireBytes, as: UTF8.self)
                    == "GET / HTTP/1.1\r\nhOsT: example\r\nX-Dup: 1\r\nx-dup: 2\r\n\r\n"
            )
            let response = try await quickClient().send(request)
            #expect(response.headers.values(for: "echo-x-dup") == ["1", "2"])
            #expect(response.headers.fields.contains { $0.name == "Echo-hOsT" })
        }
    }

    @Test("a request without Host is refused by the server with 400")
    func noHost() async throws {
        try await withServer(handler: Self.echo) { server in
            let request = try HTTPClientRequest(url: server.baseURL + "/", framing: .exact)
            let response = try await quickClient().send(request)
            #expect(response.status == 400)
        }
    }

    @Test("redirects come back as they are")
    func redirect() async throws {
        let redirect = HTTPResponse(status: 302, headers: ["Location": "http://127.0.0.1:1/elsewhere"])
        try await withServer(respondingWith: redirect) { server in
            let request = try HTTPClientRequest(url: server.baseURL + "/", headers: ["Authorization": "Bearer s3cret"])
            let exchange = await quickClient().execute(request)
            let response = try exchange.response()
            #expect(response.status == 302)
            #expect(response.headers["Location"] == "http://127.0.0.1:1/elsewhere")
            #expect(!exchange.transcript.description.contains("s3cret"))
            #expect(exchange.rawTranscript.description.contains("s3cret"))
        }
    }

    @Test("chunked responses with trailers, HEAD, 204 and an interim 100")
    func framings() async throws {
        let handler: HTTPServer.Handler = { request in
            switch request.target {
            case "/chunked":
                HTTPResponse(
                    status: 200,
                    headers: ["Transfer-Encoding": "chunked"],
                    body: Array("chunky".utf8),
                    trailers: ["Checksum": "abc"]
                )
            case "/empty":
                HTTPResponse(status: 204)
            case "/continue":
                HTTPResponse(
                    status: 0,
                    delivery: .raw(
                        Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8)
                    )
                )
            default:
                .text(200, "0123456789")
            }
        }
        try await withServer(handler: handler) { server in
            let client = quickClient()
            let chunked = try await client.send(try HTTPClientRequest(url: server.baseURL + "/chunked"))
            #expect(chunked.bodyText == "chunky")
            #expect(chunked.trailers["checksum"] == "abc")

            let head = try await client.send(try HTTPClientRequest(method: "HEAD", url: server.baseURL + "/"))
            #expect(head.headers["Content-Length"] == "10")
            #expect(head.body.isEmpty)

            let empty = try await client.send(try HTTPClientRequest(url: server.baseURL + "/empty"))
            #expect(empty.status == 204)

            let exchange = await client.execute(try HTTPClientRequest(url: server.baseURL + "/continue"))
            #expect(try exchange.response().bodyText == "ok")
            #expect(exchange.interimResponses.map(\.status) == [100])
        }
    }

    @Test("keep-alive: sequential and pipelined requests on one connection")
    func keepAlive() async throws {
        try await withServer(handler: Self.echo) { server in
            let connection = try await RawConnection.open(to: server)
            defer { connection.close() }

            try await connection.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await connection.read(until: "GET /1 0").contains("200 OK"))
            try await connection.send(
                "GET /2 HTTP/1.1\r\nHost: x\r\n\r\nPOST /3 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
                    + "GET /4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            let text = String(decoding: await connection.readAll(), as: UTF8.self)
            #expect(text.contains("GET /2 0"))
            #expect(text.contains("POST /3 2"))
            #expect(text.contains("GET /4 0"))
            #expect(text.contains("Connection: close"))
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test("request bodies: chunked with trailers, and 100-continue")
    func requestBodies() async throws {
        let handler: HTTPServer.Handler = { request in
            .text(200, "\(request.bodyText) \(request.trailers["T"] ?? "-")")
        }
        try await withServer(handler: handler) { server in
            let connection = try await RawConnection.open(to: server)
            defer { connection.close() }
            try await connection.send(
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nT: t\r\n\r\n"
            )
            #expect(await connection.read(until: "abcde t").hasSuffix("abcde t"))

            try await connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
            #expect(await connection.read(until: "\r\n\r\n").hasPrefix("HTTP/1.1 100 Continue\r\n\r\n"))
            try await connection.send("xyz")
            #expect(await connection.read(until: "xyz -").hasSuffix("xyz -"))
        }
    }

    @Test("IPv6 loopback")
    func ipv6() async throws {
        let configuration = HTTPServerConfiguration(host: "::1")
        try await withServer(configuration, handler: Self.echo) { server in
            #expect(server.baseURL.hasPrefix("http://[::1]:"))
            let response = try await quickClient().send(try HTTPClientRequest(url: server.baseURL + "/six"))
            #expect(response.bodyText == "GET /six 0")
            #expect(response.headers["Echo-Host"] == "[::1]:\(server.port)")
        }
    }

    @Test("a host name goes through the resolver")
    func resolvesLocalhost() async throws {
        try await withServer(handler: Self.echo) { server in
            let response = try await quickClient().send(try HTTPClientRequest(url: "http://localhost:\(server.port)/"))
            #expect(response.status == 200)
        }
    }

    @Test("handler delivery: drop, reset and raw bytes")
    func deliveries() async throws {
        let handler: HTTPServer.Handler = { request in
            switch request.target {
            case "/drop": .drop
            case "/reset": .reset
            default: HTTPResponse(status: 0, delivery: .raw(Array("HTTP/1.1 299 Odd\r\n\r\nuntil close".utf8)))
            }
        }
        try await withServer(handler: handler) { server in
            let client = quickClient()
            expectFailure(await client.execute(try HTTPClientRequest(url: server.baseURL + "/drop")), .headers)
            expectFailure(await client.execute(try HTTPClientRequest(url: server.baseURL + "/reset")), .headers)
            let raw = try await client.send(try HTTPClientRequest(url: server.baseURL + "/raw"))
            #expect(raw.status == 299)
            #expect(raw.reason == "Odd")
            #expect(raw.bodyText == "until close")
        }
    }

    @Test("a closed socket never reaches its descriptor number, which another socket may reuse")
    func closedSocket() async throws {
        try await withServer(handler: Self.echo) { server in
            let stale = try await RawConnection.open(to: server)
            stale.close()
            // The system hands the lowest free number to the next socket: most likely the one just closed.
            let fresh = try await RawConnection.open(to: server)
            defer { fresh.close() }

            await #expect(throws: SocketError.self) { try await stale.send("GET /stale HTTP/1.1\r\nHost: x\r\n\r\n") }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 16)
            defer { buffer.deallocate() }
            await #expect(throws: SocketError.self) {
                try await stale.socket.read(into: buffer, deadline: .after(.seconds(1)))
            }

            try await fresh.send("GET /fresh HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let answer = String(decoding: await fresh.readAll(), as: UTF8.self)
            #expect(answer.contains("/fresh") && !answer.contains("/stale"))
        }
    }
}
