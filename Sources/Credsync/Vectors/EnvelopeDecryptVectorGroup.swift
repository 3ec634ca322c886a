/// A group of envelope decryption tests under one key (`EnvelopeDecryptTest`).
public struct EnvelopeDecryptVectorGroup: Sendable, Codable {
    static let type = "EnvelopeDecryptTest"

    /// What one way of reading an envelope must do with it.
    public struct Verdict: Sendable, Codable, Hashable, CustomStringConvertible {
        /// Whether the reading succeeds.
        public enum Outcome: String, Sendable, Codable {
            /// It succeeds.
            case valid
            /// It fails.
            case invalid
        }

        /// Whether the reading succeeds.
        public let result: Outcome
        /// The error it fails with.
        public let error: EnvelopeError.Code?
        /// The error Node throws (its `code`, or `SyntaxError` for `JSON.parse`), for compatible verdicts.
        public let nodeError: String?

        public var description: String {
            result == .valid ? "valid" : "invalid (\(error?.name ?? "no code"))"
        }
    }

    /// The verdicts after `JSON.parse`.
    public struct JSONVerdicts: Sendable, Codable {
        /// Strict: the plaintext must be a JSON object.
        public let strict: Verdict
        /// Compatible: whatever `JSON.parse` accepts.
        public let compatible: Verdict
        /// `JSON.stringify` of the parsed value, when compatible parsing succeeds.
        public let serialized: String?
    }

    /// One decryption test.
    public struct Test: Sendable, Codable {
        /// The test's stable id.
        public let tcId: Int
        /// What it is about.
        public let comment: String
        /// Its flags.
        public let flags: [String]
        /// The envelope text.
        public let envelope: String
        /// The strict verdict for decryption to text.
        public let strict: Verdict
        /// The compatible verdict for decryption to text (what Cal.com does).
        public let compatible: Verdict
        /// The decrypted bytes in hex, when the padding is valid.
        public let plaintextHex: String?
        /// The decrypted text as Node decodes it (invalid UTF-8 as U+FFFD), when compatible decryption succeeds.
        public let plaintext: String?
        /// The verdicts after `JSON.parse`, when the vector is about the JSON layer.
        public let json: JSONVerdicts?
        /// The verdict.
        public let result: VectorExpectedResult
    }

    /// Always `EnvelopeDecryptTest`.
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
