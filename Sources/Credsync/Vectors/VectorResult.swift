/// The outcome of running one vector against the Swift implementation.
public struct VectorResult: Sendable, Hashable {
    /// The vector file's name, such as `envelope_decrypt.json`.
    public let file: String

    /// The vector's id.
    public let tcId: Int

    /// What the vector is about.
    public let comment: String

    /// The vector's flags.
    public let flags: [String]

    /// What the vector expects, in short. Never holds a key or a plaintext.
    public let expected: String

    /// What the implementation did, in the same form.
    public let observed: String

    /// Each difference between the two; empty when the vector passed.
    public let problems: [String]

    /// Whether the implementation did what the vector expects.
    public var passed: Bool {
        problems.isEmpty
    }

    /// One line for a report: `PASS` or `FAIL`, file, tcId, comment, and the problems.
    public var line: String {
        let head = "\(passed ? "PASS" : "FAIL") \(file) tcId \(tcId) (\(comment))"
        return passed ? head : head + ": " + problems.joined(separator: "; ")
    }
}
