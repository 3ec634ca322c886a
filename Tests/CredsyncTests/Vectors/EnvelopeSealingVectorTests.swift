import Credsync
import Testing

@Suite("Sealing against the encryption vectors")
struct EnvelopeSealingVectorTests {
    struct Sealing: Sendable, CustomTestStringConvertible {
        let key: String
        let test: EnvelopeEncryptVectorGroup.Test
        var testDescription: String { "tcId \(test.tcId): \(test.comment)" }
    }

    static let sealings: [Sealing] = BundledVectors.files
        .filter { $0.name == "envelope_encrypt.json" }
        .flatMap(\.vectors.testGroups)
        .flatMap { group -> [Sealing] in
            guard case .encrypt(let group) = group else {
                return []
            }
            return group.tests.map { Sealing(key: group.key, test: $0) }
        }

    @Test("sealing with the fixed IV gives the vector's envelope", arguments: sealings)
    func fixedIVSealing(_ sealing: Sealing) throws {
        let key = try EnvelopeKey(sealing.key)
        let iv = try #require(Hex.decode(sealing.test.iv))
        #expect(try Envelope.seal(sealing.test.plaintext, key: key, iv: iv) == sealing.test.envelope)
        let bytes = try #require(Hex.decode(sealing.test.plaintextHex))
        #expect(try Envelope.seal(bytes, key: key, iv: iv) == sealing.test.envelope)
    }

    @Test("there are encryption vectors to seal")
    func sealingsExist() {
        #expect(Self.sealings.count >= 30)
    }

    @Test("random sealing never repeats an IV over 1,000 seals, and each opens again")
    func randomIVsDoNotRepeat() throws {
        let key = try EnvelopeKey("credsync-vectors-ascii-key-00001")
        var ivs: Set<String> = []
        for index in 0..<1_000 {
            let plaintext = "{\"n\":\(index)}"
            let envelope = try Envelope.seal(plaintext, key: key)
            let iv = try #require(envelope.split(separator: ":").first)
            #expect(iv.count == 32)
            ivs.insert(String(iv))
            #expect(try Envelope.openText(envelope, key: key) == plaintext)
        }
        #expect(ivs.count == 1_000)
    }
}
