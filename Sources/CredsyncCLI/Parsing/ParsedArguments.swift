/// A command line after parsing: option values, flags and positional arguments.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// The words as given, for re-run commands.
    var words: [String] = []

    /// The last value given for an option.
    func value(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value given for a repeatable option, in order.
    func allValues(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool {
        flags.contains(name)
    }
}
