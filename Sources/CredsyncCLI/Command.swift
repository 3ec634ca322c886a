/// One `credsync` subcommand, or a group of them.
protocol Command: Sendable {
    /// The word that selects it, such as `encrypt`.
    var name: String { get }

    /// One line for the command list.
    var summary: String { get }

    /// The synopsis, such as `credsync encrypt [--iv HEX]`.
    var usage: String { get }

    /// Paragraphs explaining what it does, its input and output, and its exit codes.
    var discussion: String { get }

    /// Command lines to copy, each with a comment line before it.
    var examples: [String] { get }

    /// The options it accepts besides `--help`, `--quiet` and `--no-color`.
    var options: [Option] { get }

    /// How many positional arguments it accepts.
    var positionals: Int { get }

    /// Its subcommands; a group has some and runs none itself.
    var subcommands: [any Command] { get }

    /// Runs it.
    ///
    /// - Parameters:
    ///   - arguments: The parsed arguments.
    ///   - terminal: Where to read and write.
    /// - Returns: The exit code.
    /// - Throws: ``CommandError`` for a failure to report in one line.
    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode
}

extension Command {
    var discussion: String { "" }
    var examples: [String] { [] }
    var options: [Option] { [] }
    var positionals: Int { 0 }
    var subcommands: [any Command] { [] }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        terminal.writeOutput(HelpRenderer.help(for: self))
        return .success
    }
}
