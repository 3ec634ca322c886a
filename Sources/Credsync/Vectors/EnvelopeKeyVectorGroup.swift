/// A group of key-string tests (`EnvelopeKeyTest`).
public struct EnvelopeKeyVectorGroup: Sendable, Codable {
    static let type = "EnvelopeKeyTest"

    /// An end-to-end check of a usable key.
    public struct EnvelopeCheck: Sendable, Codable {
        /// The fixed IV, 32 hex digits.
        public let iv: String
        /// The plaintext.
        public let plaintext: String
        /// The envelope the key must give.
        public let envelope: String
    }

    /// One key test.
    public struct Test: Sendable, Codable {
        /// The test's stable id.
        public let tcId: Int
        /// What it is about.
        public let comment: String
        /// Its flags.
        public let flags: [String]
        /// The key string as configured.
        public let key: String
        /// Its length in UTF-16 code units.
        public let length: Int
        /// The string's UTF-8 bytes in hex, for vectors about the UTF-8 trap.
        public let utf8Hex: String?
        /// The expected key bytes in hex, when Node accepts the key.
        public let keyHex: String?
        /// The key's key-check value, when Node accepts the key.
        public let kcv: String?
        /// The end-to-end check, when Node accepts the key.
        public let envelope: EnvelopeCheck?
        /// The error, when Node refuses the key.
        public let error: EnvelopeError.Code?
        /// Node's error code, when Node refuses the key.
        public let nodeError: String?
        /// The verdict.
        public let result: VectorExpectedResult
    }

    /// Always `EnvelopeKeyTest`.
    public let type: String
    /// What the group is about.
    public let comment: String
    /// The tests.
    public let tests: [Test]
}
