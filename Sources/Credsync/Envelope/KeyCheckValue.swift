internal import CredsyncOpenSSL

/// A short fingerprint of a key or secret that two sides can compare without showing it.
///
/// It is the first six bytes of HMAC-SHA256, keyed with the secret's bytes, over a fixed label, written as
/// `kcv:` and twelve hex digits. The same secret always gives the same value; the value tells nothing useful
/// about a strong secret. A weak secret can be guessed from its value offline, so a weak secret's value should
/// not be published either.
public struct KeyCheckValue: Hashable, Sendable, CustomStringConvertible {
    /// The label the HMAC runs over; changing it changes every value.
    public static let label = Array("credsync key-check value v1".utf8)

    /// The twelve hex digits.
    public let hex: String

    /// Fingerprints raw key bytes.
    ///
    /// - Parameter bytes: The key or secret's bytes.
    public init(bytes: [UInt8]) {
        hex = Hex.encode(HMACSHA256.authenticationCode(for: Self.label, key: bytes).prefix(6))
    }

    /// Fingerprints a secret string by its UTF-8 bytes, as it goes in an HTTP header.
    ///
    /// - Parameter secret: The secret.
    public init(secret: String) {
        self.init(bytes: Array(secret.utf8))
    }

    public var description: String {
        "kcv:\(hex)"
    }
}
