/// The status `credsync` exits with; CI jobs read it.
public struct ExitCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Everything ran and everything conformed.
    public static let success = ExitCode(rawValue: 0)
    /// A requirement failed, or a crypto or parse operation failed.
    public static let failure = ExitCode(rawValue: 1)
    /// The command line or the configuration is wrong, or the selection runs nothing.
    public static let usage = ExitCode(rawValue: 2)
    /// The counterpart could not be tested: timeout, connection, TLS.
    public static let couldNotTest = ExitCode(rawValue: 3)

    public var description: String {
        String(rawValue)
    }
}
