/// How strictly an envelope's text is read.
public enum EnvelopeDecoding: String, Sendable, Hashable, CaseIterable, Codable {
    /// For grading senders: exactly one `:`, 32 lowercase hex digits of IV, then lowercase hex whose length is a
    /// positive multiple of 32, and nothing else; the plaintext must be valid UTF-8.
    case strict

    /// Accepts and rejects exactly what Cal.com's `symmetricDecrypt` does on Node: either case of hex, an IV cut
    /// at its first non-hex character, junk after a complete ciphertext ignored when the ciphertext text has an
    /// even length, and invalid UTF-8 replaced with U+FFFD.
    case compatible
}
