/// What the webhook looks up in Cal.com's database: users, apps and existing credentials.
public protocol WebhookDirectory {
    /// Whether a user with that id exists.
    ///
    /// - Parameter id: The user id.
    /// - Returns: Whether the user exists.
    func userExists(_ id: Int32) -> Bool

    /// What is known about an app slug.
    ///
    /// - Parameter slug: The slug from the body.
    /// - Returns: The app's record.
    func app(slug: String) -> WebhookAppRecord

    /// Whether a credential exists for the user and the app's metadata slug.
    ///
    /// - Parameters:
    ///   - userId: The user id.
    ///   - appId: The app's metadata slug.
    /// - Returns: Whether a credential exists.
    func credentialExists(userId: Int32, appId: String) -> Bool
}

/// What the webhook finds for an app slug.
public enum WebhookAppRecord: Sendable, Hashable {
    /// No App row has the slug.
    case notFound
    /// An App row exists but the app store has no metadata for its directory.
    case withoutMetadata
    /// The app exists: its metadata slug (stored as the credential's `appId`) and type.
    case found(metadataSlug: String, type: String)

    /// The records of the apps the protocol names, by slug.
    public static let known: [String: WebhookAppRecord] = [
        "google-calendar": .found(metadataSlug: "google-calendar", type: "google_calendar"),
        "zoom": .found(metadataSlug: "zoom", type: "zoom_video"),
        "office365-calendar": .found(metadataSlug: "office365-calendar", type: "office365_calendar"),
        "msteams": .found(metadataSlug: "msteams", type: "office365_video"),
    ]
}

/// A fixed directory, for fixtures and tests.
public struct FixedWebhookDirectory: WebhookDirectory, Sendable, Hashable {
    /// The user ids that exist.
    public var users: Set<Int32>
    /// The apps by slug; a slug not listed is not found.
    public var apps: [String: WebhookAppRecord]
    /// The credentials that exist, as `userId/appId`.
    public var credentials: Set<String>

    /// Makes a directory.
    ///
    /// - Parameters:
    ///   - users: The user ids that exist.
    ///   - apps: The apps by slug.
    ///   - credentials: The existing credentials as `(userId, appId)`.
    public init(users: Set<Int32>, apps: [String: WebhookAppRecord], credentials: [(Int32, String)] = []) {
        self.users = users
        self.apps = apps
        self.credentials = Set(credentials.map { "\($0.0)/\($0.1)" })
    }

    /// The directory the webhook fixtures assume: users 1 and 42; the four known apps; `legacy-app` without
    /// metadata; an existing google-calendar credential for user 42.
    public static let fixtures = FixedWebhookDirectory(
        users: [1, 42],
        apps: WebhookAppRecord.known.merging(["legacy-app": .withoutMetadata]) { first, _ in first },
        credentials: [(42, "google-calendar")]
    )

    public func userExists(_ id: Int32) -> Bool {
        users.contains(id)
    }

    public func app(slug: String) -> WebhookAppRecord {
        apps[slug] ?? .notFound
    }

    public func credentialExists(userId: Int32, appId: String) -> Bool {
        credentials.contains("\(userId)/\(appId)")
    }
}
