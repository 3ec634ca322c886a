import Credsync
import CredsyncConformance
import Foundation

/// The secret and key the stand-ins of these tests are configured with, and the probe knows.
enum ProbeFixture {
    static let secret = "credsync-test-Secret-4f1c9a0b7e"
    static let keyString = "credsync-probe-test-key-00000001"
    static let adminAPIKey = "cal_credsynctestadminkey0001"
    static let memberAPIKey = "cal_credsynctestmemberkey0001"

    static var key: EnvelopeKey {
        // A 32-character ASCII key is always valid.
        try! EnvelopeKey(keyString)
    }

    /// The standard users and apps, plus an App row without metadata.
    static let seed = CalcomSeed(
        users: Set(1...10),
        apps: WebhookAppRecord.known.merging(["legacy-app": .withoutMetadata]) { first, _ in first }
    )

    /// A probe configuration for a stand-in: test user 1, google-calendar, zoom for the race, writes allowed, the
    /// admin and the member API key.
    static func configuration(
        _ baseURL: String,
        edition: CalcomProbeConfiguration.EditionChoice = .auto,
        timeout: Duration = .seconds(2),
        expectDisabled: Bool = false
    ) -> CalcomProbeConfiguration {
        CalcomProbeConfiguration(
            baseURL: baseURL,
            secret: secret,
            key: key,
            userId: 1,
            appSlug: "google-calendar",
            raceAppSlug: "zoom",
            metadatalessAppSlug: "legacy-app",
            apiKey: adminAPIKey,
            nonAdminAPIKey: memberAPIKey,
            timeout: timeout,
            edition: edition,
            allowWrites: true,
            expectDisabled: expectDisabled
        )
    }

    /// Runs `body` with a stand-in Cal.com on 127.0.0.1 port 0.
    static func withStandIn<Result>(
        _ edition: Edition,
        defects: Set<CalcomDefect> = [],
        fixesKnownMisses: Bool = true,
        enabled: Bool = true,
        _ body: (String) async throws -> Result
    ) async throws -> Result {
        let settings =
            enabled
            ? WebhookSettings(edition: edition, secret: secret, keyString: keyString)
            : WebhookSettings(
                edition: edition,
                isEnabled: false,
                secret: secret,
                headerName: edition.defaultHeaderName,
                key: key
            )
        let standIn = try CalcomStandIn(
            options: CalcomStandIn.Options(
                settings: settings,
                seed: seed,
                defects: defects,
                fixesKnownMisses: fixesKnownMisses,
                adminAPIKey: adminAPIKey,
                memberAPIKey: memberAPIKey
            )
        )
        try await standIn.start()
        do {
            let result = try await body(standIn.baseURL ?? "")
            await standIn.shutdown()
            return result
        } catch {
            await standIn.shutdown()
            throw error
        }
    }

    /// The verdicts of a probe run by requirement ID.
    static func verdicts(_ run: CalcomProbeRun) -> [String: Verdict] {
        Dictionary(uniqueKeysWithValues: run.report.results.map { ($0.id.description, $0.verdict) })
    }

    /// The CAL requirements whose probe check runs against a stand-in and is proven against its defect; the others
    /// need a switched-off instance (CAL-001 and CAL-032, proven on their own) or a statistical run (CAL-029).
    static let provenIDs: Set<String> = Set((2...37).map { String(format: "CAL-%03d", $0) })
        .subtracting(["CAL-029", "CAL-032"])

    /// Every CAL requirement a probe of a stand-in checks.
    static let checkedIDs: Set<String> = provenIDs.union(["CAL-001", "CAL-029", "CAL-032"])
}
