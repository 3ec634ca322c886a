import Credsync
import CredsyncStore
import Foundation

/// The stand-in's database as the webhook sees it: the seeded users and apps, and the credentials in the store.
struct StandInDirectory: WebhookDirectory {
    let seed: CalcomSeed
    let store: CredentialStore
    let defects: Set<CalcomDefect>

    func userExists(_ id: Int32) -> Bool {
        seed.users.contains(id) || defects.contains(.createForUnknownUser)
    }

    func app(slug: String) -> WebhookAppRecord {
        if let record = seed.apps[slug] {
            return record
        }
        if defects.contains(.createForUnknownApp) {
            return .found(metadataSlug: slug, type: slug.replacingOccurrences(of: "-", with: "_"))
        }
        return .notFound
    }

    func credentialExists(userId: Int32, appId: String) -> Bool {
        ((try? store.count(userId: Int64(userId), appSlug: appId)) ?? 0) > 0
    }
}
