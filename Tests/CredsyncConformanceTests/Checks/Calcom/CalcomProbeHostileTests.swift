import Credsync
import CredsyncConformance
import CredsyncWire
import Foundation
import Testing

/// A dead or hostile target ends the probe in bounded time with `error` verdicts (or failures where a check really
/// failed), never a hang.
@Suite("probe calcom against hostile targets")
struct CalcomProbeHostileTests {
    enum Hostility: String, CaseIterable, CustomStringConvertible {
        case neverAnswers = "never answers"
        case drips = "drips one byte at a time"
        case resets = "resets the connection"
        case closes = "closes without answering"
        case garbage = "answers garbage"
        case redirects = "redirects every request"

        var description: String { rawValue }

        var response: HTTPResponse {
            switch self {
            case .neverAnswers:
                return HTTPResponse(status: 200, delay: .seconds(30))
            case .drips:
                return HTTPResponse(
                    status: 0,
                    delivery: .script { writer in
                        for byte in Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".utf8) {
                            guard await writer.write([byte]) else {
                                return
                            }
                            try? await Task.sleep(for: .milliseconds(100))
                        }
                    }
                )
            case .resets:
                return .reset
            case .closes:
                return .drop
            case .garbage:
                return HTTPResponse(status: 0, delivery: .raw(Array("\u{0}\u{1}garbage\r\n\r\n".utf8)))
            case .redirects:
                return HTTPResponse(status: 302, headers: ["Location": "http://127.0.0.1:9/elsewhere"])
            }
        }
    }

    @Test("the probe ends within its deadlines with exit code 3 or 1", arguments: Hostility.allCases)
    func hostile(hostility: Hostility) async throws {
        let response = hostility.response
        let server = try HTTPServer(configuration: HTTPServerConfiguration()) { _ in response }
        let clock = ContinuousClock()
        let start = clock.now
        let run = await CalcomProbeRun.run(ProbeFixture.configuration(server.baseURL, timeout: .milliseconds(300)))
        let elapsed = start.duration(to: clock.now)
        await server.shutdown(gracePeriod: .zero)

        // Generous for a machine loaded by the other suites (alone it takes well under two seconds); a hang would
        // run into the 30-second delay or beyond.
        #expect(elapsed < .seconds(25), "the probe took \(elapsed)")
        #expect([1, 3].contains(run.report.exitCode))
        #expect(run.report.results.allSatisfy { $0.verdict != .pass || hostility == .redirects })
        if [.neverAnswers, .drips, .resets, .closes, .garbage].contains(hostility) {
            #expect(run.report.results.allSatisfy { $0.verdict == .error || $0.verdict == .skip })
            #expect(run.report.exitCode == 3)
        }
    }

    @Test("a port nobody listens on ends the probe at once with exit code 3")
    func dead() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration()) { _ in HTTPResponse(status: 200) }
        let url = server.baseURL
        await server.shutdown(gracePeriod: .zero)
        let clock = ContinuousClock()
        let start = clock.now
        let run = await CalcomProbeRun.run(ProbeFixture.configuration(url, timeout: .milliseconds(300)))
        // The bound only proves the run ended instead of hanging; speed is not asserted.
        #expect(start.duration(to: clock.now) < .seconds(15))
        #expect(run.report.exitCode == 3)
        #expect(run.report.notes.contains { $0.contains("stopped answering") })
    }
}
