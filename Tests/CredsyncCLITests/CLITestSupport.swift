import CredsyncCLI
import Foundation

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

/// Runs a Node script with arguments and returns what it printed, or `nil` when Node is not installed.
func node(_ script: String, _ arguments: String...) throws -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    guard
        let executable = path.split(separator: ":").map({ "\($0)/node" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-e", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
