/// A version of the protocol that a Cal.com instance or a platform may speak.
///
/// The public docs and today's source disagree on variable names, the default header name and several answers.
/// credsync keeps each as an edition and grades a counterpart against the one it speaks.
public enum Edition: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// What the public docs describe ("Syncing third-party apps"), matching the original pages-router webhook:
    /// `CALCOM_WEBHOOK_SECRET`, header `calcom-webhook-secret`.
    case legacy

    /// Today's source: the App Router webhook, `CALCOM_CREDENTIAL_SYNC_SECRET`, header
    /// `calcom-credential-sync-secret`.
    case current

    /// The header that carries the secret when none is configured.
    public var defaultHeaderName: String {
        switch self {
        case .legacy: "calcom-webhook-secret"
        case .current: "calcom-credential-sync-secret"
        }
    }

    /// The variable that holds the shared secret.
    public var secretVariable: String {
        switch self {
        case .legacy: "CALCOM_WEBHOOK_SECRET"
        case .current: "CALCOM_CREDENTIAL_SYNC_SECRET"
        }
    }

    /// The variable that overrides the header name.
    public var headerNameVariable: String {
        switch self {
        case .legacy: "CALCOM_WEBHOOK_HEADER_NAME"
        case .current: "CALCOM_CREDENTIAL_SYNC_HEADER_NAME"
        }
    }

    /// The variable that holds the envelope key, the same in both editions.
    public static let keyVariable = "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY"

    /// The variable that holds the platform's sync endpoint URL, the same in both editions.
    public static let endpointVariable = "CALCOM_CREDENTIAL_SYNC_ENDPOINT"

    /// The webhook's path on a Cal.com instance, the same in both editions.
    public static let webhookPath = "/api/webhook/app-credential"

    /// The other edition.
    public var other: Edition {
        self == .legacy ? .current : .legacy
    }

    public var description: String { rawValue }
}
