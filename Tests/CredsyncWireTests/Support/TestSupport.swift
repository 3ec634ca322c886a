import CredsyncOpenSSL
import Foundation
import Synchronization
import Testing

@testable import CredsyncWire

/// Runs `body` with a server on 127.0.0.1 port 0, then shuts it down without a grace period.
func withServer<Result>(
    _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
    handler: @escaping HTTPServer.Handler,
    _ body: (HTTPServer) async throws -> Result
) async throws -> Result {
    let server = try HTTPServer(configuration: configuration, handler: handler)
    do {
        let result = try await body(server)
        await server.shutdown(gracePeriod: .zero)
        return result
    } catch {
        await server.shutdown(gracePeriod: .zero)
        throw error
    }
}

/// Runs `body` with a server that gives every request the same response.
func withServer<Result>(
    _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
    respondingWith response: HTTPResponse,
    _ body: (HTTPServer) async throws -> Result
) async throws -> Result {
    try await withServer(configuration, handler: { _ in response }, body)
}

/// The bound that proves an exchange or a connection ended by itself rather than hung: far beyond any deadline a test
/// sets plus what a loaded scheduler adds, far below the 30 s a stalling server holds out.
let noHang: Duration = .seconds(15)

/// A client whose deadlines bound a test without racing a loaded machine; tests about deadlines pass their own.
///
/// Servers in these tests answer at once, so generous deadlines cost nothing; tight ones would turn a protocol error
/// into a timeout whenever the machine is busy.
func quickClient(
    connect: Duration = .seconds(10),
    firstByte: Duration = .seconds(10),
    total: Duration = .seconds(12),
    verification: HTTPClientConfiguration.TLSVerification = .system,
    limits: HTTPParserLimits = HTTPParserLimits(maxHeaderBytes: 65_536, maxBodyBytes: 1_048_576)
) -> HTTPClient {
    HTTPClient(
        configuration: HTTPClientConfiguration(
            timeouts: HTTPTimeouts(connect: connect, firstByte: firstByte, total: total),
            responseLimits: limits,
            tlsVerification: verification
        )
    )
}

/// Sends exactly these bytes to a server and reads one response.
func sendRaw(_ text: String, to server: HTTPServer, client: HTTPClient = quickClient()) async throws -> HTTPExchange {
    try await sendRaw(Array(text.utf8), to: server, client: client)
}

/// Sends exactly these bytes to a server and reads one response.
func sendRaw(_ bytes: [UInt8], to server: HTTPServer, client: HTTPClient = quickClient()) async throws -> HTTPExchange {
    await client.execute(try HTTPClientRequest.raw(bytes, url: server.baseURL))
}

/// A plain TCP connection for tests that need to drip, pipeline or hang.
struct RawConnection {
    let socket: Socket

    static func open(to server: HTTPServer) async throws -> RawConnection {
        RawConnection(socket: try await Socket.connect(to: server.address, deadline: .after(.seconds(10))))
    }

    func send(_ text: String) async throws {
        try await socket.write(Array(text.utf8), deadline: .after(.seconds(10)))
    }

    /// Reads until the peer closes or the deadline passes; returns what arrived.
    func readAll(within duration: Duration = .seconds(10)) async -> [UInt8] {
        let deadline = Deadline.after(duration)
        var received: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4_096, alignment: 16)
        defer { buffer.deallocate() }
        while let count = try? await socket.read(into: buffer, deadline: deadline), count > 0 {
            received.append(contentsOf: buffer[0..<count])
        }
        return received
    }

    /// Reads until `text` has arrived `count` times, or the deadline passes.
    func read(until text: String, count: Int = 1, within duration: Duration = .seconds(10)) async -> String {
        let deadline = Deadline.after(duration)
        var received: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4_096, alignment: 16)
        defer { buffer.deallocate() }
        while String(decoding: received, as: UTF8.self).components(separatedBy: text).count <= count {
            guard let read = try? await socket.read(into: buffer, deadline: deadline), read > 0 else {
                break
            }
            received.append(contentsOf: buffer[0..<read])
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() {
        socket.close()
    }
}

/// A self-signed certificate written to a temporary directory.
struct CertificateFiles {
    let directory: URL
    let certificatePath: String
    let keyPath: String

    static func make(commonName: String = "credsync test", names: [String]) throws -> CertificateFiles {
        let certificate = try TLSTestCertificate.generate(commonName: commonName, subjectAltNames: names)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credsync-wire-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificatePath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try Data(certificate.certificatePEM.utf8).write(to: URL(fileURLWithPath: certificatePath))
        try Data(certificate.privateKeyPEM.utf8).write(to: URL(fileURLWithPath: keyPath))
        return CertificateFiles(directory: directory, certificatePath: certificatePath, keyPath: keyPath)
    }

    var serverTLS: HTTPServerConfiguration.TLS {
        HTTPServerConfiguration.TLS(certificateChainFile: certificatePath, privateKeyFile: keyPath)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Asserts that an exchange failed with a code and phase, within a time bound.
func expectFailure(
    _ exchange: HTTPExchange,
    _ code: HTTPClientError.Code,
    phase: HTTPClientPhase? = nil,
    within bound: Duration = noHang,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error = exchange.error else {
        Issue.record("expected \(code), got a response", sourceLocation: sourceLocation)
        return
    }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    if let phase {
        #expect(error.phase == phase, "\(error)", sourceLocation: sourceLocation)
    }
    #expect(exchange.timing.total < bound, "took \(exchange.timing.total)", sourceLocation: sourceLocation)
}

/// A flag a handler raises when it starts, for tests that must act while a request is in flight.
final class Started: Sendable {
    private let flag = Mutex(false)

    func mark() {
        flag.withLock { $0 = true }
    }

    /// Waits until the flag is raised; gives up after 20 s, however busy the machine.
    func wait() async throws {
        let deadline = Deadline.after(.seconds(20))
        while !flag.withLock({ $0 }) && !deadline.hasPassed {
            try await Task.sleep(for: .milliseconds(5))
        }
        try #require(flag.withLock { $0 })
    }
}
