public import Credsync
public import Foundation

/// Everything a run found, in the versioned shape the JSON report writes.
public struct ConformanceReport: Sendable, Codable {
    /// The JSON schema this report follows.
    public static let schemaVersion = "credsync-report/1"

    /// Which edition a counterpart was judged against, and why.
    public struct EditionFinding: Sendable, Hashable, Codable {
        /// The edition.
        public let edition: Edition

        /// Whether it was detected from the counterpart's answers rather than given with `--edition`.
        public let detected: Bool

        /// What the detection saw, one line an observation.
        public let evidence: [String]

        public init(edition: Edition, detected: Bool, evidence: [String]) {
            self.edition = edition
            self.detected = detected
            self.evidence = evidence
        }
    }

    /// The schema, ``schemaVersion``.
    public var schema = ConformanceReport.schemaVersion

    /// The command that ran, such as `probe calcom` or `mock endpoint`.
    public var command: String

    /// What was tested, such as the target URL; never a secret.
    public var target: String

    /// The edition the counterpart was judged against.
    public var edition: EditionFinding?

    /// When the run started.
    public var startedAt: Date

    /// How long it took, in seconds.
    public var seconds: Double

    /// Whether warnings fail the run.
    public var strict: Bool

    /// One result a check.
    public var results: [CheckResult]

    /// What the run wrote to the counterpart, such as credentials pushed for the test user.
    public var writes: [String]

    /// Anything else a reader should know.
    public var notes: [String]

    /// The counts of the verdicts.
    public var summary: RunSummary {
        RunSummary(results)
    }

    /// The exit code the run ends with.
    public var exitCode: Int32 {
        summary.exitCode(strict: strict)
    }

    public init(
        command: String,
        target: String,
        edition: EditionFinding? = nil,
        startedAt: Date,
        seconds: Double,
        strict: Bool,
        results: [CheckResult],
        writes: [String] = [],
        notes: [String] = []
    ) {
        self.command = command
        self.target = target
        self.edition = edition
        self.startedAt = startedAt
        self.seconds = seconds
        self.strict = strict
        self.results = results
        self.writes = writes
        self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case schema, command, target, edition, startedAt, seconds, strict, summary, exitCode, results, writes, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(String.self, forKey: .schema)
        command = try container.decode(String.self, forKey: .command)
        target = try container.decode(String.self, forKey: .target)
        edition = try container.decodeIfPresent(EditionFinding.self, forKey: .edition)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        seconds = try container.decode(Double.self, forKey: .seconds)
        strict = try container.decode(Bool.self, forKey: .strict)
        results = try container.decode([CheckResult].self, forKey: .results)
        writes = try container.decode([String].self, forKey: .writes)
        notes = try container.decode([String].self, forKey: .notes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(command, forKey: .command)
        try container.encode(target, forKey: .target)
        try container.encodeIfPresent(edition, forKey: .edition)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(strict, forKey: .strict)
        try container.encode(summary, forKey: .summary)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(results, forKey: .results)
        try container.encode(writes, forKey: .writes)
        try container.encode(notes, forKey: .notes)
    }
}
