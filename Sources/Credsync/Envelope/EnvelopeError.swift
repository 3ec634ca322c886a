/// Why an envelope could not be made or opened.
///
/// Each failure has its own ``Code``; equality looks at the code only, so tests can compare with a freshly made
/// error. The ``reason`` adds detail and never holds a key, a secret or plaintext.
public struct EnvelopeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible, Codable {
        /// The stable name of the code, used in vectors and reports.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The key is not exactly 32 latin1 characters.
        public static let keyLength = Code("key-length")
        /// The text has no `:`, or (strict decoding) more than one.
        public static let separator = Code("separator")
        /// The IV does not give 16 bytes.
        public static let invalidIV = Code("invalid-iv")
        /// (Strict decoding) a character that is not a hex digit.
        public static let nonHexCharacter = Code("non-hex-character")
        /// (Strict decoding) an uppercase hex digit.
        public static let uppercaseHex = Code("uppercase-hex")
        /// The ciphertext hex has an odd length, which Node refuses outright.
        public static let oddHexLength = Code("odd-hex-length")
        /// The ciphertext is empty or not a whole number of 16-byte blocks.
        public static let wrongFinalBlockLength = Code("wrong-final-block-length")
        /// The last block's padding is invalid: a wrong key or a damaged ciphertext.
        public static let badDecrypt = Code("bad-decrypt")
        /// (Strict decoding) the plaintext is not valid UTF-8.
        public static let plaintextNotUTF8 = Code("plaintext-not-utf8")
        /// The plaintext is not JSON.
        public static let plaintextNotJSON = Code("plaintext-not-json")
        /// The plaintext is JSON but not an object.
        public static let plaintextNotObject = Code("plaintext-not-object")
        /// The IV given for encryption is not 16 bytes.
        public static let ivLength = Code("iv-length")
        /// The system's random generator failed.
        public static let randomUnavailable = Code("random-unavailable")

        /// Every code, in a stable order.
        public static let all: [Code] = [
            keyLength, separator, invalidIV, nonHexCharacter, uppercaseHex, oddHexLength, wrongFinalBlockLength,
            badDecrypt, plaintextNotUTF8, plaintextNotJSON, plaintextNotObject, ivLength, randomUnavailable,
        ]

        /// Finds a code by its name.
        ///
        /// - Parameter name: A name such as `bad-decrypt`.
        public init?(named name: String) {
            guard let code = Self.all.first(where: { $0.name == name }) else {
                return nil
            }
            self = code
        }

        public init(from decoder: any Decoder) throws {
            let name = try decoder.singleValueContainer().decode(String.self)
            guard let code = Code(named: name) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown code \(name)")
                )
            }
            self = code
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }

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
    ///   - reason: Detail for a person; never a key, secret or plaintext.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "\(code.name): \(reason)"
    }

    public static func == (lhs: EnvelopeError, rhs: EnvelopeError) -> Bool {
        lhs.code == rhs.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
