public import Credsync
public import Foundation

/// The users and installed apps of a stand-in Cal.com.
///
/// Made from `--users` (`1-10,42`) and `--apps` (`google-calendar,zoom,legacy-app=-`), or read from a seed file:
///
/// ```json
/// {"users": [1, 2, "10-20"],
///  "apps": [{"slug": "google-calendar", "type": "google_calendar"},
///           {"slug": "legacy-app", "metadata": false}]}
/// ```
///
/// `users` is a list of ids and ranges (or one string such as `"1-10,42"`); each app has a `slug`, an optional
/// `type` (the credential type, taken from the known apps or made from the slug), an optional `appId` (the metadata
/// slug stored with the credential, the slug by default) and `metadata: false` for an App row without app-store
/// metadata.
public struct CalcomSeed: Sendable, Hashable {
    /// The user ids that exist.
    public var users: Set<Int32>

    /// The installed apps by slug.
    public var apps: [String: WebhookAppRecord]

    /// Makes a seed.
    ///
    /// - Parameters:
    ///   - users: The user ids that exist.
    ///   - apps: The apps by slug.
    public init(users: Set<Int32>, apps: [String: WebhookAppRecord]) {
        self.users = users
        self.apps = apps
    }

    /// Users 1 to 10 and the four apps the protocol names.
    public static let standard = CalcomSeed(users: Set(1...10), apps: WebhookAppRecord.known)

    /// Parses a user list such as `1-10,42`.
    ///
    /// - Parameter text: Comma-separated ids and inclusive ranges.
    /// - Returns: The ids.
    /// - Throws: ``CalcomStandInError`` with code `seed` for anything else.
    public static func users(_ text: String) throws(CalcomStandInError) -> Set<Int32> {
        var users: Set<Int32> = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let bounds = item.split(separator: "-", maxSplits: 1).map(String.init)
            guard let low = Int32(bounds[0]), let high = Int32(bounds.count == 2 ? bounds[1] : bounds[0]),
                low <= high, high - low < 1_000_000
            else {
                throw CalcomStandInError(.seed, "'\(item)' is not a user id or a range such as 1-10")
            }
            users.formUnion(low...high)
        }
        return users
    }

    /// Parses an app list such as `google-calendar,zoom,my-app=my_app_type,legacy-app=-`.
    ///
    /// - Parameter text: Comma-separated slugs; `slug=type` sets the type, `slug=-` makes an App row without
    ///   metadata. Known slugs take their known type.
    /// - Returns: The apps by slug.
    /// - Throws: ``CalcomStandInError`` with code `seed` for an empty slug.
    public static func apps(_ text: String) throws(CalcomStandInError) -> [String: WebhookAppRecord] {
        var apps: [String: WebhookAppRecord] = [:]
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            let slug = parts[0]
            guard !slug.isEmpty else {
                throw CalcomStandInError(.seed, "'\(item)' has no app slug")
            }
            apps[slug] = record(
                slug: slug,
                type: parts.count == 2 ? parts[1] : nil,
                appId: nil,
                metadata: parts.last != "-"
            )
        }
        return apps
    }

    /// Reads a seed file (see the type's description for its shape).
    ///
    /// - Parameter data: The file's bytes.
    /// - Returns: The seed; a file without `users` or `apps` keeps the standard ones.
    /// - Throws: ``CalcomStandInError`` with code `seed` naming what is wrong.
    public static func load(_ data: Data) throws(CalcomStandInError) -> CalcomSeed {
        let root: JSONValue
        do {
            root = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw CalcomStandInError(.seed, "the seed file is not JSON: \(error)")
        }
        guard let object = root.objectValue else {
            throw CalcomStandInError(.seed, "the seed file must hold an object with users and apps")
        }
        var seed = CalcomSeed.standard
        switch object["users"] {
        case nil:
            break
        case .string(let text)?:
            seed.users = try users(text)
        case .array(let items)?:
            var ids: Set<Int32> = []
            for item in items {
                switch item {
                case .number(let number):
                    guard let id = Int32(exactly: number) else {
                        throw CalcomStandInError(.seed, "user id \(JSONValue.number(number).serialized) is not an int4")
                    }
                    ids.insert(id)
                case .string(let text):
                    ids.formUnion(try users(text))
                default:
                    throw CalcomStandInError(.seed, "users holds a \(item.typeName); use numbers or \"1-10\" ranges")
                }
            }
            seed.users = ids
        case let other?:
            throw CalcomStandInError(.seed, "users is a \(other.typeName); use a list or a string such as \"1-10\"")
        }
        if let apps = object["apps"] {
            guard case .array(let items) = apps else {
                throw CalcomStandInError(.seed, "apps is a \(apps.typeName); use a list of {slug, type}")
            }
            var records: [String: WebhookAppRecord] = [:]
            for item in items {
                guard let app = item.objectValue, let slug = app["slug"]?.stringValue, !slug.isEmpty else {
                    throw CalcomStandInError(.seed, "each app needs a non-empty string slug")
                }
                records[slug] = record(
                    slug: slug,
                    type: app["type"]?.stringValue,
                    appId: app["appId"]?.stringValue,
                    metadata: app["metadata"] != .bool(false)
                )
            }
            seed.apps = records
        }
        return seed
    }

    private static func record(slug: String, type: String?, appId: String?, metadata: Bool) -> WebhookAppRecord {
        guard metadata else {
            return .withoutMetadata
        }
        if type == nil, appId == nil, let known = WebhookAppRecord.known[slug] {
            return known
        }
        let knownType: String? =
            if case .found(_, let knownType)? = WebhookAppRecord.known[slug] { knownType } else { nil }
        return .found(
            metadataSlug: appId ?? slug,
            type: type ?? knownType ?? slug.replacingOccurrences(of: "-", with: "_")
        )
    }
}
