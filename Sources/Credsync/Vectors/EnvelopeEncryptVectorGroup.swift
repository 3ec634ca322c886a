/// A group of envelope encryption tests under one key (`EnvelopeEncryptTest`).
public struct EnvelopeEncryptVectorGroup: Sendable, Codable {
    static let type = "EnvelopeEncryptTest"

    /// One encryption test.
    public struct Test: Sendable, Codable {
        /// The test's stable id.
        public let tcId: Int
        /// What it is about.
        public let comment: String
        /// Its flags.
        public let flags: [String]
        /// The fixed IV, 32 hex digits.
        public let iv: String
        /// The plaintext.
        public let plaintext: String
        /// The plaintext's UTF-8 bytes in hex.
        public let plaintextHex: String
        /// The envelope the key, IV and plaintext must give.
        public let envelope: String
        /// The verdict.
        public let result: VectorExpectedResult
    }

    /// Always `EnvelopeEncryptTest`.
    public let type: String
    /// What the group is about.
    public let comment: String
    /// The key string, converted as latin1.
    public let key: String
    /// The key's bytes in hex.
    public let keyHex: String
    /// The tests.
    public let tests: [Test]
}
