import Foundation
import Synchronization
import Testing

/// Runs `Tests/Support/node/refresh-caller.mjs`: Node's fetch calling the stand-in as Cal.com's OAuthManager does,
/// independently of credsync's own HTTP client.
enum RefreshCallerScript {
    /// What one call got.
    struct Result: Decodable {
        let status: Int?
        let contentType: String?
        let body: String?
        let redirected: Bool?
        let error: String?
        let ms: Double

        /// The body as a JSON object.
        var json: [String: Any]? {
            body.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    static let secret = "test-sync-secret-4f1c9b7e2a"

    /// A call exactly as Cal.com makes it, for one user and app; `headers` replace the secret header.
    static func calcom(
        user: String = "1",
        app: String = "google-calendar",
        headers: [String: String]? = nil,
        waitMs: Int = 0
    ) -> [String: Any] {
        [
            "form": [["calcomUserId", user], ["appSlug", app]],
            "headers": headers ?? ["calcom-credential-sync-secret": secret],
            "waitMs": waitMs,
        ]
    }

    /// The script's path, from this file's.
    static var scriptPath: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" && url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("Support/node/refresh-caller.mjs").path
    }

    static var nodePath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/node" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs the steps against a URL; a step is a dictionary or an array of dictionaries run in parallel.
    static func run(_ url: String, _ steps: [Any]) async throws -> [Result] {
        let plan = try JSONSerialization.data(withJSONObject: ["url": url, "steps": steps])
        return try await NodeCaller.shared.run(plan)
    }
}

/// One Node process, started on first use, that runs every test's plans (`refresh-caller.mjs --serve`), so the
/// suite starts Node once rather than once per test.
actor NodeCaller {
    struct Reply: Decodable {
        let id: Int
        let results: [RefreshCallerScript.Result]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let shared = NodeCaller()

    private var input: FileHandle?
    private var waiting: [Int: CheckedContinuation<[RefreshCallerScript.Result], any Error>] = [:]
    private var nextID = 0

    func run(_ plan: Data) async throws -> [RefreshCallerScript.Result] {
        let input = try start()
        nextID += 1
        let id = nextID
        let line = Data("{\"id\":\(id),\"plan\":".utf8) + plan + Data("}\n".utf8)
        return try await withCheckedThrowingContinuation { continuation in
            waiting[id] = continuation
            input.write(line)
        }
    }

    private func start() throws -> FileHandle {
        if let input {
            return input
        }
        let node = try #require(RefreshCallerScript.nodePath, "the stand-in's tests need Node 20 on the PATH")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [RefreshCallerScript.scriptPath, "--serve"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        let pending = Mutex(Data())
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            let lines = pending.withLock { buffer -> [Data] in
                buffer += chunk
                var lines: [Data] = []
                while let end = buffer.firstIndex(of: 10) {
                    lines.append(Data(buffer[buffer.startIndex..<end]))
                    buffer = Data(buffer[buffer.index(after: end)...])
                }
                return lines
            }
            for line in lines {
                Task { await NodeCaller.shared.received(line) }
            }
        }
        process.terminationHandler = { _ in
            Task { await NodeCaller.shared.ended() }
        }
        try process.run()
        input = stdin.fileHandleForWriting
        return stdin.fileHandleForWriting
    }

    private func received(_ line: Data) {
        guard let reply = try? JSONDecoder().decode(Reply.self, from: line) else {
            return
        }
        waiting.removeValue(forKey: reply.id)?.resume(returning: reply.results)
    }

    private func ended() {
        for continuation in waiting.values {
            continuation.resume(throwing: Failure(description: "the Node caller ended"))
        }
        waiting = [:]
        input = nil
    }
}
