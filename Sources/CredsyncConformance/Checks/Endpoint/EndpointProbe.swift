public import Credsync
import Foundation

/// `credsync probe endpoint` as a library call: sends the calls the selected END checks need to a live sync
/// endpoint, runs the checks, and returns the report with what the outputs must never show.
public struct EndpointProbe: Sendable {
    /// What a probe run found.
    public struct Outcome: Sendable {
        /// The report, one result a selected check.
        public var report: ConformanceReport

        /// Every credential value the endpoint handed out, for the tripwire; never to be printed.
        public let receivedCredentials: [String]

        /// Each check's redacted wire exchanges, as text.
        public let transcripts: [RequirementID: String]
    }

    /// The endpoint and the probe's settings.
    public let configuration: EndpointProbeConfiguration

    /// Makes a probe.
    ///
    /// - Parameter configuration: The endpoint and the probe's settings.
    public init(configuration: EndpointProbeConfiguration) {
        self.configuration = configuration
    }

    /// The requirements the probe checks, in order.
    public static var requirements: [Requirement] {
        EndpointChecks.requirements
    }

    /// Runs the probe.
    ///
    /// - Parameters:
    ///   - selection: Which checks run.
    ///   - strict: Whether a SHOULD not met fails the run.
    ///   - progress: Called before each check.
    /// - Returns: The report, the credentials received and the transcripts.
    public func run(
        selection: RequirementSelection = .all,
        strict: Bool = false,
        progress: @Sendable (Int, Int, Requirement) -> Void = { _, _, _ in }
    ) async -> Outcome {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now

        let target = EndpointTarget(configuration: configuration)
        let runner = CheckRunner(checks: EndpointChecks.all)
        let selected = Set(runner.requirements.filter(selection.includes).map(\.id))
        await target.prepare(for: selected)
        let results = await runner.run(target, selection: selection, progress: progress)

        let elapsed = start.duration(to: clock.now)
        var transcripts: [RequirementID: String] = [:]
        for result in results {
            transcripts[result.id] = target.transcript(for: result.id)
        }
        let report = ConformanceReport(
            command: "probe endpoint",
            target: configuration.displayURL,
            edition: ConformanceReport.EditionFinding(
                edition: configuration.edition,
                detected: false,
                evidence: ["--edition \(configuration.edition)"]
            ),
            startedAt: startedAt,
            seconds: elapsed.inSeconds,
            strict: strict,
            results: results,
            notes: notes(target)
        )
        return Outcome(report: report, receivedCredentials: target.receivedCredentials, transcripts: transcripts)
    }

    private func notes(_ target: EndpointTarget) -> [String] {
        var notes = [
            "probed as user \(configuration.userID) and app \(configuration.appSlug); the unknown user is"
                + " \(configuration.unknownUser) (above the range of Cal.com's integer user ids) and the unknown app"
                + " \(configuration.unknownApp)",
            "the secret goes in '\(configuration.effectiveHeaderName)'"
                + (configuration.secret == nil ? "; no secret was given, so the calls carry none" : ""),
        ]
        if target.encoding == .json {
            notes.append(
                "the endpoint refused the form body and gave a token for a JSON body; the other checks judged calls"
                    + " with JSON bodies (END-009)"
            )
        }
        return notes
    }
}
