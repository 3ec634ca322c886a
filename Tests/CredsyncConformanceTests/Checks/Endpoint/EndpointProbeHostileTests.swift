import Credsync
import CredsyncConformance
import CredsyncWire
import Testing

/// The probe against dead and hostile endpoints: it ends within its deadlines, with `error` verdicts (exit 3), or
/// with failures (exit 1) where the endpoint really answered wrongly; never a hang or a crash.
@Suite("probe endpoint against hostile servers")
struct EndpointProbeHostileTests {
    typealias Support = EndpointProbeSupport

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let response: HTTPResponse
        let exitCode: Int32
        /// The probe's deadline: short where the server stalls, generous where it answers at once, so that a loaded
        /// machine cannot turn a prompt answer into a timeout.
        var timeout: Duration = .milliseconds(300)
        var testDescription: String { name }
    }

    private static func script(_ body: @escaping @Sendable (any HTTPResponseWriter) async -> Void) -> HTTPResponse {
        HTTPResponse(status: 0, delivery: .script(body))
    }

    private static func raw(_ text: String) -> HTTPResponse {
        HTTPResponse(status: 0, delivery: .raw(Array(text.utf8)))
    }

    static let cases: [Case] = [
        Case(name: "never answers", response: HTTPResponse(status: 200, delay: .seconds(30)), exitCode: 3),
        Case(
            name: "drips a byte a second",
            response: script { writer in
                for byte in Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".utf8) {
                    guard await writer.write([byte]), (try? await Task.sleep(for: .seconds(1))) != nil else {
                        return
                    }
                }
            },
            exitCode: 3
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
            exitCode: 3
        ),
        Case(name: "garbage", response: raw("\u{1}\u{2}garbage garbage\r\n\r\n"), exitCode: 3),
        Case(name: "reset", response: .reset, exitCode: 3),
        Case(name: "closes without answering", response: .drop, exitCode: 3),
        Case(
            name: "huge headers",
            response: raw("HTTP/1.1 200 OK\r\n" + String(repeating: "X-Filler: 0123456789abcdef\r\n", count: 5_000)),
            exitCode: 3
        ),
        Case(
            name: "short body under a long Content-Length, then close",
            response: raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"access_"),
            exitCode: 3
        ),
        Case(
            name: "short body under a long Content-Length, kept open",
            response: script { writer in
                guard await writer.write(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}".utf8)) else {
                    return
                }
                try? await Task.sleep(for: .seconds(30))
            },
            exitCode: 3
        ),
        Case(
            name: "redirect to another origin, never followed",
            response: HTTPResponse(status: 302, headers: ["Location": "http://127.0.0.2:9/steal"]),
            exitCode: 1,
            timeout: .seconds(10)
        ),
        Case(
            name: "same-origin 307 to itself, followed once only",
            response: HTTPResponse(status: 307, headers: ["Location": "/api/getToken"]),
            exitCode: 1,
            timeout: .seconds(10)
        ),
    ]

    @Test("ends within its deadlines with the right exit code", arguments: cases)
    func hostile(_ testCase: Case) async throws {
        let response = testCase.response
        let (report, elapsed) = try await Support.probeServer(timeout: testCase.timeout) { _ in response }

        #expect(report.exitCode == testCase.exitCode, "\(report.results.map { "\($0.id) \($0.verdict)" })")
        // Three rounds, each bounded by one deadline (two with a followed redirect): a second or so alone, more
        // while the other suites load the machine; a hang would take the server's 30 s.
        #expect(elapsed < Support.noHang, "the probe took \(elapsed)")
        if testCase.exitCode == 3 {
            #expect(report.results.allSatisfy { $0.verdict == .error || $0.verdict == .skip })
        } else {
            let verdicts = Support.verdicts(report)
            #expect(verdicts["END-001"] == .fail)
            #expect(verdicts["END-018"] == .warn)
        }
    }

    @Test("a dead target ends at once with error verdicts")
    func deadTarget() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration()) { _ in HTTPResponse(status: 200) }
        let url = server.baseURL + "/api/getToken"
        await server.shutdown(gracePeriod: .zero)

        let configuration = EndpointProbeConfiguration(
            url: try #require(HTTPURL(url)),
            secret: Support.secret,
            timeout: .milliseconds(300)
        )
        let outcome = await EndpointProbe(configuration: configuration).run()
        #expect(outcome.report.exitCode == 3)
        #expect(outcome.report.results.allSatisfy { $0.verdict == .error || $0.verdict == .skip })
        #expect(outcome.report.seconds < Support.noHang / .seconds(1))
    }
}
