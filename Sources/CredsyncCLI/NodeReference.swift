import Foundation

/// Runs a reference script under Node for benchmarks, when `node` is on the PATH.
enum NodeReference {
    /// What a benchmark script printed: its rate and Node's version.
    struct Output: Decodable, Sendable {
        let rate: String
        let version: String
    }

    /// Runs `node -e script args…` and decodes the JSON line it prints.
    ///
    /// Node runs for seconds; the wait happens on a thread of its own, never on Swift's cooperative pool, so other
    /// tasks of the process keep running meanwhile.
    ///
    /// - Returns: The output, or why there is none.
    static func run(script: String, arguments: [String]) async -> Result<Output, NodeFailure> {
        guard let node = executable() else {
            return .failure(NodeFailure(description: "node is not on the PATH"))
        }
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: runBlocking(node, arguments: ["-e", script] + arguments))
            }
            thread.name = "credsync-node"
            thread.start()
        }
    }

    /// Starts Node and waits for it on the calling thread.
    private static func runBlocking(_ node: URL, arguments: [String]) -> Result<Output, NodeFailure> {
        let process = Process()
        process.executableURL = node
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(NodeFailure(description: "node did not start: \(error.localizedDescription)"))
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let output = try? JSONDecoder().decode(Output.self, from: data) else {
            return .failure(NodeFailure(description: "node exited with status \(process.terminationStatus)"))
        }
        return .success(output)
    }

    /// The `node` executable on the PATH.
    static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appending(path: "node")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}

/// Why the Node reference could not run.
struct NodeFailure: Error, Sendable, CustomStringConvertible {
    let description: String
}
