import CredsyncCLI
import Foundation
import Synchronization
import Testing

/// What one in-process run of `credsync` printed and returned.
struct CLIRun {
    let exitCode: ExitCode
    let standardOutput: String
    let standardError: String

    /// Everything the run printed, for leak checks.
    var allOutput: String {
        standardOutput + standardError
    }
}

/// Runs `credsync` in-process with the given words, environment and standard input.
func credsync(_ arguments: String..., environment: [String: String] = [:], input: String = "") async -> CLIRun {
    let (terminal, output) = Terminal.capturing(environment: environment, input: Data(input.utf8))
    let exitCode = await CommandLineTool.run(arguments, on: terminal)
    return CLIRun(exitCode: exitCode, standardOutput: output.standardOutput, standardError: output.standardError)
}

/// The `node` executable on the PATH, if any.
var nodeExecutable: String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map({ "\($0)/node" })
        .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
}

/// Runs a Node script with arguments and returns what it printed; a test that needs Node fails without it.
func node(_ script: String, _ arguments: String...) async throws -> String {
    let executable = try #require(nodeExecutable, "these tests need Node 20 on the PATH")
    return try await runProgram(executable, ["-e", script] + arguments)
}

/// What a child process has printed so far.
final class ProgramOutput: Sendable {
    private let data = Mutex(Data())

    /// Standard output so far, as text.
    var text: String {
        data.withLock { String(decoding: $0, as: UTF8.self) }
    }

    fileprivate func append(_ chunk: Data) {
        data.withLock { $0 += chunk }
    }
}

/// Runs a program and returns its standard output; kills it after 30 s.
///
/// Reading the output and waiting for the exit block, so they happen on a thread of their own: a blocked thread of
/// Swift's cooperative pool (one per core) would stall every other test's I/O and turn prompt answers into timeouts.
/// `then` runs once the program has started, with what it has printed so far.
func runProgram(
    _ executable: String,
    _ arguments: [String],
    then: (@Sendable (Process, ProgramOutput) -> Void)? = nil
) async throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    let output = ProgramOutput()
    try process.run()
    then?(process, output)

    let watchdog = Task {
        try await Task.sleep(for: .seconds(30))
        process.terminate()
    }
    defer { watchdog.cancel() }
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let thread = Thread {
            let handle = pipe.fileHandleForReading
            while case let chunk = handle.availableData, !chunk.isEmpty {
                output.append(chunk)
            }
            process.waitUntilExit()
            continuation.resume()
        }
        thread.start()
    }
    return output.text
}
