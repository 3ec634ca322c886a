import Credsync

/// Finds the envelope key the way every command does: from `CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY`, another
/// variable named with `--key-env`, or an `--env-file`; never from the command line itself.
enum KeySource {
    /// The options that choose where the key comes from.
    static let options: [Option] = [
        .value(
            "key-env",
            "NAME",
            help: "Read the key from this variable (default \(Edition.keyVariable))."
        ),
        .value("env-file", "FILE", help: "Read variables from this .env file; its values win over the environment."),
    ]

    /// Resolves the key.
    ///
    /// - Parameters:
    ///   - arguments: The parsed arguments, for `--key-env` and `--env-file`.
    ///   - terminal: The terminal, for its environment.
    /// - Returns: The key.
    /// - Throws: ``CommandError``: usage when the variable is missing, failure when its value is not a valid key.
    static func key(_ arguments: ParsedArguments, on terminal: Terminal) throws(CommandError) -> EnvelopeKey {
        let name = arguments.value("key-env") ?? Edition.keyVariable
        let variables = try Variables.load(arguments, on: terminal)
        guard let value = variables.values[name] else {
            throw CommandError(
                .usage,
                "\(name) is not set in \(variables.origin); set it, name another variable with --key-env, or pass"
                    + " --env-file"
            )
        }
        do {
            return try EnvelopeKey(value)
        } catch {
            throw CommandError(.failure, "\(name): \(error.code.name): \(error.reason)")
        }
    }
}
