/// The counts of a run's verdicts.
public struct RunSummary: Sendable, Hashable, Codable {
    public var pass = 0
    public var fail = 0
    public var warn = 0
    public var skip = 0
    public var error = 0

    /// Counts the verdicts of some results.
    ///
    /// - Parameter results: The results.
    public init(_ results: [CheckResult]) {
        for result in results {
            switch result.verdict {
            case .pass: pass += 1
            case .fail: fail += 1
            case .warn: warn += 1
            case .skip: skip += 1
            case .error: error += 1
            }
        }
    }

    /// How many checks ran to a verdict other than skip.
    public var executed: Int {
        pass + fail + warn + error
    }

    /// The exit code a CI job needs: 1 when a MUST failed (or, strictly, a SHOULD too), else 3 when something could
    /// not be tested, else 0. A run where nothing was executed is not a success: it exits 3.
    ///
    /// - Parameter strict: Whether warnings fail the run.
    /// - Returns: 0, 1 or 3.
    public func exitCode(strict: Bool) -> Int32 {
        if fail > 0 || (strict && warn > 0) {
            return 1
        }
        if error > 0 || executed == 0 {
            return 3
        }
        return 0
    }

    /// One line: `31 pass, 1 fail, 2 warn, 4 skip, 0 error`.
    public var line: String {
        "\(pass) pass, \(fail) fail, \(warn) warn, \(skip) skip, \(error) error"
    }
}
