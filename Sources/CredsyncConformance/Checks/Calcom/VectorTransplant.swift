public import Credsync
internal import CredsyncOpenSSL
import Foundation
import Synchronization

/// Carries an envelope decryption vector over to another key, so that a live instance meets exactly the failure
/// the vector describes.
///
/// The instance reads the envelope as Node does: the IV and the ciphertext bytes come from the text, then the
/// blocks are decrypted under its key. A transplant keeps the text as it is and replaces only the hex digits Node
/// reads as ciphertext, with the same raw blocks enciphered under the instance's key (CBC with the same IV). After
/// decryption the instance holds the very bytes the vector's reader held, bad padding, garbage and plaintext
/// alike. Envelopes that fail before decryption (a bad IV, odd-length hex, an empty or unaligned ciphertext) fail
/// the same way under any key and are sent unchanged.
public struct VectorTransplant: Sendable, Hashable {
    /// The vector's id in `envelope_decrypt.json`.
    public let tcId: Int

    /// What the vector is about.
    public let comment: String

    /// Where Node's reading fails: the envelope, or the JSON of its plaintext.
    public let layer: String

    /// The envelope to send, valid only under the instance's key.
    public let envelope: String

    /// The vectors of `envelope_decrypt.json` that Cal.com refuses (its compatible reading, or `JSON.parse` after
    /// it, fails), carried over to a key.
    ///
    /// - Parameter key: The instance's key.
    /// - Returns: One transplant a refused vector, in file order; empty when the bundled file cannot be read.
    public static func refusedVectors(under key: EnvelopeKey) -> [VectorTransplant] {
        if let cached = cache.withLock({ $0[key.bytes] }) {
            return cached
        }
        let transplants = load(under: key)
        cache.withLock { $0[key.bytes] = transplants }
        return transplants
    }

    /// The transplants made so far, by key bytes: reading the vector file costs more than a probe's requests.
    private static let cache = Mutex<[[UInt8]: [VectorTransplant]]>([:])

    private static func load(under key: EnvelopeKey) -> [VectorTransplant] {
        guard let data = BundledFiles.data("vectors/envelope_decrypt.json"),
            let file = try? VectorRunner.load(data, name: "envelope_decrypt.json")
        else {
            return []
        }
        var transplants: [VectorTransplant] = []
        for group in file.vectors.testGroups {
            guard case .decrypt(let group) = group, let groupKey = try? EnvelopeKey(group.key) else {
                continue
            }
            for test in group.tests {
                let layer: String
                if test.compatible.result == .invalid {
                    layer = "envelope"
                } else if test.json?.compatible.result == .invalid {
                    layer = "JSON"
                } else {
                    continue
                }
                let envelope = transplant(test.envelope, from: groupKey, to: key)
                transplants.append(
                    VectorTransplant(tcId: test.tcId, comment: test.comment, layer: layer, envelope: envelope)
                )
            }
        }
        return transplants
    }

    /// Carries one envelope text from one key to another.
    ///
    /// - Parameters:
    ///   - text: The envelope text, possibly malformed.
    ///   - source: The key it was made for.
    ///   - target: The key it is to be read with.
    /// - Returns: The text with its ciphertext digits re-enciphered, or unchanged when Node's reading fails before
    ///   decryption.
    public static func transplant(_ text: String, from source: EnvelopeKey, to target: EnvelopeKey) -> String {
        guard let (iv, ciphertext) = try? Envelope.parse(text, decoding: .compatible), !ciphertext.isEmpty,
            ciphertext.count % AES256CBC.blockLength == 0,
            let raw = try? AES256CBC.decrypt(ciphertext, key: source.bytes, iv: iv, padding: false),
            let padded = try? AES256CBC.encrypt(raw, key: target.bytes, iv: iv)
        else {
            return text
        }
        // CBC: the first n blocks of the padded encryption are the raw encryption of the n blocks.
        let enciphered = Array(padded.prefix(raw.count))
        var units = Array(text.utf16)
        guard let colon = units.firstIndex(of: UInt16(UInt8(ascii: ":"))) else {
            return text
        }
        let start = colon + 1
        let digits = Array(Hex.encode(enciphered).utf16)
        guard start + digits.count <= units.count else {
            return text
        }
        units.replaceSubrange(start..<(start + digits.count), with: digits)
        return String(decoding: units, as: UTF16.self)
    }
}
