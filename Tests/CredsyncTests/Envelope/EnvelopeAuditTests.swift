import Credsync
import Testing

/// The envelope's own output requirements, each shown failing against a sealer with its one defect planted.
@Suite("envelope output (ENV-004, ENV-006)")
struct EnvelopeAuditTests {
    static let key = try! EnvelopeKey("0123456789abcdef0123456789abcdef")

    /// A sealer, clean or with one planted defect.
    enum Sealer: String, CaseIterable, Sendable {
        case clean
        case constantIV = "constant-iv"
        case uppercaseOutput = "uppercase-output"

        func seal(_ text: String) throws -> String {
            switch self {
            case .clean:
                return try Envelope.seal(text, key: EnvelopeAuditTests.key)
            case .constantIV:
                return try Envelope.seal(text, key: EnvelopeAuditTests.key, iv: [UInt8](repeating: 7, count: 16))
            case .uppercaseOutput:
                return try Envelope.seal(text, key: EnvelopeAuditTests.key).uppercased()
            }
        }
    }

    static let plaintexts = ["", "x", String(repeating: "a", count: 15), String(repeating: "b", count: 16), "é✓"]

    @Test("ENV-004: every seal draws a fresh IV; a constant-IV sealer is caught", arguments: Sealer.allCases)
    func freshIV(sealer: Sealer) throws {
        let envelopes = try (0..<200).map { try sealer.seal("{\"n\":\($0 % 3)}") }
        let repeated = EnvelopeAudit.repeatedIVs(in: envelopes)
        #expect(repeated.isEmpty == (sealer != .constantIV))
    }

    @Test("ENV-006: output is lowercase hex(iv):hex(ciphertext) of the right length", arguments: Sealer.allCases)
    func canonicalForm(sealer: Sealer) throws {
        for plaintext in Self.plaintexts {
            let problem = EnvelopeAudit.canonicalFormProblem(
                try sealer.seal(plaintext),
                plaintextLength: plaintext.utf8.count
            )
            #expect((problem == nil) == (sealer != .uppercaseOutput), "\(sealer): \(problem ?? "canonical")")
        }
    }

    @Test("the canonical form names a wrong ciphertext length and a malformed text")
    func problems() throws {
        let envelope = try Envelope.seal("hello", key: Self.key)
        #expect(
            EnvelopeAudit.canonicalFormProblem(envelope, plaintextLength: 16)?.contains("a 16-byte plaintext") == true
        )
        #expect(EnvelopeAudit.canonicalFormProblem(envelope + ":")?.hasPrefix("separator") == true)
    }
}
