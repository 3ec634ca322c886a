/// Checks on envelopes as a sender writes them: the canonical form Cal.com's `symmetricEncrypt` produces, and IVs
/// that are never reused.
public enum EnvelopeAudit {
    /// The IVs, as hex, that appear in more than one of the envelopes.
    ///
    /// - Parameter envelopes: Envelope texts; ones without a readable IV are ignored.
    /// - Returns: Each repeated IV once, in order of first repetition.
    public static func repeatedIVs(in envelopes: [String]) -> [String] {
        var seen: Set<String> = []
        var repeated: [String] = []
        for envelope in envelopes {
            guard let iv = envelope.split(separator: ":", maxSplits: 1).first.map({ $0.lowercased() }) else {
                continue
            }
            if !seen.insert(iv).inserted, !repeated.contains(iv) {
                repeated.append(iv)
            }
        }
        return repeated
    }

    /// Why an envelope is not exactly what Cal.com writes, or `nil` when it is.
    ///
    /// Cal.com writes 32 lowercase hex digits of IV, one `:`, and 32 × ⌈(n + 1) / 16⌉ lowercase hex digits of
    /// ciphertext for an n-byte plaintext.
    ///
    /// - Parameters:
    ///   - envelope: The envelope text.
    ///   - plaintextLength: The plaintext's length in bytes, when known, to check the ciphertext's length too.
    /// - Returns: The first problem, or `nil`.
    public static func canonicalFormProblem(_ envelope: String, plaintextLength: Int? = nil) -> String? {
        do {
            let (_, ciphertext) = try Envelope.parse(envelope, decoding: .strict)
            if let length = plaintextLength {
                let expected = 16 * (length / 16 + 1)
                if ciphertext.count != expected {
                    return "the ciphertext is \(ciphertext.count) bytes; a \(length)-byte plaintext gives \(expected)"
                }
            }
            return nil
        } catch {
            return "\(error.code.name): \(error.reason)"
        }
    }
}
