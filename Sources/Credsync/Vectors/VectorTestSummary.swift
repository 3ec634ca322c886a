/// The fields every test has, whatever its group type.
public struct VectorTestSummary: Sendable, Hashable {
    /// The test's id, unique in its file and stable across releases.
    public let tcId: Int

    /// What the test is about.
    public let comment: String

    /// Its flags, each explained in the file's notes.
    public let flags: [String]

    /// Its overall verdict.
    public let result: VectorExpectedResult

    init(_ tcId: Int, _ comment: String, _ flags: [String], _ result: VectorExpectedResult) {
        self.tcId = tcId
        self.comment = comment
        self.flags = flags
        self.result = result
    }
}
