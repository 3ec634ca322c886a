public import Credsync
import CredsyncWire
import Foundation

/// One run of the CAL checks against a live instance: fingerprint (or take) the edition, run the selected checks,
/// and gather the report, the writes and the transcripts.
public struct CalcomProbeRun: Sendable {
    /// The report.
    public let report: ConformanceReport

    /// The redacted wire transcripts, by check ID, plus `setup` for the fingerprinting calls.
    public let transcripts: [String: String]

    /// The secrets the run knows, for the tripwire: the secret, the key, the API key and the canary tokens.
    public let secrets: [Tripwire.Secret]

    /// Runs the probe.
    ///
    /// - Parameters:
    ///   - configuration: The target and what the probe may do.
    ///   - selection: Which checks run.
    ///   - canary: The canary tokens to push.
    ///   - progress: Called before each check.
    /// - Returns: The run.
    public static func run(
        _ configuration: CalcomProbeConfiguration,
        selection: RequirementSelection = .all,
        canary: CalcomProbe.Canary = CalcomProbe.Canary(),
        progress: @Sendable (Int, Int, Requirement) -> Void = { _, _, _ in }
    ) async -> CalcomProbeRun {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        var transcripts: [String: String] = [:]

        let finding: ConformanceReport.EditionFinding
        switch configuration.edition {
        case .fixed(let edition):
            finding = .init(edition: edition, detected: false, evidence: ["given with --edition \(edition)"])
        case .auto:
            let scout = CalcomProbe(configuration: configuration, edition: .current, canary: canary)
            let (edition, evidence) = await CalcomEditionFingerprint.detect(scout)
            finding = .init(edition: edition, detected: true, evidence: evidence)
            transcripts = scout.transcripts
        }

        let probe = CalcomProbe(configuration: configuration, edition: finding.edition, canary: canary)
        let results = await CheckRunner(checks: CalcomChecks.all).run(probe, selection: selection, progress: progress)
        transcripts.merge(probe.transcripts) { setup, checks in setup + "\n" + checks }

        var notes = [
            "edition \(finding.edition): \(finding.edition.webhookSource)",
            "header \(probe.headerName); secret \(KeyCheckValue(secret: configuration.secret)); key"
                + " \(configuration.key.keyCheckValue)",
            "rejections are sent for user \(CalcomProbeConfiguration.unknownUserId), which no instance has",
        ]
        if let gaveUp = probe.gaveUp {
            notes.append("the target stopped answering (\(gaveUp.shortDescription)); later checks were not sent")
        }
        if configuration.allowWrites, configuration.apiKey == nil {
            notes.append(
                "without an API key the stored credentials were judged from the answers only; API v1 lists"
                    + " credentials without their keys, so what was stored cannot be read back either way"
            )
        }
        let report = ConformanceReport(
            command: "probe calcom",
            target: configuration.baseURL,
            edition: finding,
            startedAt: startedAt,
            seconds: start.duration(to: clock.now).inSeconds,
            strict: false,
            results: results,
            writes: probe.writes,
            notes: notes
        )
        return CalcomProbeRun(report: report, transcripts: transcripts, secrets: secrets(configuration, canary))
    }

    /// The secrets a run with this configuration knows.
    public static func secrets(_ configuration: CalcomProbeConfiguration, _ canary: CalcomProbe.Canary)
        -> [Tripwire.Secret]
    {
        var secrets = [
            Tripwire.Secret(label: "the credential sync secret", value: configuration.secret),
            Tripwire.Secret(label: "the encryption key", bytes: configuration.key.bytes),
            Tripwire.Secret(label: "the canary access token", value: canary.accessToken),
            Tripwire.Secret(label: "the canary refresh token", value: canary.refreshToken),
        ]
        if let apiKey = configuration.apiKey {
            secrets.append(Tripwire.Secret(label: "the API key", value: apiKey))
        }
        if let apiKey = configuration.nonAdminAPIKey {
            secrets.append(Tripwire.Secret(label: "the non-admin API key", value: apiKey))
        }
        return secrets
    }
}
