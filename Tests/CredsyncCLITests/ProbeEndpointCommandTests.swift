import Credsync
import CredsyncCLI
import CredsyncConformance
import CredsyncWire
import Foundation
import Testing

/// `credsync probe endpoint` in-process, against the sync endpoint stand-in and bad targets.
@Suite("credsync probe endpoint")
struct ProbeEndpointCommandTests {
    static let secret = "cli-probe-secret-N4rT8yUe"

    static var environment: [String: String] {
        ["CALCOM_CREDENTIAL_SYNC_SECRET": secret]
    }

    /// A fresh scratch folder.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "credsync-probe-endpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every output of a run, files included.
    static func everything(_ run: CLIRun, files: [URL]) -> String {
        var text = run.allOutput
        for file in files {
            text += (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        }
        return text
    }

    @Test("a faithful endpoint passes; JSON and JUnit reports are written; nothing secret is shown")
    func clean() async throws {
        let standIn = try EndpointStandIn(EndpointStandInOptions(secret: Self.secret))
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appending(path: "r.json")
        let junit = folder.appending(path: "r.xml")
        let transcripts = folder.appending(path: "transcripts")

        let run = await credsync(
            "probe",
            "endpoint",
            "--url",
            standIn.url,
            "--json",
            json.path,
            "--junit",
            junit.path,
            "--transcript",
            transcripts.path,
            "--timeout",
            "20",
            "--latency-budget",
            "20000",
            environment: Self.environment
        )
        let secrets = standIn.secrets
        await standIn.shutdown()

        #expect(run.exitCode == .success, "\(run.allOutput)")
        let report = try JSONReport.read(Data(contentsOf: json))
        #expect(report.command == "probe endpoint")
        #expect(report.results.count == 20)
        #expect(report.results.allSatisfy { $0.verdict == .pass || $0.id.description == "END-013" })
        #expect(try String(contentsOf: junit, encoding: .utf8).contains("<testsuite"))
        let files = try FileManager.default.contentsOfDirectory(at: transcripts, includingPropertiesForKeys: nil)
        #expect(files.contains { $0.lastPathComponent == "END-010.txt" })

        #expect(secrets.count > 1)
        let tripwire = Tripwire(secrets: secrets)
        let all = Self.everything(run, files: [json, junit] + files)
        #expect(tripwire.scan(all, location: "outputs").isEmpty)
        #expect(!all.contains(Self.secret))
    }

    @Test("a planted defect fails the run with exit 1 and a re-run command for its check")
    func defect() async throws {
        let standIn = try EndpointStandIn(
            EndpointStandInOptions(secret: Self.secret, defects: [.acceptMissingSecret])
        )
        let run = await credsync(
            "probe",
            "endpoint",
            "--url",
            standIn.url,
            "--timeout",
            "20",
            environment: Self.environment
        )
        let secrets = standIn.secrets
        await standIn.shutdown()

        #expect(run.exitCode == .failure)
        #expect(run.standardOutput.contains("END-010"))
        #expect(run.standardOutput.contains("--only END-010"))
        #expect(Tripwire(secrets: secrets).scan(run.allOutput, location: "output").isEmpty)
    }

    @Test("a SHOULD not met warns with exit 0, and fails under --strict")
    func strict() async throws {
        let standIn = try EndpointStandIn(EndpointStandInOptions(secret: Self.secret, defects: [.leakRefreshToken]))
        let lenient = await credsync(
            "probe",
            "endpoint",
            "--url",
            standIn.url,
            environment: Self.environment
        )
        let strict = await credsync(
            "probe",
            "endpoint",
            "--url",
            standIn.url,
            "--strict",
            environment: Self.environment
        )
        let secrets = standIn.secrets
        await standIn.shutdown()

        #expect(lenient.exitCode == .success)
        #expect(strict.exitCode == .failure)
        let tripwire = Tripwire(secrets: secrets)
        #expect(tripwire.scan(lenient.allOutput + strict.allOutput, location: "output").isEmpty)
    }

    @Test("the legacy edition needs no secret and reads CALCOM_WEBHOOK_SECRET when given")
    func legacy() async throws {
        let standIn = try EndpointStandIn(EndpointStandInOptions(edition: .legacy, secret: Self.secret))
        let without = await credsync("probe", "endpoint", "--url", standIn.url, "--edition", "legacy")
        let with = await credsync(
            "probe",
            "endpoint",
            "--url",
            standIn.url,
            "--edition",
            "legacy",
            environment: ["CALCOM_WEBHOOK_SECRET": Self.secret]
        )
        await standIn.shutdown()
        #expect(without.exitCode == .success, "\(without.allOutput)")
        #expect(with.exitCode == .success, "\(with.allOutput)")
        #expect(!with.allOutput.contains(Self.secret))
    }

    @Test("a dead target ends within the deadline with exit 3")
    func deadTarget() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration()) { _ in HTTPResponse(status: 200) }
        let url = server.baseURL + "/api/getToken"
        await server.shutdown(gracePeriod: .zero)

