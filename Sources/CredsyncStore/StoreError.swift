/// Why the credential store failed.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The database file could not be opened or created.
        public static let open = Code("open")
        /// A statement failed.
        public static let statement = Code("statement")
        /// The file is not a credsync store, or has another schema version.
        public static let schema = Code("schema")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code

    /// SQLite's message and what was being done.
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "\(code): \(reason)"
    }

    public static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.code == rhs.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
