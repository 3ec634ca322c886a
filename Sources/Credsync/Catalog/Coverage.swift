/// How a requirement is checked, the defect that makes its check fail, and whether that is proven yet.
///
/// A requirement is ``Status/covered`` only when a test shows its check failing against a counterpart with the
/// ``defect`` planted and passing against the clean one; until then it is ``Status/planned``.
public struct Coverage: Hashable, Sendable, Codable {
    /// Whether the check is proven against its defect.
    public enum Status: String, Hashable, Sendable, Codable, CustomStringConvertible {
        /// A test fails with the defect planted and passes without it.
        case covered
        /// The check or its proof is not built yet.
        case planned

        public var description: String { rawValue }
    }

    /// The ways the requirement is checked, most direct first.
    public let checks: [CheckKind]

    /// The kebab-case name of the planted defect that makes the check fail, such as `accept-wrong-secret`.
    ///
    /// Defects are planted in credsync's stand-ins (`--defect NAME`), in a test sender, or in a test `.env`; the name
    /// is unique within a side.
    public let defect: String

    /// Whether the check is proven.
    public let status: Status

    /// The repository paths of the tests that prove a covered check: files or folders under `Tests/`.
    public let tests: [String]

    /// The repository paths of the vector files a covered check runs, under `vectors/`.
    public let vectorFiles: [String]

    /// Makes a coverage record.
    ///
    /// - Parameters:
    ///   - checks: The ways the requirement is checked.
    ///   - defect: The kebab-case defect name.
    ///   - status: Whether the check is proven.
    ///   - tests: The proving tests, as repository paths.
    ///   - vectorFiles: The vector files the check runs.
    public init(
        checks: [CheckKind],
        defect: String,
        status: Status,
        tests: [String] = [],
        vectorFiles: [String] = []
    ) {
        self.checks = checks
        self.defect = defect
        self.status = status
        self.tests = tests
        self.vectorFiles = vectorFiles
    }

    /// A check not built or not proven yet.
    ///
    /// - Parameters:
    ///   - checks: The ways the requirement will be checked.
    ///   - defect: The kebab-case defect name.
    /// - Returns: A planned coverage record.
    public static func planned(_ checks: [CheckKind], defect: String) -> Coverage {
        Coverage(checks: checks, defect: defect, status: .planned)
    }
}