        let clock = ContinuousClock()
        let start = clock.now
        let run = await credsync(
            "probe",
            "endpoint",
            "--url",
            url,
            "--timeout",
            "0.3",
            environment: Self.environment
        )
        // Refused at once; the bound only proves the run ended.
        #expect(run.exitCode == .couldNotTest)
        #expect(start.duration(to: clock.now) < .seconds(15))
    }

    @Test("an endpoint that never answers ends with exit 3 within its deadlines")
    func silentTarget() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration()) { _ in
            HTTPResponse(status: 200, delay: .seconds(30))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let run = await credsync(
            "probe",
            "endpoint",
            "--url",
            server.baseURL + "/sync",
            "--timeout",
            "0.3",
            "--concurrency",
            "2",
            environment: Self.environment
        )
        let elapsed = start.duration(to: clock.now)
        await server.shutdown(gracePeriod: .zero)
        // Three rounds bounded by 0.3 s deadlines; a hang would take the server's 30 s.
        #expect(run.exitCode == .couldNotTest)
        #expect(elapsed < .seconds(15))
    }

    @Test("an endpoint echoing the secret gets its transcript withheld, never written")
    func echoedSecret() async throws {
        let server = try HTTPServer(configuration: HTTPServerConfiguration()) { request in
            let echoed = request.headers["calcom-credential-sync-secret"] ?? ""
            return .text(403, contentType: "text/plain", "you sent " + echoed)
        }
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await credsync(
            "probe",
            "endpoint",
            "--url",
            server.baseURL + "/sync",
            "--transcript",
            folder.path,
            "--timeout",
            "20",
            "--json",
            folder.appending(path: "r.json").path,
            environment: Self.environment
        )
        await server.shutdown(gracePeriod: .zero)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(run.exitCode == .failure)
        #expect(run.standardError.contains("withheld"))
        #expect(!Self.everything(run, files: files).contains(Self.secret))
    }

    struct UsageCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let environment: [String: String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usageCases: [UsageCase] = [
        UsageCase(arguments: [], environment: environment, message: "--url is required"),
        UsageCase(arguments: ["--url", "ftp://x/"], environment: environment, message: "not an http or https URL"),
        UsageCase(arguments: ["--url", "http://127.0.0.1:9/"], environment: [:], message: "is not set"),
        UsageCase(
            arguments: ["--url", "http://127.0.0.1:9/", "--edition", "2023"],
            environment: environment,
            message: "current or legacy"
        ),
        UsageCase(
            arguments: ["--url", "http://127.0.0.1:9/", "--timeout", "soon"],
            environment: environment,
            message: "--timeout takes a number"
        ),
        UsageCase(
            arguments: ["--url", "http://127.0.0.1:9/", "--concurrency", "1"],
            environment: environment,
            message: "--concurrency takes a whole number"
        ),
        UsageCase(
            arguments: ["--url", "http://127.0.0.1:9/", "--only", "CAL-001"],
            environment: environment,
            message: "is not a check of this run"
        ),
        UsageCase(
            arguments: ["--url", "http://127.0.0.1:9/", "--header-name", "bad name"],
            environment: environment,
            message: "not a valid header name"
        ),
    ]

    @Test("usage errors exit 2 with a precise message", arguments: usageCases)
    func usage(_ testCase: UsageCase) async {
        let (terminal, output) = Terminal.capturing(environment: testCase.environment)
        let code = await CommandLineTool.run(["probe", "endpoint"] + testCase.arguments, on: terminal)
        #expect(code == .usage)
        #expect(output.standardError.contains(testCase.message), "\(output.standardError)")
    }
}
