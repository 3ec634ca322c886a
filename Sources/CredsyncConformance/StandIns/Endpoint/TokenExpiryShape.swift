/// How the sync endpoint stand-in states a token's expiry.
public enum TokenExpiryShape: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// `expiry_date`: absolute, epoch milliseconds.
    case milliseconds = "ms"
    /// `expires_in`: seconds from now.
    case secondsIn = "seconds-in"
    /// Neither; Cal.com then assumes 365 days (the example app's answer).
    case none

    public var description: String { rawValue }
}
