import CredsyncCLI
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("credsync mock endpoint")
struct MockEndpointCommandTests {
    static let secret = "cli-sync-secret-8d2e61"
    static let environment = ["CALCOM_CREDENTIAL_SYNC_SECRET": secret]

    /// Node's fetch, calling as Cal.com's OAuthManager does: a URLSearchParams body and the secret header.
    static func call(_ url: String, headers: [String: String], user: String = "1") async throws -> String {
        let script = """
            const [url, headers, user] = [process.argv[1], JSON.parse(process.argv[2]), process.argv[3]];
            const body = new URLSearchParams({ calcomUserId: user, appSlug: "google-calendar" });
            fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(5000) })
                .then(async (r) => process.stdout.write(r.status + " " + (await r.text())))
                .catch((e) => process.stdout.write("error " + e.name));
            """
        let headerJSON = String(decoding: try JSONSerialization.data(withJSONObject: headers), as: UTF8.self)
        return try await runProgram(node(), ["-e", script, url, headerJSON, user])
    }

    static func node() throws -> String {
        try #require(nodeExecutable, "these tests need Node 20 on the PATH")
    }

    /// Starts the command in-process and waits for its URL.
    static func start(_ arguments: [String]) async throws -> (
        url: String, output: CapturedOutput, run: Task<ExitCode, Never>
    ) {
        let (terminal, output) = Terminal.capturing(environment: environment)
        let run = Task { await CommandLineTool.run(["mock", "endpoint", "--port", "0"] + arguments, on: terminal) }
        for _ in 0..<200 {
            if let line = output.standardOutput.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                return (String(line.dropFirst("listening on ".count)), output, run)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("the stand-in never said where it listens: \(output.standardError)")
        run.cancel()
        throw CancellationError()
    }

    @Test("grades each call on its own line and reports after --expect calls")
    func expectCalls() async throws {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("mock-endpoint-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let (url, output, run) = try await Self.start(["--expect", "2", "--json", json.path])
        defer { run.cancel() }
        #expect(url.hasSuffix("/api/getToken"))

        let good = try await Self.call(url, headers: ["calcom-credential-sync-secret": Self.secret])
        let bad = try await Self.call(url, headers: ["calcom-webhook-secret": Self.secret])
        let exit = await run.value

        #expect(good.hasPrefix("200 {\"access_token\":\"credsync-canary-at-"))
        #expect(bad.hasPrefix("403 "))
        #expect(exit == .failure)
        let text = output.standardOutput
        #expect(text.contains("#1 POST /api/getToken → 200 token | pass REF-001"))
        #expect(text.contains("#2 POST /api/getToken → 403 secret header not set"))
        #expect(text.contains("| fail REF-007"))
        #expect(text.contains("stopped: 2 calls arrived"))
        let token = String(good.dropFirst("200 {\"access_token\":\"".count).prefix { $0 != "\"" })
        #expect(!text.contains(Self.secret) && !text.contains(token))
        let report = try String(contentsOf: json, encoding: .utf8)
        #expect(report.contains("\"REF-007\"") && !report.contains(Self.secret) && !report.contains(token))
    }

    @Test("a clean caller passes every observable check")
    func clean() async throws {
        let (url, _, run) = try await Self.start(["--expect", "1", "--quiet"])
        defer { run.cancel() }
        _ = try await Self.call(url, headers: ["calcom-credential-sync-secret": Self.secret])
        #expect(await run.value == .success)
    }

    @Test("usage errors: an unknown defect lists the known ones; no secret; a bad grant")
    func usage() async {
        let (terminal, output) = Terminal.capturing(environment: Self.environment)
        let unknown = await CommandLineTool.run(["mock", "endpoint", "--defect", "slow"], on: terminal)
        #expect(unknown == .usage)
        #expect(output.standardError.contains("known defects: error-status-on-success"))
        #expect(output.standardError.contains("slow-response"))

        let (bare, bareOutput) = Terminal.capturing()
        #expect(await CommandLineTool.run(["mock", "endpoint"], on: bare) == .usage)
        #expect(bareOutput.standardError.contains("CALCOM_CREDENTIAL_SYNC_SECRET"))

        let (grant, _) = Terminal.capturing(environment: Self.environment)
        #expect(await CommandLineTool.run(["mock", "endpoint", "--grant", "x:zoom"], on: grant) == .usage)
        #expect(await CommandLineTool.run(["mock", "endpoint", "--expiry", "hours"], on: grant) == .usage)
    }

    static var binary: String? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("credsync").path
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("SIGTERM stops the stand-in cleanly with the report", .enabled(if: binary != nil, "needs the built binary"))
    func sigterm() async throws {
        let binary = try #require(Self.binary)
        let output = try await runProgram(
            "/usr/bin/env",
            ["CALCOM_CREDENTIAL_SYNC_SECRET=\(Self.secret)", binary, "mock", "endpoint", "--port", "0"]
        ) { process, output in
            // Signal once the stand-in listens (its signal handlers are set by then), however slowly it started.
            Task {
                while !output.text.contains("listening on ") {
                    try await Task.sleep(for: .milliseconds(25))
                }
                kill(process.processIdentifier, SIGTERM)
            }
        }
        #expect(output.contains("listening on http://127.0.0.1:"))
        #expect(output.contains("stopped: SIGTERM"))
        #expect(output.contains("REF-001"))
    }
}
