/// One `--name` a command accepts.
struct Option: Sendable {
    /// The name without dashes, such as `key-env`.
    let name: String

    /// The placeholder for its value, such as `NAME`; `nil` for a flag that takes none.
    let valueName: String?

    /// One line of help.
    let help: String

    /// Whether it may be given more than once.
    let repeatable: Bool

    /// A flag: present or not.
    static func flag(_ name: String, help: String) -> Option {
        Option(name: name, valueName: nil, help: help, repeatable: false)
    }

    /// An option with a value.
    static func value(_ name: String, _ valueName: String, help: String, repeatable: Bool = false) -> Option {
        Option(name: name, valueName: valueName, help: help, repeatable: repeatable)
    }

    /// How it reads in help: `--key-env NAME`.
    var synopsis: String {
        valueName.map { "--\(name) \($0)" } ?? "--\(name)"
    }
}
