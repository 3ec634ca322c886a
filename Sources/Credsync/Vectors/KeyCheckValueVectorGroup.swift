/// A group of key-check value tests (`KeyCheckValueTest`).
public struct KeyCheckValueVectorGroup: Sendable, Codable {
    static let type = "KeyCheckValueTest"

    /// How the fingerprinted bytes are made.
    public enum Input: String, Sendable, Codable {
        /// `bytesHex`, decoded: ``KeyCheckValue/init(bytes:)``.
        case bytes
        /// The UTF-8 bytes of `secret`: ``KeyCheckValue/init(secret:)``.
        case secret
        /// The latin1 bytes of `key`: ``EnvelopeKey/keyCheckValue``.
        case envelopeKey
    }

    /// One key-check value test.
    public struct Test: Sendable, Codable {
        /// The test's stable id.
        public let tcId: Int
        /// What it is about.
        public let comment: String
        /// Its flags.
        public let flags: [String]
        /// How the bytes are made.
        public let input: Input
        /// The bytes in hex, for `bytes`.
        public let bytesHex: String?
        /// The secret, for `secret`.
        public let secret: String?
        /// The key string, for `envelopeKey`.
        public let key: String?
        /// The value, `kcv:` and 12 hex digits; it must match when valid and must not when invalid.
        public let kcv: String
        /// The verdict.
        public let result: VectorExpectedResult
    }

    /// Always `KeyCheckValueTest`.
    public let type: String
    /// What the group is about.
    public let comment: String
    /// The tests.
    public let tests: [Test]
}
