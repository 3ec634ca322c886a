public import Credsync

/// What `credsync probe calcom` is pointed at and allowed to do.
///
/// The description never shows the secret, the key or the API key; it shows key-check values instead.
public struct CalcomProbeConfiguration: Sendable, CustomStringConvertible {
    /// Which edition the instance is judged against.
    public enum EditionChoice: Sendable, Hashable {
        /// Fingerprint the instance and use the edition it speaks.
        case auto
        /// Use this edition without asking.
        case fixed(Edition)
    }

    /// The user id that no instance has: the largest `User.id` (int4) less one. Ids are a Postgres serial that
    /// starts at 1, so no instance reaches it; it still fits int4, so it gets 404, not Prisma's out-of-range 500.
    public static let unknownUserId = 2_147_483_646

    /// An app slug that no app store has: slugs are the names of folders in Cal.com's app store, and none starts
    /// with `credsync-`.
    public static let unknownAppSlug = "credsync-probe-no-such-app"

    /// The instance's base URL, such as `https://cal.example.com`.
    public var baseURL: String

    /// The shared secret (`CALCOM_CREDENTIAL_SYNC_SECRET`, or the legacy `CALCOM_WEBHOOK_SECRET`).
    public var secret: String

    /// The envelope key (`CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY`).
    public var key: EnvelopeKey

    /// The configured header name, or `nil` for the edition's default.
    public var headerName: String?

    /// A disposable test user's id; checks that need a known user are skipped without it.
    public var userId: Int?

    /// An app installed on the instance, such as `google-calendar`; checks that need a known app are skipped
    /// without it.
    public var appSlug: String?

    /// A second installed app for which the test user has no credential, used by the race of CAL-025.
    public var raceAppSlug: String?

    /// An App row that has no app-store metadata, for CAL-017.
    public var metadatalessAppSlug: String?

    /// A system-wide admin API key for API v1, which lets the probe count stored credentials.
    public var apiKey: String?

    /// The API key of a user who is not a system-wide admin, for CAL-031; API v1 must refuse it.
    public var nonAdminAPIKey: String?

    /// The deadline of every request.
    public var timeout: Duration

    /// Which edition to judge against.
    public var edition: EditionChoice

    /// Whether the probe may write credentials for the test user.
    public var allowWrites: Bool

    /// Whether the instance is declared switched off, so that only CAL-001 (and, with an API key, CAL-032) apply.
    public var expectDisabled: Bool

    /// Makes a configuration.
    ///
    /// - Parameters:
    ///   - baseURL: The instance's base URL.
    ///   - secret: The shared secret.
    ///   - key: The envelope key.
    ///   - headerName: The configured header name, or `nil` for the edition's default.
    ///   - userId: A disposable test user's id.
    ///   - appSlug: An installed app's slug.
    ///   - raceAppSlug: A second installed app without a credential for the test user.
    ///   - metadatalessAppSlug: An App row without app-store metadata.
    ///   - apiKey: A system-wide admin API key.
    ///   - nonAdminAPIKey: The API key of a user who is not a system-wide admin.
    ///   - timeout: The deadline of every request.
    ///   - edition: Which edition to judge against.
    ///   - allowWrites: Whether the probe may write for the test user.
    ///   - expectDisabled: Whether the instance is declared switched off.
    public init(
        baseURL: String,
        secret: String,
        key: EnvelopeKey,
        headerName: String? = nil,
        userId: Int? = nil,
        appSlug: String? = nil,
        raceAppSlug: String? = nil,
        metadatalessAppSlug: String? = nil,
        apiKey: String? = nil,
        nonAdminAPIKey: String? = nil,
        timeout: Duration = .seconds(5),
        edition: EditionChoice = .auto,
        allowWrites: Bool = false,
        expectDisabled: Bool = false
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.secret = secret
        self.key = key
        self.headerName = headerName.flatMap { $0.isEmpty ? nil : $0 }
        self.userId = userId
        self.appSlug = appSlug
        self.raceAppSlug = raceAppSlug
        self.metadatalessAppSlug = metadatalessAppSlug
        self.apiKey = apiKey
        self.nonAdminAPIKey = nonAdminAPIKey
        self.timeout = timeout
        self.edition = edition
        self.allowWrites = allowWrites
        self.expectDisabled = expectDisabled
    }

    public var description: String {
        "CalcomProbeConfiguration(\(baseURL), secret \(KeyCheckValue(secret: secret)), key \(key.keyCheckValue))"
    }
}
