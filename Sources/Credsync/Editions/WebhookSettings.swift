/// What a Cal.com instance's webhook is configured with: the switch, the secret, the header name and the key.
///
/// The description shows key-check values, never the secret or the key.
public struct WebhookSettings: Sendable, Hashable, CustomStringConvertible {
    /// The edition the instance speaks.
    public var edition: Edition

    /// Whether credential sharing is on (`APP_CREDENTIAL_SHARING_ENABLED`).
    public var isEnabled: Bool

    /// The configured secret; empty when unset.
    public var secret: String

    /// The configured header name (the edition's default when none is set).
    public var headerName: String

    /// The envelope key, or `nil` when the configured string is not a usable key, so every decrypt fails.
    public var key: EnvelopeKey?

    /// Makes settings as Cal.com derives them.
    ///
    /// - Parameters:
    ///   - edition: The edition.
    ///   - secret: The secret; empty when unset.
    ///   - headerName: The configured header name; `nil` or empty takes the edition's default, as `||` does.
    ///   - keyString: The configured key string; empty when unset.
    public init(edition: Edition, secret: String, headerName: String? = nil, keyString: String) {
        self.edition = edition
        self.secret = secret
        self.headerName = headerName.flatMap { $0.isEmpty ? nil : $0 } ?? edition.defaultHeaderName
        self.key = try? EnvelopeKey(keyString)
        // Both editions switch on when the secret and the key string are non-empty, whatever the key's length.
        self.isEnabled = !secret.isEmpty && !keyString.isEmpty
    }

    /// Makes settings from explicit parts.
    ///
    /// - Parameters:
    ///   - edition: The edition.
    ///   - isEnabled: Whether credential sharing is on.
    ///   - secret: The secret.
    ///   - headerName: The header name, used as given.
    ///   - key: The key, or `nil` for one that cannot decrypt.
    public init(edition: Edition, isEnabled: Bool, secret: String, headerName: String, key: EnvelopeKey?) {
        self.edition = edition
        self.isEnabled = isEnabled
        self.secret = secret
        self.headerName = headerName
        self.key = key
    }

    public var description: String {
        let keyText = key.map { "\($0.keyCheckValue)" } ?? "unusable"
        return "WebhookSettings(\(edition), \(isEnabled ? "enabled" : "disabled"), header \(headerName), secret"
            + " \(KeyCheckValue(secret: secret)), key \(keyText))"
    }
}
