import Credsync
import Foundation

/// Writes a report for a person on a terminal: a table of results, the failures with their re-run commands, and a
/// summary line.
public struct TextReport: Sendable {
    /// Whether to colour verdicts with ANSI escapes.
    public let color: Bool

    /// Whether to list only what is not a pass.
    public let quiet: Bool

    /// Makes a writer.
    ///
    /// - Parameters:
    ///   - color: Whether to colour verdicts; only on a terminal and never under `NO_COLOR`.
    ///   - quiet: Whether to leave passes and skips out of the table.
    public init(color: Bool, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }

    /// The progress line shown on a terminal before a check runs.
    public func progress(position: Int, total: Int, requirement: Requirement) -> String {
        "\r\u{1B}[2K[\(position)/\(total)] \(requirement.id) \(requirement.title)"
    }

    /// The whole report.
    ///
    /// - Parameter report: The report.
    /// - Returns: Text ending with a newline.
    public func render(_ report: ConformanceReport) -> String {
        var text = "credsync \(report.command): \(report.target)\n"
        if let edition = report.edition {
            let how = edition.detected ? "detected" : "given with --edition"
            text += "edition: \(edition.edition) (\(how))\n"
            for line in edition.evidence {
                text += "  evidence: \(line)\n"
            }
        }
        text += "\n"

        let rows = report.results.filter { !quiet || ($0.verdict != .pass && $0.verdict != .skip) }
        if !rows.isEmpty {
            let titleWidth = 64
            text += "ID       LEVEL   VERDICT  REQUIREMENT\n"
            for result in rows {
                var title = result.title
                if title.count > titleWidth {
                    title = String(title.prefix(titleWidth - 1)) + "…"
                }
                let verdict = paint(result.verdict)
                let padding = String(repeating: " ", count: max(1, 9 - result.verdict.rawValue.count))
                text +=
                    result.id.description + "  "
                    + result.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                text += verdict + padding + title + "\n"
                if result.verdict == .skip, let reason = result.reason {
                    text += "                          skipped: \(reason)"
                    text += result.enableWith.map { " (enable with \($0))" } ?? ""
                    text += "\n"
                }
            }
        }

        let problems = report.results.filter { $0.verdict == .fail || $0.verdict == .warn || $0.verdict == .error }
        if !problems.isEmpty {
            text += "\nFINDINGS\n"
            for result in problems {
                text += "\(paint(result.verdict)) \(result.id) [\(result.level)] \(result.title)\n"
                if result.verdict == .error {
                    text += "    could not test: \(result.reason ?? "unknown")\n"
                } else {
                    text += "    expected: \(result.expected)\n    observed: \(result.observed)\n"
                }
                if let fix = result.fix {
                    text += "    fix: \(fix)\n"
                }
                if let transcript = result.transcript {
                    text += "    transcript: \(transcript)\n"
                }
                if let rerun = result.rerun {
                    text += "    re-run: \(rerun)\n"
                }
            }
        }

        if !report.writes.isEmpty {
            text += "\nWRITES\n" + report.writes.map { "  \($0)\n" }.joined()
        }
        for note in report.notes {
            text += "note: \(note)\n"
        }

        let summary = report.summary
        let outcome: String
        switch report.exitCode {
        case 0: outcome = "conformant"
        case 1:
            outcome = report.strict && summary.fail == 0 ? "not conformant (strict: SHOULD failed)" : "not conformant"
        default: outcome = summary.executed == 0 ? "nothing was tested" : "could not test everything"
        }
        text += "\n\(summary.line) in \(String(format: "%.2f", report.seconds)) s: \(outcome)\n"
        return text
    }

    private func paint(_ verdict: Verdict) -> String {
        guard color else {
            return verdict.rawValue
        }
        let code: String
        switch verdict {
        case .pass: code = "32"
        case .fail: code = "31"
        case .warn: code = "33"
        case .skip: code = "90"
        case .error: code = "35"
        }
        return "\u{1B}[\(code)m\(verdict.rawValue)\u{1B}[0m"
    }
}
