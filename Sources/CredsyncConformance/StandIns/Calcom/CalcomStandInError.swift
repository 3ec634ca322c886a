/// Why a stand-in Cal.com could not be set up or started.
public struct CalcomStandInError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// The users or apps could not be read.
        case seed
        /// The credential database could not be opened.
        case store
        /// The server could not listen.
        case listen
    }

    /// What went wrong.
    public let code: Code

    /// For a person; never a secret, key or token.
    public let reason: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - reason: For a person.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "\(code.rawValue): \(reason)"
    }
}
