/// Parses `--name value`, `--name=value`, flags, positionals and `--`, and refuses everything else with a
/// suggestion.
enum ArgumentParser {
    /// Options every command accepts.
    static let commonOptions: [Option] = [
        .flag("help", help: "Show this help."),
        .flag("quiet", help: "Print only errors and the final summary."),
        .flag("no-color", help: "Never colour the output (also: the NO_COLOR variable)."),
    ]

    /// Parses a command's arguments.
    ///
    /// - Parameters:
    ///   - arguments: The words after the command's name.
    ///   - options: The options the command accepts besides the common ones.
    ///   - positionals: How many positional arguments it accepts at most.
    /// - Returns: The parsed arguments.
    /// - Throws: ``CommandError`` with the usage exit code.
    static func parse(
        _ arguments: [String],
        options: [Option],
        positionals: Int
    ) throws(CommandError) -> ParsedArguments {
        let known = options + commonOptions
        var parsed = ParsedArguments()
        parsed.words = arguments
        var index = 0
        var onlyPositionals = false

        while index < arguments.count {
            let word = arguments[index]
            index += 1

            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            if word == "-h" {
                parsed.flags.insert("help")
                continue
            }
            guard word.hasPrefix("--") else {
                throw .usage("unknown option '\(word)'\(suggestion(for: word, among: known))")
            }

            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = known.first(where: { $0.name == name }) else {
                throw .usage("unknown option '--\(name)'\(suggestion(for: name, among: known))")
            }

            guard let valueName = option.valueName else {
                if inlineValue != nil {
                    throw .usage("option '--\(name)' takes no value")
                }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw .usage("option '--\(name)' needs a value: --\(name) \(valueName)")
                }
                value = arguments[index]
                index += 1
            }
            if !option.repeatable, parsed.values[name] != nil {
                throw .usage("option '--\(name)' is given twice")
            }
            parsed.values[name, default: []].append(value)
        }

        if parsed.positionals.count > positionals, !parsed.flag("help") {
            let extra = parsed.positionals[positionals]
            throw .usage("unexpected argument '\(extra)'")
        }
        return parsed
    }

    /// A ", did you mean …?" hint for a mistyped option, or nothing.
    static func suggestion(for word: String, among options: [Option]) -> String {
        let bare = String(word.drop { $0 == "-" })
        let names = options.map(\.name)
        guard let best = Spelling.closest(to: bare, among: names) else {
            return ""
        }
        return "; did you mean '--\(best)'?"
    }
}
