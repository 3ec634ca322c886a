import Credsync
import CredsyncCLI
import CredsyncConformance
import Foundation
import Testing

@Suite("credsync probe calcom")
struct ProbeCalcomCommandTests {
    static let secret = "credsync-cli-Secret-9d2e71c4"
    static let keyString = "credsync-cli-probe-test-key-0001"

    static var environment: [String: String] {
        ["CALCOM_CREDENTIAL_SYNC_SECRET": secret, "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY": keyString]
    }

    /// Runs `body` with a stand-in Cal.com on 127.0.0.1 port 0.
    static func withStandIn<Result>(
        defects: Set<CalcomDefect> = [],
        _ body: (String) async throws -> Result
    ) async throws -> Result {
        let standIn = try CalcomStandIn(
            options: CalcomStandIn.Options(
                settings: WebhookSettings(edition: .current, secret: secret, keyString: keyString),
                defects: defects,
                fixesKnownMisses: true
            )
        )
        try await standIn.start()
        let result = try await body(standIn.baseURL ?? "")
        await standIn.shutdown()
        return result
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("credsync-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a clean stand-in exits 0 and writes JSON, JUnit and transcripts without a secret in them")
    func clean() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("r.json").path
        let junit = folder.appendingPathComponent("r.xml").path
        let transcripts = folder.appendingPathComponent("t").path
        let run = try await Self.withStandIn { url in
            await credsync(
                "probe",
                "calcom",
                "--url",
                url,
                "--user-id",
                "1",
                "--app-slug",
                "google-calendar",
                "--race-app-slug",
                "zoom",
                "--allow-writes",
                "--json",
                json,
                "--junit",
                junit,
                "--transcript",
                transcripts,
                "--timeout",
                "5",
                environment: Self.environment
            )
        }
        #expect(run.exitCode == .success, "\(run.allOutput)")
        let report = try JSONReport.read(Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(report.edition?.edition == .current)
        #expect(report.edition?.detected == true)
        #expect(!report.writes.isEmpty)
        #expect(FileManager.default.fileExists(atPath: junit))

        var outputs = [run.allOutput]
        for path in [json, junit] {
            outputs.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: transcripts) {
            outputs.append(try String(contentsOfFile: transcripts + "/" + name, encoding: .utf8))
        }
        #expect(outputs.count > 5)
        let tripwire = Tripwire(secrets: [
            Tripwire.Secret(label: "secret", value: Self.secret),
            Tripwire.Secret(label: "key", value: Self.keyString),
        ])
        for output in outputs {
            #expect(tripwire.scan(output, location: "output").isEmpty)
            #expect(!output.contains("credsync-canary-access-"))
            #expect(!output.contains("credsync-canary-refresh-"))
        }
    }

    @Test("a defect exits 1 and prints a re-run command for the failed check")
    func failure() async throws {
        let run = try await Self.withStandIn(defects: [.acceptWrongSecret]) { url in
            await credsync("probe", "calcom", "--url", url, "--timeout", "5", environment: Self.environment)
        }
        #expect(run.exitCode == .failure)
        #expect(run.standardOutput.contains("--only CAL-003"))
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["probe", "calcom"],
            ["probe", "calcom", "--url", "ftp://example.com"],
            ["probe", "calcom", "--url", "http://127.0.0.1:9", "--edition", "newest"],
            ["probe", "calcom", "--url", "http://127.0.0.1:9", "--timeout", "0"],
            ["probe", "calcom", "--url", "http://127.0.0.1:9", "--allow-writes"],
            ["probe", "calcom", "--url", "http://127.0.0.1:9", "--only", "SND-001"],
        ]
    )
    func usage(arguments: [String]) async {
        let (terminal, output) = Terminal.capturing(environment: Self.environment, input: Data())
        let code = await CommandLineTool.run(arguments, on: terminal)
        #expect(code == .usage, "\(output.standardError)")
    }

    @Test("a missing secret is a usage error")
    func missingSecret() async {
        let run = await credsync("probe", "calcom", "--url", "http://127.0.0.1:9")
        #expect(run.exitCode == .usage)
        #expect(run.standardError.contains("CALCOM_CREDENTIAL_SYNC_SECRET"))
    }

    @Test("a dead target exits 3 within its deadlines")
    func dead() async {
        let clock = ContinuousClock()
        let start = clock.now
        let run = await credsync(
            "probe",
            "calcom",
            "--url",
            "http://127.0.0.1:9",
            "--timeout",
            "0.3",
            environment: Self.environment
        )
        #expect(run.exitCode == .couldNotTest)
        // The bound only proves the run ended instead of hanging; speed is not asserted.
        #expect(start.duration(to: clock.now) < .seconds(15))
    }
}
