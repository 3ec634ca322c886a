/// Why a vector file or folder could not be read, with the file and the JSON path of the problem.
public struct VectorFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The folder or file does not exist or cannot be read.
        public static let unreadable = Code("unreadable")
        /// The folder holds no vector files.
        public static let empty = Code("empty")
        /// The file is not JSON.
        public static let notJSON = Code("not-json")
        /// A property is missing, unexpected, of the wrong type or has a value the schema does not allow.
        public static let structure = Code("structure")
        /// The file's own accounting is wrong: `numberOfTests`, a repeated tcId, a flag without a note.
        public static let bookkeeping = Code("bookkeeping")

        public var description: String { name }
    }

    /// The kind of problem.
    public let code: Code

    /// The file, as a name or path.
    public let file: String

    /// Where in the file, as a JSON path such as `$.testGroups[2].tests[5].envelope`; `$` for the whole file.
    public let path: String

    /// What is wrong.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - file: The file.
    ///   - path: The JSON path.
    ///   - reason: What is wrong.
    public init(_ code: Code, file: String, path: String = "$", _ reason: String) {
        self.code = code
        self.file = file
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "\(file): \(path): \(reason)"
    }
}
