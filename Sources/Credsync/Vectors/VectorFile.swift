/// One vector file: its header, the notes that explain its flags, and its groups of tests.
public struct VectorFile: Sendable, Codable {
    /// The schema identifier, `credsync-vectors/1`.
    public let schema: String

    /// What the vectors exercise.
    public let algorithm: String

    /// The data version of the file; tcIds stay the same across versions.
    public let version: String

    /// How many tests the file holds, so a harness can prove it ran them all.
    public let numberOfTests: Int

    /// Free text about the file.
    public let header: [String]

    /// The meaning of every flag the tests use.
    public let notes: [String: VectorNote]

    /// The groups of tests.
    public let testGroups: [VectorGroup]

    /// The schema identifier this version of the library reads.
    public static let schemaIdentifier = "credsync-vectors/1"
}
