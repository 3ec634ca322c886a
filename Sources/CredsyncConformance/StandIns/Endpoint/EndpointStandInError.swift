/// Why the sync endpoint stand-in cannot be configured or started.
public struct EndpointStandInError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable name.
    public enum Code: String, Sendable, Hashable {
        /// A `--defect` name is not one of ``EndpointDefect``'s.
        case unknownDefect = "unknown-defect"
        /// A grant is not `USER:APP` with a positive decimal user id and a non-empty slug.
        case badGrant = "bad-grant"
        /// A seed file cannot be read or is not the documented JSON.
        case badSeed = "bad-seed"
        /// An option is out of range or contradicts another.
        case badOption = "bad-option"
        /// The listener could not be opened.
        case bind = "bind"
    }

    /// The stable code.
    public let code: Code

    /// What is wrong, precisely; never a secret.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: The code.
    ///   - reason: What is wrong.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "\(code.rawValue): \(reason)"
    }
}
