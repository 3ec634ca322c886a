import Credsync
import CredsyncConformance
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("runner and reports")
struct RunnerTests {
    /// A MUST, a SHOULD, a check that skips and one that cannot test, each with a fixed outcome.
    static let checks: [Check<Bool>] = [
        Check("CAL-002") { clean in
            .expect(clean, expected: "403", observed: clean ? "403" : "200")
        },
        Check("CAL-011") { clean in
            .expect(clean, expected: "4xx", observed: clean ? "400" : "500")
        },
        Check("CAL-023") { _ in .skip("writes are off", enableWith: "--allow-writes") },
        Check("CAL-015") { clean in clean ? .pass(expected: "404", observed: "404") : .error("timed out after 2 s") },
    ]

    static func report(clean: Bool, strict: Bool = false, selection: RequirementSelection = .all) async
        -> ConformanceReport
    {
        let results = await CheckRunner(checks: checks).run(clean, selection: selection)
        return ConformanceReport(
            command: "probe calcom",
            target: "http://127.0.0.1:3000",
            edition: .init(edition: .current, detected: true, evidence: ["header calcom-credential-sync-secret"]),
            startedAt: Date(timeIntervalSince1970: 1_767_225_600),
            seconds: 0.25,
            strict: strict,
            results: results
        )
    }

    @Test("a violated MUST fails, a violated SHOULD warns, and an error is neither")
    func grading() async {
        let clean = await Self.report(clean: true)
        #expect(clean.results.map(\.verdict) == [.pass, .pass, .skip, .pass])
        #expect(clean.exitCode == 0)

        let broken = await Self.report(clean: false)
        #expect(broken.results.map(\.verdict) == [.fail, .warn, .skip, .error])
        #expect(broken.summary.line == "0 pass, 1 fail, 1 warn, 1 skip, 1 error")
        #expect(broken.exitCode == 1)
    }

    @Test("exit codes: 3 when only errors, 1 for a SHOULD under --strict, 3 when nothing ran")
    func exitCodes() async throws {
        let onlyError = await Self.report(clean: false, selection: .init(only: [try RequirementID("CAL-015")]))
        #expect(onlyError.exitCode == 3)

        let should = await Self.report(
            clean: false,
            strict: true,
            selection: .init(only: [try RequirementID("CAL-011")])
        )
        #expect(should.exitCode == 1)
        let lenient = await Self.report(clean: false, selection: .init(only: [try RequirementID("CAL-011")]))
        #expect(lenient.exitCode == 0)

        let skipped = await Self.report(clean: true, selection: .init(only: [try RequirementID("CAL-023")]))
        #expect(skipped.exitCode == 3)
    }

    @Test("a selection is validated against the run's checks and refuses to run nothing")
    func selection() throws {
        let available = CheckRunner(checks: Self.checks).requirements
        #expect(throws: SelectionError.self) { try RequirementSelection(only: ["CAL-4"], skip: [], levels: []) }
        #expect(throws: SelectionError.self) { try RequirementSelection(only: [], skip: [], levels: ["OPTIONAL"]) }
        #expect(throws: SelectionError.self) {
            try RequirementSelection(only: ["END-001"], skip: [], levels: []).validate(against: available)
        }
        #expect(throws: SelectionError.self) {
            try RequirementSelection(only: [], skip: [], levels: ["MAY"]).validate(against: available)
        }
        let some = try RequirementSelection(only: ["cal-002, CAL-011"], skip: ["CAL-011"], levels: ["must"])
        try some.validate(against: available)
        #expect(available.filter(some.includes).map(\.id.description) == ["CAL-002"])
    }

    @Test("the JSON report round-trips and carries the schema, edition, summary and exit code")
    func json() async throws {
        let report = await Self.report(clean: false)
        let data = JSONReport.data(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "credsync-report/1")
        #expect(object["exitCode"] as? Int == 1)
        #expect((object["edition"] as? [String: Any])?["edition"] as? String == "current")
        let first = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "CAL-002")
        #expect(first["level"] as? String == "MUST")
        #expect(first["verdict"] as? String == "fail")
        #expect(first["expected"] as? String == "403")
        #expect(first["observed"] as? String == "200")

        let decoded = try JSONReport.read(data)
        #expect(decoded.results == report.results)
    }

    @Test("the JUnit report is well-formed XML with a failure, a skip and an error")
    func junit() async throws {
        let data = JUnitReport.data(await Self.report(clean: false))
        let parser = XMLParser(data: data)
        #expect(parser.parse())
        let xml = String(decoding: data, as: UTF8.self)
        #expect(xml.contains(#"tests="4" failures="1" errors="1" skipped="1""#))
        #expect(xml.contains("<failure message=\"MUST not met\">"))
        #expect(xml.contains("<skipped message=\"writes are off (enable with --allow-writes)\"/>"))
        #expect(xml.contains("<error message=\"timed out after 2 s\"/>"))

        let strict = String(decoding: JUnitReport.data(await Self.report(clean: false, strict: true)), as: UTF8.self)
        #expect(strict.contains(#"failures="2""#))
    }

    @Test("the text report lists findings with expected and observed, and ends with the summary")
    func text() async {
        let text = TextReport(color: false).render(await Self.report(clean: false))
        #expect(text.contains("edition: current (detected)"))
        #expect(text.contains("fail CAL-002 [MUST]"))
        #expect(text.contains("    expected: 403\n    observed: 200"))
        #expect(text.contains("could not test: timed out after 2 s"))
        #expect(text.hasSuffix("0 pass, 1 fail, 1 warn, 1 skip, 1 error in 0.25 s: not conformant\n"))
        #expect(!TextReport(color: false, quiet: true).render(await Self.report(clean: true)).contains("CAL-002"))
    }
}
