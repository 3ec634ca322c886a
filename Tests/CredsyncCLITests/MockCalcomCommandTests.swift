import CredsyncCLI
import CredsyncStore
import Foundation
import Synchronization
import Testing

@Suite("credsync mock calcom", .serialized)
struct MockCalcomCommandTests {
    static let environment = [
        "CALCOM_CREDENTIAL_SYNC_SECRET": "canary-sync-secret-do-not-use-0123456789",
        "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY": "credsync-test-key-not-a-secret!!",
    ]

    static let pushScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/node/push.mjs").path

    @Test("an unknown defect is a usage error listing the known ones")
    func unknownDefect() async {
        let run = await credsync("mock", "calcom", "--port", "0", "--defect", "no-such-defect")
        #expect(run.exitCode == .usage)
        #expect(run.standardError.contains("accept-wrong-secret"))
        #expect(run.standardError.contains("api-unknown-app-500"))
    }

    @Test("--expect not reached before --timeout exits 3 with a report")
    func expectTimeout() async {
        let run = await credsync(
            "mock",
            "calcom",
            "--port",
            "0",
            "--expect",
            "1",
            "--timeout",
            "0.3",
            environment: Self.environment
        )
        #expect(run.exitCode == .couldNotTest)
        #expect(run.standardOutput.contains("listening on http://127.0.0.1:"))
        #expect(run.standardOutput.contains("SND-001"))
        #expect(!run.allOutput.contains("canary-sync-secret"))
    }

    @Test("SIGKILL loses no push acknowledged with 200")
    func killLosesNothingAcknowledged() async throws {
        let binary = try #require(Self.binary(), "the credsync executable next to the test bundle")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mock-calcom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("received.sqlite").path

        let server = Process()
        server.executableURL = binary
        server.arguments = ["mock", "calcom", "--port", "0", "--db", database, "--users", "1-200"]
        server.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { _, new in new }
        let output = Pipe()
        server.standardOutput = output
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let port = try #require(await Self.listeningPort(output.fileHandleForReading))

        let expiry = (Date().timeIntervalSince1970 + 3600).rounded() * 1000
        let pushes = (1...200).map { user in
            #"{"userId":\#(user),"appSlug":"zoom","key":"credsync-test-key-not-a-secret!!","#
                + #""document":{"access_token":"canary-token-\#(user)","expiry_date":\#(Int(expiry))},"#
                + #""headers":{"calcom-credential-sync-secret":"canary-sync-secret-do-not-use-0123456789"}}"#
        }
        let sender = Process()
        sender.executableURL = URL(fileURLWithPath: try #require(nodeExecutable, "this test needs Node 20 on the PATH"))
        sender.arguments = [Self.pushScript, "http://127.0.0.1:\(port)"]
        let input = Pipe()
        let answers = Pipe()
        sender.standardInput = input
        sender.standardOutput = answers
        try sender.run()
        defer { if sender.isRunning { sender.terminate() } }
        input.fileHandleForWriting.write(Data(("[" + pushes.joined(separator: ",") + "]").utf8))
        try input.fileHandleForWriting.close()

        // Kill the server mid-stream: once some pushes are acknowledged and while others are in flight.
        let received = AnswerLines()
        let reader = Task.detached {
            while case let data = answers.fileHandleForReading.availableData, !data.isEmpty {
                received.append(data)
            }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while received.acknowledged < 20, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(server.processIdentifier, SIGKILL)
        await reader.value
        sender.waitUntilExit()
        server.waitUntilExit()

        let lines = received.text.split(separator: "\n")
        let acknowledged = lines.enumerated().filter { $0.element.contains(#""status":200"#) }.map { $0.offset + 1 }
        #expect(!acknowledged.isEmpty)
        let stored = try CredentialStore(path: database).credentials()
        let byUser = Dictionary(stored.map { ($0.userId, $0.key) }) { first, _ in first }
        for user in acknowledged {
            #expect(byUser[Int64(user)]?.contains("canary-token-\(user)\"") == true, "push for user \(user)")
        }
    }

    /// The sender's answer lines as they arrive.
    final class AnswerLines: Sendable {
        private let data = Mutex(Data())

        func append(_ chunk: Data) {
            data.withLock { $0.append(chunk) }
        }

        var text: String {
            data.withLock { String(decoding: $0, as: UTF8.self) }
        }

        var acknowledged: Int {
            text.split(separator: "\n").filter { $0.contains(#""status":200"#) }.count
        }
    }

    /// The built `credsync`, next to the test bundle.
    static func binary() -> URL? {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("credsync") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Reads the server's output until it says where it listens.
    static func listeningPort(_ handle: FileHandle) async -> Int? {
        await Task.detached {
            var text = ""
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let data = handle.availableData
                if data.isEmpty {
                    return nil
                }
                text += String(decoding: data, as: UTF8.self)
                if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    return Int(text[range].split(separator: ":").last ?? "")
                }
            }
            return nil
        }.value
    }
}
