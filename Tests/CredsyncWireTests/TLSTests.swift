import CredsyncOpenSSL
import Foundation
import Testing

@testable import CredsyncWire

@Suite("TLS")
struct TLSTests {
    static let hello: HTTPServer.Handler = { _ in .text(200, "secure hello") }

    /// Runs `body` with a TLS server whose self-signed certificate names `names`.
    private func withTLSServer(
        names: [String],
        host: String = "127.0.0.1",
        _ body: (HTTPServer, CertificateFiles) async throws -> Void
    ) async throws {
        let files = try CertificateFiles.make(names: names)
        defer { files.remove() }
        let configuration = HTTPServerConfiguration(host: host, tls: files.serverTLS)
        try await withServer(configuration, handler: Self.hello) { server in
            #expect(server.baseURL.hasPrefix("https://"))
            try await body(server, files)
        }
    }

    @Test("test certificates are PEM and differ each time")
    func testCertificate() throws {
        let first = try TLSTestCertificate.generate(commonName: "a", subjectAltNames: ["localhost", "::1"])
        let second = try TLSTestCertificate.generate(commonName: "a", subjectAltNames: ["localhost", "::1"])
        #expect(first.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(first.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(first.privateKeyPEM != second.privateKeyPEM)
    }

    @Test("a self-signed certificate is rejected by default")
    func rejectedByDefault() async throws {
        try await withTLSServer(names: ["localhost", "127.0.0.1"]) { server, _ in
            let exchange = await quickClient().execute(try HTTPClientRequest(url: server.baseURL + "/"))
            expectFailure(exchange, .tls, phase: .tlsHandshake)
            #expect(exchange.error?.reason.contains("self-signed") == true, "\(String(describing: exchange.error))")
        }
    }

    @Test("accepted with its certificate as the CA file, by IP and by name")
    func acceptedWithCAFile() async throws {
        try await withTLSServer(names: ["localhost", "127.0.0.1"]) { server, files in
            let client = quickClient(verification: .caFile(files.certificatePath))
            let exchange = await client.execute(try HTTPClientRequest(url: server.baseURL + "/"))
            #expect(try exchange.response().bodyText == "secure hello")
            #expect(exchange.tlsVersion == "TLSv1.3")

            let byName = try await client.send(try HTTPClientRequest(url: "https://localhost:\(server.port)/"))
            #expect(byName.bodyText == "secure hello")
        }
    }

    @Test("a megabyte both ways over TLS")
    func largeBodies() async throws {
        let files = try CertificateFiles.make(names: ["127.0.0.1"])
        defer { files.remove() }
        let limits = HTTPServerLimits(parser: HTTPParserLimits(maxBodyBytes: 4_194_304))
        let configuration = HTTPServerConfiguration(tls: files.serverTLS, limits: limits)
        let handler: HTTPServer.Handler = { request in
            HTTPResponse(status: 200, body: request.body)
        }
        try await withServer(configuration, handler: handler) { server in
            var body = [UInt8](repeating: 0x61, count: 1_000_000)
            body[0] = 1
            body[body.count - 1] = 2
            let request = try HTTPClientRequest(method: "POST", url: server.baseURL + "/", body: body)
            let client = quickClient(
                total: .seconds(10),
                verification: .caFile(files.certificatePath),
                limits: HTTPParserLimits(maxBodyBytes: 4_194_304)
            )
            let response = try await client.send(request)
            #expect(response.body.count == body.count)
            #expect(response.body == body)
        }
    }

    @Test("accepted when insecure")
    func acceptedInsecure() async throws {
        try await withTLSServer(names: ["elsewhere.example"]) { server, _ in
            let response = try await quickClient(verification: .insecure).send(
                try HTTPClientRequest(url: server.baseURL + "/")
            )
            #expect(response.bodyText == "secure hello")
        }
    }

    @Test("a host name mismatch is rejected", arguments: ["127.0.0.1", "localhost"])
    func hostnameMismatch(_ host: String) async throws {
        try await withTLSServer(names: ["elsewhere.example", "10.9.8.7"]) { server, files in
            let client = quickClient(verification: .caFile(files.certificatePath))
            let exchange = await client.execute(try HTTPClientRequest(url: "https://\(host):\(server.port)/"))
            expectFailure(exchange, .tls, phase: .tlsHandshake)
            #expect(exchange.error?.reason.contains("mismatch") == true, "\(String(describing: exchange.error))")
        }
    }

    @Test("a missing CA file fails in the handshake phase")
    func missingCAFile() async throws {
        try await withTLSServer(names: ["127.0.0.1"]) { server, _ in
            let client = quickClient(verification: .caFile("/nonexistent/ca.pem"))
            let exchange = await client.execute(try HTTPClientRequest(url: server.baseURL + "/"))
            expectFailure(exchange, .tls, phase: .tlsHandshake)
        }
    }

    @Test("TLS over IPv6 with keep-alive-free exchanges")
    func ipv6() async throws {
        try await withTLSServer(names: ["::1"], host: "::1") { server, files in
            let client = quickClient(verification: .caFile(files.certificatePath))
            for _ in 0..<3 {
                let response = try await client.send(try HTTPClientRequest(url: server.baseURL + "/"))
                #expect(response.bodyText == "secure hello")
            }
        }
    }

    @Test("a plain HTTP client talking to a TLS server gets no HTTP response")
    func plainToTLS() async throws {
        try await withTLSServer(names: ["127.0.0.1"]) { server, _ in
            let url = server.baseURL.replacingOccurrences(of: "https://", with: "http://")
            let exchange = await quickClient(firstByte: .milliseconds(300)).execute(try HTTPClientRequest(url: url))
            #expect(exchange.error != nil)
        }
    }

    @Test("a TLS client stalling in the handshake is dropped without blocking others")
    func stalledHandshake() async throws {
        let files = try CertificateFiles.make(names: ["127.0.0.1"])
        defer { files.remove() }
        let limits = HTTPServerLimits(headerTimeout: .seconds(1))
        let configuration = HTTPServerConfiguration(tls: files.serverTLS, limits: limits)
        try await withServer(configuration, handler: Self.hello) { server in
            let staller = try await RawConnection.open(to: server)
            defer { staller.close() }
            try await staller.send("\u{16}\u{3}\u{1}")

            let client = quickClient(verification: .caFile(files.certificatePath))
            let response = try await client.send(try HTTPClientRequest(url: server.baseURL + "/"))
            #expect(response.bodyText == "secure hello")

            // The server drops the staller after its 1 s header timeout, well before the read's own 20 s deadline.
            let started = Deadline.now
            _ = await staller.readAll(within: .seconds(20))
            #expect(Deadline.now.duration(since: started) < noHang)
        }
    }
}
