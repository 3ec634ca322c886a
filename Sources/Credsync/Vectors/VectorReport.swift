/// The results of running vector files, with a summary.
public struct VectorReport: Sendable {
    /// One vector file that was run.
    public struct FileSummary: Sendable, Hashable {
        /// The file's name.
        public let file: String
        /// Its data version.
        public let version: String
        /// How many vectors it holds.
        public let numberOfTests: Int
        /// How many of them passed.
        public let passed: Int
    }

    /// Every result, in file and test order.
    public let results: [VectorResult]

    /// One entry for each file.
    public let files: [FileSummary]

    /// How many vectors passed.
    public var passedCount: Int {
        results.count { $0.passed }
    }

    /// How many vectors failed.
    public var failedCount: Int {
        results.count { !$0.passed }
    }

    /// Whether every vector passed (and there was at least one).
    public var allPassed: Bool {
        !results.isEmpty && failedCount == 0
    }

    /// The failed results.
    public var failures: [VectorResult] {
        results.filter { !$0.passed }
    }

    /// `N passed, N failed`.
    public var summary: String {
        "\(passedCount) passed, \(failedCount) failed"
    }

    /// A report for a terminal: one line for each failure, one line for each file, then the summary.
    public var text: String {
        var lines = failures.map(\.line)
        lines += files.map { "\($0.file) v\($0.version): \($0.passed)/\($0.numberOfTests) passed" }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }
}
