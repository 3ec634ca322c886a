/// A failure a command reports as one line on standard error, with the exit code it implies.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    /// The exit code.
    public let exitCode: ExitCode

    /// The line to print, without the program name.
    public let message: String

    /// Whether to follow the message with a pointer to `--help`.
    public let suggestHelp: Bool

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - exitCode: The exit code.
    ///   - message: The line to print; never a key, secret or token.
    ///   - suggestHelp: Whether to point at `--help`.
    public init(_ exitCode: ExitCode, _ message: String, suggestHelp: Bool = false) {
        self.exitCode = exitCode
        self.message = message
        self.suggestHelp = suggestHelp
    }

    /// A usage error: exit code 2, with a pointer to `--help`.
    static func usage(_ message: String) -> CommandError {
        CommandError(.usage, message, suggestHelp: true)
    }

    public var description: String {
        message
    }
}
