/// A group of AES-256-CBC known-answer tests (`AesCbcTest`).
public struct AESVectorGroup: Sendable, Codable {
    static let type = "AesCbcTest"

    /// Where a test is checked from.
    public enum Direction: String, Sendable, Codable {
        /// Encrypting `msg` must give `ct`.
        case encrypt
        /// Decrypting `ct` must give `msg`.
        case decrypt
        /// Both.
        case both
    }

    /// The padding of a group.
    public enum Padding: String, Sendable, Codable {
        /// Raw blocks, as `openssl enc -nopad`.
        case none
        /// PKCS#7, as Node's `aes256`.
        case pkcs7
    }

    /// Where the values come from.
    public struct Source: Sendable, Codable {
        /// The source's name.
        public let name: String
        /// Its version or section.
        public let version: String
    }

    /// One known-answer test.
    public struct Test: Sendable, Codable {
        /// The test's stable id.
        public let tcId: Int
        /// What it is about.
        public let comment: String
        /// Its flags.
        public let flags: [String]
        /// The key, 64 hex digits.
        public let key: String
        /// The IV, 32 hex digits.
        public let iv: String
        /// The plaintext in hex.
        public let msg: String
        /// The ciphertext in hex.
        public let ct: String
        /// The verdict.
        public let result: VectorExpectedResult
    }

    /// Always `AesCbcTest`.
    public let type: String
    /// Where the values come from.
    public let source: Source
    /// The key size in bits, 256.
    public let keySize: Int
    /// The IV size in bits, 128.
    public let ivSize: Int
    /// The padding.
    public let padding: Padding
    /// Which way the tests are checked.
    public let direction: Direction
    /// The tests.
    public let tests: [Test]
}
