public import Credsync
public import CredsyncWire

/// What `credsync probe endpoint` needs to know about a platform's sync endpoint, and how hard it may push.
public struct EndpointProbeConfiguration: Sendable {
    /// A Cal.com user id that cannot exist: Cal.com's `User.id` is a Postgres `integer` serial, so no user has an id
    /// above 2,147,483,647.
    public static let unknownUserID = 2_147_483_648

    /// An app slug no app in Cal.com's app store uses; it is still well formed (lowercase letters and dashes).
    public static let unknownAppSlug = "credsync-probe-no-such-app"

    /// A `calcomUserId` that is not a decimal integer, as a malformed call would carry it.
    public static let malformedUserID = "not-a-user-id"

    /// The endpoint's URL, as `CALCOM_CREDENTIAL_SYNC_ENDPOINT` holds it.
    public var url: HTTPURL

    /// The edition whose refresh call the probe makes and whose requirements it judges.
    public var edition: Edition

    /// The shared secret; required in the current edition, optional in the legacy one (whose caller sends none).
    public var secret: String?

    /// The header that carries the secret; `nil` for the edition's default.
    public var headerName: String?

    /// A user the platform holds a credential for.
    public var userID: Int

    /// An app the platform holds that user's credential for.
    public var appSlug: String

    /// The longest any one request may take, from connecting to the last byte.
    public var timeout: Duration

    /// How fast a valid call should be answered (END-019).
    public var latencyBudget: Duration

    /// How many valid calls go out at once for END-020.
    public var concurrency: Int

    /// How https certificates are checked.
    public var tlsVerification: HTTPClientConfiguration.TLSVerification

    /// Makes a configuration.
    ///
    /// - Parameters:
    ///   - url: The endpoint's URL.
    ///   - edition: The edition to judge against.
    ///   - secret: The shared secret.
    ///   - headerName: The secret's header, or `nil` for the edition's default.
    ///   - userID: A user the platform holds a credential for.
    ///   - appSlug: An app the platform holds that user's credential for.
    ///   - timeout: The deadline of each request.
    ///   - latencyBudget: The latency a valid call should stay within.
    ///   - concurrency: How many simultaneous calls END-020 makes; at least 2.
    ///   - tlsVerification: How https certificates are checked.
    public init(
        url: HTTPURL,
        edition: Edition = .current,
        secret: String?,
        headerName: String? = nil,
        userID: Int = 1,
        appSlug: String = "google-calendar",
        timeout: Duration = .seconds(10),
        latencyBudget: Duration = .seconds(5),
        concurrency: Int = 5,
        tlsVerification: HTTPClientConfiguration.TLSVerification = .system
    ) {
        self.url = url
        self.edition = edition
        self.secret = secret.flatMap { $0.isEmpty ? nil : $0 }
        self.headerName = headerName.flatMap { $0.isEmpty ? nil : $0 }
        self.userID = userID
        self.appSlug = appSlug
        self.timeout = timeout
        self.latencyBudget = latencyBudget
        self.concurrency = max(2, concurrency)
        self.tlsVerification = tlsVerification
    }

    /// The header the secret goes in: the configured one or the edition's default.
    public var effectiveHeaderName: String {
        headerName ?? edition.defaultHeaderName
    }

    /// The user id the unknown-user call uses: ``unknownUserID``, or the next one should the probed user be it.
    var unknownUser: Int {
        userID == Self.unknownUserID ? Self.unknownUserID + 1 : Self.unknownUserID
    }

    /// The app slug the unknown-app call uses.
    var unknownApp: String {
        appSlug == Self.unknownAppSlug ? Self.unknownAppSlug + "-2" : Self.unknownAppSlug
    }

    /// The target as reports may show it: scheme, authority and path; a query string is shown as `?…`.
    public var displayURL: String {
        let path = url.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = path.count > 1 ? "?…" : ""
        return "\(url.scheme)://\(url.authority)\(path.first ?? "")\(query)"
    }
}
