/// The `credsync` program: finds the subcommand, parses its flags and runs it.
public enum CommandLineTool {
    /// The version printed by `credsync --version`.
    public static let version = "0.1.0"

    /// The root command and its tree of subcommands.
    static let root = RootCommand()

    /// Runs a command line.
    ///
    /// - Parameters:
    ///   - arguments: The words after the program name.
    ///   - terminal: Where to read and write.
    /// - Returns: The exit code.
    public static func run(_ arguments: [String], on terminal: Terminal) async -> ExitCode {
        var command: any Command = root
        var path = ["credsync"]
        var remaining = arguments[...]

        while let word = remaining.first, !command.subcommands.isEmpty, !word.hasPrefix("-") {
            guard let subcommand = command.subcommands.first(where: { $0.name == word }) else {
                let names = command.subcommands.map(\.name)
                let hint = Spelling.closest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
                return report(
                    .usage("unknown command '\(word)'\(hint)"),
                    path: path,
                    on: terminal
                )
            }
            command = subcommand
            path.append(word)
            remaining = remaining.dropFirst()
        }

        if command is RootCommand, remaining.first == "--version" {
            terminal.writeOutput("credsync \(version)\n")
            return .success
        }

        do {
            let parsed = try ArgumentParser.parse(
                Array(remaining),
                options: command.options,
                positionals: command.positionals
            )
            if parsed.flag("help") {
                terminal.writeOutput(HelpRenderer.help(for: command))
                return .success
            }
            if !command.subcommands.isEmpty, parsed.positionals.isEmpty, remaining.isEmpty, !(command is RootCommand) {
                terminal.writeOutput(HelpRenderer.help(for: command))
                return .usage
            }
            return try await command.run(parsed, on: terminal)
        } catch {
            return report(error, path: path, on: terminal)
        }
    }

    private static func report(_ error: CommandError, path: [String], on terminal: Terminal) -> ExitCode {
        let program = path.joined(separator: " ")
        terminal.writeError("\(program): \(error.message)\n")
        if error.suggestHelp {
            terminal.writeError("See '\(program) --help'.\n")
        }
        return error.exitCode
    }
}
