import Foundation
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
        let node = try #require(nodePath, "the stand-in's tests need Node 20 on the PATH")
        let plan = try JSONSerialization.data(withJSONObject: ["url": url, "steps": steps])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [scriptPath, String(decoding: plan, as: UTF8.self)]
        let pipe = Pipe()
        process.standardOutput = pipe
        let ended = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in ended.continuation.finish() }
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(30))
            process.terminate()
        }
        for await _ in ended.stream {}
        watchdog.cancel()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        return try JSONDecoder().decode([Result].self, from: data)
    }
}
