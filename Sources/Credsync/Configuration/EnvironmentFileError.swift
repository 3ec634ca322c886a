/// Why a `.env` file could not be read or parsed.
///
/// Equality looks at the code and the line only, so tests can compare with a freshly made error. The reason
/// never holds a value from the file.
public struct EnvironmentFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The file does not exist, is a folder, or cannot be read.
        public static let unreadable = Code("unreadable")
        /// The file is not UTF-8 text.
        public static let notUTF8 = Code("not-utf8")
        /// A line holds a name that is not letters, digits, `_`, `.` and `-`, such as one with a space.
        public static let invalidName = Code("invalid-name")
        /// A line holds a name with no `=` after it.
        public static let missingEquals = Code("missing-equals")
        /// A quoted value has no closing quote before the end of the file.
        public static let unterminatedQuote = Code("unterminated-quote")
        /// Something other than a comment follows a quoted value's closing quote.
        public static let textAfterQuote = Code("text-after-quote")

        /// Every code, in a stable order.
        public static let all: [Code] = [
            unreadable, notUTF8, invalidName, missingEquals, unterminatedQuote, textAfterQuote,
        ]

        /// Finds a code by its name.
        ///
        /// - Parameter name: A name such as `missing-equals`.
        public init?(named name: String) {
            guard let code = Self.all.first(where: { $0.name == name }) else {
                return nil
            }
            self = code
        }

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code

    /// The 1-based line where the problem starts, or `nil` for a whole-file problem.
    public let line: Int?

    /// The 1-based column (in characters) where the problem starts, or `nil`.
    public let column: Int?

    /// What went wrong, for a person; never a value from the file.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - line: The 1-based line, or `nil`.
    ///   - column: The 1-based column, or `nil`.
    ///   - reason: Detail for a person.
    public init(_ code: Code, line: Int? = nil, column: Int? = nil, _ reason: String) {
        self.code = code
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        let place = line.map { line in "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " } ?? ""
        return "\(code.name): \(place)\(reason)"
    }

    public static func == (lhs: EnvironmentFileError, rhs: EnvironmentFileError) -> Bool {
        lhs.code == rhs.code && lhs.line == rhs.line
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(line)
    }
}
