/// Renders a command's `--help`.
enum HelpRenderer {
    /// The full help text of a command.
    static func help(for command: any Command) -> String {
        var text = "OVERVIEW: \(command.summary)\n\nUSAGE: \(command.usage)\n"

        if !command.discussion.isEmpty {
            text += "\n" + command.discussion.trimmingTrailingNewlines() + "\n"
        }
        if !command.subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            let width = (command.subcommands.map(\.name.count).max() ?? 0) + 2
            for subcommand in command.subcommands {
                text += "  " + subcommand.name.padded(to: width) + subcommand.summary + "\n"
            }
        }

        let options = command.options + ArgumentParser.commonOptions
        text += "\nOPTIONS:\n"
        let width = min(28, (options.map(\.synopsis.count).max() ?? 0) + 2)
        for option in options {
            let synopsis = option.synopsis
            if synopsis.count + 2 > width {
                text += "  \(synopsis)\n" + String(repeating: " ", count: width + 2) + option.help + "\n"
            } else {
                text += "  " + synopsis.padded(to: width) + option.help + "\n"
            }
        }

        if !command.examples.isEmpty {
            text += "\nEXAMPLES:\n"
            for example in command.examples {
                text +=
                    example.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "  " + $0 }
                    .joined(separator: "\n") + "\n"
            }
        }
        return text
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.hasSuffix("\n") {
            copy.removeLast()
        }
        return copy
    }
}
