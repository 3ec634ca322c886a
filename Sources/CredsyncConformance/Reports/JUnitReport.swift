import Credsync
public import Foundation

/// Writes a report as JUnit XML, one test suite a side and one test case a check.
///
/// A fail is a `<failure>`; an error is an `<error>`; a skip is `<skipped>`; a warning passes with its finding
/// in `<system-out>`, unless the run is strict, where it is a `<failure>` too.
public enum JUnitReport {
    /// The report as JUnit XML.
    ///
    /// - Parameter report: The report.
    /// - Returns: The UTF-8 XML document.
    public static func data(_ report: ConformanceReport) -> Data {
        let sides = Side.allCases.filter { side in report.results.contains { $0.side == side } }
        let summary = report.summary
        let failures = summary.fail + (report.strict ? summary.warn : 0)
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites name=\"\(escape("credsync " + report.command))\" tests=\"\(report.results.count)\""
        xml += " failures=\"\(failures)\" errors=\"\(summary.error)\" skipped=\"\(summary.skip)\""
        xml += " time=\"\(seconds(report.seconds * 1000))\">\n"

        for side in sides {
            let results = report.results.filter { $0.side == side }
            let sideSummary = RunSummary(results)
            let sideFailures = sideSummary.fail + (report.strict ? sideSummary.warn : 0)
            let time = results.reduce(0) { $0 + $1.milliseconds }
            xml += "  <testsuite name=\"\(escape(side.name))\" tests=\"\(results.count)\" failures=\"\(sideFailures)\""
            xml += " errors=\"\(sideSummary.error)\" skipped=\"\(sideSummary.skip)\" time=\"\(seconds(time))\">\n"
            for result in results {
                xml += testCase(result, strict: report.strict)
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return Data(xml.utf8)
    }

    private static func testCase(_ result: CheckResult, strict: Bool) -> String {
        let name = "\(result.id) [\(result.level)] \(result.title)"
        var xml = "    <testcase classname=\"credsync.\(result.side.prefix)\" name=\"\(escape(name))\""
        xml += " time=\"\(seconds(result.milliseconds))\""
        let detail =
            "expected: \(result.expected)\nobserved: \(result.observed)"
            + (result.fix.map { "\nfix: \($0)" } ?? "")
            + (result.rerun.map { "\nre-run: \($0)" } ?? "")

        switch result.verdict {
        case .pass:
            return xml + "/>\n"
        case .fail,
            .warn where strict:
            let message = result.verdict == .fail ? "MUST not met" : "SHOULD not met (strict)"
            xml += ">\n      <failure message=\"\(escape(message))\">\(escape(detail))</failure>\n"
        case .warn:
            xml += ">\n      <system-out>\(escape("WARNING: SHOULD not met\n" + detail))</system-out>\n"
        case .skip:
            let reason = (result.reason ?? "not applicable") + (result.enableWith.map { " (enable with \($0))" } ?? "")
            xml += ">\n      <skipped message=\"\(escape(reason))\"/>\n"
        case .error:
            xml += ">\n      <error message=\"\(escape(result.reason ?? "could not test"))\"/>\n"
        }
        return xml + "    </testcase>\n"
    }

    private static func seconds(_ milliseconds: Double) -> String {
        String(format: "%.3f", milliseconds / 1000)
    }

    /// Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n", "\t", "\r": output += "&#\(scalar.value);"
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
