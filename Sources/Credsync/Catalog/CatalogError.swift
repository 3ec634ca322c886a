/// Why a requirement ID could not be read or found.
///
/// Equality looks at the code only. The ``reason`` says precisely what was wrong with the input.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The text is not an uppercase prefix, a hyphen and three digits.
        public static let malformedID = Code("malformed-id")
        /// The prefix names no side.
        public static let unknownPrefix = Code("unknown-prefix")
        /// The ID is well formed but no requirement has it.
        public static let unknownRequirement = Code("unknown-requirement")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code

    /// What went wrong, for a person.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - reason: Detail for a person.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "\(code.name): \(reason)"
    }

    public static func == (lhs: CatalogError, rhs: CatalogError) -> Bool {
        lhs.code == rhs.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
