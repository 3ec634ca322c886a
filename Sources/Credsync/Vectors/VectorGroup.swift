/// A group of tests sharing parameters, one case per group `type`.
public enum VectorGroup: Sendable, Codable {
    /// `AesCbcTest`: raw or padded AES-256-CBC known answers.
    case aes(AESVectorGroup)
    /// `EnvelopeEncryptTest`: envelopes made with fixed IVs.
    case encrypt(EnvelopeEncryptVectorGroup)
    /// `EnvelopeDecryptTest`: envelopes with strict and compatible verdicts.
    case decrypt(EnvelopeDecryptVectorGroup)
    /// `EnvelopeKeyTest`: key strings and the key bytes made of them.
    case key(EnvelopeKeyVectorGroup)
    /// `KeyCheckValueTest`: key-check values.
    case keyCheckValue(KeyCheckValueVectorGroup)

    private enum CodingKeys: String, CodingKey {
        case type
    }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .type)
        switch type {
        case AESVectorGroup.type: self = .aes(try AESVectorGroup(from: decoder))
        case EnvelopeEncryptVectorGroup.type: self = .encrypt(try EnvelopeEncryptVectorGroup(from: decoder))
        case EnvelopeDecryptVectorGroup.type: self = .decrypt(try EnvelopeDecryptVectorGroup(from: decoder))
        case EnvelopeKeyVectorGroup.type: self = .key(try EnvelopeKeyVectorGroup(from: decoder))
        case KeyCheckValueVectorGroup.type: self = .keyCheckValue(try KeyCheckValueVectorGroup(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type,
                in: try decoder.container(keyedBy: CodingKeys.self),
                debugDescription: "unknown group type \(type)"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .aes(let group): try group.encode(to: encoder)
        case .encrypt(let group): try group.encode(to: encoder)
        case .decrypt(let group): try group.encode(to: encoder)
        case .key(let group): try group.encode(to: encoder)
        case .keyCheckValue(let group): try group.encode(to: encoder)
        }
    }

    /// The common fields of every test in the group, in file order.
    public var tests: [VectorTestSummary] {
        switch self {
        case .aes(let group): group.tests.map { VectorTestSummary($0.tcId, $0.comment, $0.flags, $0.result) }
        case .encrypt(let group): group.tests.map { VectorTestSummary($0.tcId, $0.comment, $0.flags, $0.result) }
        case .decrypt(let group): group.tests.map { VectorTestSummary($0.tcId, $0.comment, $0.flags, $0.result) }
        case .key(let group): group.tests.map { VectorTestSummary($0.tcId, $0.comment, $0.flags, $0.result) }
        case .keyCheckValue(let group):
            group.tests.map { VectorTestSummary($0.tcId, $0.comment, $0.flags, $0.result) }
        }
    }
}
