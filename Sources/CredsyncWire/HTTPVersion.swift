/// An HTTP/1.x protocol version.
public struct HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    /// The major number, 1 for every version the wire speaks.
    public var major: Int

    /// The minor number.
    public var minor: Int

    /// Makes a version.
    ///
    /// - Parameters:
    ///   - major: The major number.
    ///   - minor: The minor number.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// HTTP/1.1, what the wire sends.
    public static let http11 = HTTPVersion(major: 1, minor: 1)

    /// HTTP/1.0.
    public static let http10 = HTTPVersion(major: 1, minor: 0)

    /// The request and status line token, `HTTP/1.1`.
    public var description: String {
        "HTTP/\(major).\(minor)"
    }
}
