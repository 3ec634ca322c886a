import Credsync

/// The variables a command sees: the process environment, overlaid with an `--env-file` when one is given.
struct Variables {
    /// The variables by name.
    let values: [String: String]

    /// Where they came from, for messages: "the environment" or "the environment and FILE".
    let origin: String

    /// Loads the environment and the `--env-file`, if any.
    ///
    /// - Throws: ``CommandError`` with the usage code when the file cannot be read or parsed.
    static func load(_ arguments: ParsedArguments, on terminal: Terminal) throws(CommandError) -> Variables {
        guard let path = arguments.value("env-file") else {
            return Variables(values: terminal.environment, origin: "the environment")
        }
        let file: EnvironmentFile
        do {
            file = try EnvironmentFile.load(path: path)
        } catch {
            throw CommandError(.usage, error.description)
        }
        let values = terminal.environment.merging(file.values) { _, fromFile in fromFile }
        return Variables(values: values, origin: "the environment or \(path)")
    }

    /// The value of the variable an option names, such as `--api-key-env NAME`, when the option is given.
    ///
    /// - Parameters:
    ///   - option: The option's name without dashes.
    ///   - arguments: The parsed arguments.
    /// - Returns: The variable's value, or `nil` when the option is not given.
    /// - Throws: ``CommandError`` with the usage code when the named variable is unset or empty.
    func value(namedBy option: String, in arguments: ParsedArguments) throws(CommandError) -> String? {
        guard let name = arguments.value(option) else {
            return nil
        }
        guard let value = values[name], !value.isEmpty else {
            throw .usage("--\(option): \(name) is not set in \(origin)")
        }
        return value
    }
}
