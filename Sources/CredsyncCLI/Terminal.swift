public import Foundation
import Synchronization

/// Where a command reads its input and environment and writes its output.
///
/// The process terminal writes to the real standard streams; tests use ``capturing(environment:input:)`` to run a
/// command in-process and read what it printed.
public struct Terminal: Sendable {
    /// The environment variables the command sees.
    public let environment: [String: String]

    /// Reads all of standard input.
    public let readInput: @Sendable () -> Data

    /// Writes to standard output.
    public let writeOutput: @Sendable (String) -> Void

    /// Writes to standard error.
    public let writeError: @Sendable (String) -> Void

    /// Whether standard output is a terminal, where colour and progress lines make sense.
    public let isInteractive: Bool

    /// Makes a terminal from its parts.
    ///
    /// - Parameters:
    ///   - environment: The environment variables.
    ///   - readInput: Reads all of standard input.
    ///   - writeOutput: Writes to standard output.
    ///   - writeError: Writes to standard error.
    ///   - isInteractive: Whether standard output is a terminal.
    public init(
        environment: [String: String],
        readInput: @escaping @Sendable () -> Data,
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        isInteractive: Bool
    ) {
        self.environment = environment
        self.readInput = readInput
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.isInteractive = isInteractive
    }

    /// The process's own standard streams and environment.
    public static var process: Terminal {
        Terminal(
            environment: ProcessInfo.processInfo.environment,
            readInput: { FileHandle.standardInput.readDataToEndOfFile() },
            writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            isInteractive: isatty(STDOUT_FILENO) == 1
        )
    }

    /// A terminal that records what is written, for tests.
    ///
    /// - Parameters:
    ///   - environment: The environment variables the command sees.
    ///   - input: What standard input holds.
    /// - Returns: The terminal and the recorder of its output.
    public static func capturing(
        environment: [String: String] = [:],
        input: Data = Data()
    ) -> (terminal: Terminal, output: CapturedOutput) {
        let output = CapturedOutput()
        let terminal = Terminal(
            environment: environment,
            readInput: { input },
            writeOutput: { output.append(standardOutput: $0) },
            writeError: { output.append(standardError: $0) },
            isInteractive: false
        )
        return (terminal, output)
    }

    /// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set.
    func usesColor(disabledByFlag: Bool) -> Bool {
        isInteractive && !disabledByFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// What a captured terminal received.
public final class CapturedOutput: Sendable {
    private let streams = Mutex<(output: String, error: String)>(("", ""))

    /// Everything written to standard output.
    public var standardOutput: String {
        streams.withLock { $0.output }
    }

    /// Everything written to standard error.
    public var standardError: String {
        streams.withLock { $0.error }
    }

    func append(standardOutput text: String) {
        streams.withLock { $0.output += text }
    }

    func append(standardError text: String) {
        streams.withLock { $0.error += text }
    }
}
