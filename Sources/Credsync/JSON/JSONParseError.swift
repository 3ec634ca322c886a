/// Why a text is not JSON, and where.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset, in the UTF-8 text, where parsing stopped.
    public let offset: Int

    /// What was wrong there.
    public let reason: String

    public var description: String {
        "\(reason) at byte \(offset)"
    }
}
