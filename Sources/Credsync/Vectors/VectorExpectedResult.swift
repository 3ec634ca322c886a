/// A vector's overall verdict, as in Wycheproof.
public enum VectorExpectedResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// A correct implementation must accept the input and give the expected output.
    case valid

    /// A correct implementation must refuse the input, or (for key-check values) must not give the listed output.
    case invalid

    /// Cal.com accepts the input but a careful sender must not produce it: strict grading refuses it, compatible
    /// reading (what Cal.com does) accepts it.
    case acceptable
}
