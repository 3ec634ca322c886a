import Credsync
import CredsyncConformance
import Foundation

/// A platform sender independent of credsync: Tests/Support/node/push.mjs, on Node's fetch and crypto.
enum NodeSender {
    static let key = "credsync-test-key-not-a-secret!!"
    static let otherKey = "credsync-other-key-not-a-secret!"
    static let secret = "canary-sync-secret-do-not-use-0123456789"
    static let fixedIV = "000102030405060708090a0b0c0d0e0f"

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Support/node/push.mjs").path

    /// A clean push: the edition's header, a fresh IV, a document with a future expiry in milliseconds.
    static func push(
        edition: Edition = .current,
        userId: JSONValue = .number(1),
        appSlug: String = "google-calendar",
        document: JSONValue? = nil,
        _ changes: [(String, JSONValue)] = []
    ) -> JSONValue {
        let expiry = (Date().timeIntervalSince1970 + 3600).rounded() * 1000
        let defaultDocument: JSONValue = .object(
            JSONObject([("access_token", .string("canary-access-token-1")), ("expiry_date", .number(expiry))])
        )
        var members: [(String, JSONValue)] = [
            ("userId", userId),
            ("appSlug", .string(appSlug)),
            ("key", .string(key)),
            ("document", document ?? defaultDocument),
            ("headers", .object(JSONObject([(edition.defaultHeaderName, .string(secret))]))),
        ]
        for (name, value) in changes {
            members.removeAll { $0.0 == name }
            members.append((name, value))
        }
        return .object(JSONObject(members))
    }

    /// Sends pushes in order (a push with `concurrent: N` is sent N times at once) and returns each answer.
    ///
    /// Node runs off the cooperative pool, so the stand-in's tasks keep running while the test waits.
    static func send(_ pushes: [JSONValue], to baseURL: String) async throws -> [JSONValue] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try sendBlocking(pushes, to: baseURL) })
            }
        }
    }

    private static func sendBlocking(_ pushes: [JSONValue], to baseURL: String) throws -> [JSONValue] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", script, baseURL]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(JSONValue.array(pushes).serialized.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONParser.parse(String($0))
        }
    }

    /// Starts a stand-in with the test secret and key.
    /// Runs a body, then shuts the stand-in down and waits for it, whether the body returned or threw.
    static func shuttingDown<Result>(
        _ standIn: CalcomStandIn,
        _ body: () async throws -> Result
    ) async throws -> Result {
        do {
            let result = try await body()
            await standIn.shutdown()
            return result
        } catch {
            await standIn.shutdown()
            throw error
        }
    }

    static func standIn(
        edition: Edition = .current,
        defects: Set<CalcomDefect> = [],
        delay: Duration = .zero,
        databasePath: String? = nil
    ) async throws -> CalcomStandIn {
        let settings = WebhookSettings(edition: edition, secret: secret, keyString: key)
        let options = CalcomStandIn.Options(
            settings: settings,
            databasePath: databasePath,
            defects: defects,
            faults: .init(delay: delay)
        )
        let standIn = try CalcomStandIn(options: options)
        try await standIn.start()
        return standIn
    }
}

extension JSONValue {
    /// A member of an object, for reading answers.
    subscript(member name: String) -> JSONValue? {
        objectValue?[name]
    }
}
