/// A vector file that was read and checked, with its runnable cases.
public struct LoadedVectorFile: Sendable {
    /// The file's name, such as `envelope_decrypt.json`.
    public let name: String

    /// The decoded file.
    public let vectors: VectorFile

    /// One case for each test, in file order.
    public let cases: [VectorCase]
}
