import Credsync
import CredsyncConformance
import Foundation
import Testing

@Suite("probe calcom against the stand-in")
struct CalcomProbeTests {
    @Test("a stand-in meeting every SHOULD passes every check, its edition detected", arguments: Edition.allCases)
    func cleanPasses(edition: Edition) async throws {
        let run = try await ProbeFixture.withStandIn(edition) { url in
            await CalcomProbeRun.run(ProbeFixture.configuration(url))
        }
        let finding = try #require(run.report.edition)
        #expect(finding.edition == edition)
        #expect(finding.detected)
        #expect(finding.evidence.count >= 4)
        for result in run.report.results where result.verdict != .skip {
            #expect(
                result.verdict == .pass,
                "\(result.id): \(result.expected) / \(result.observed) \(result.reason ?? "")"
            )
        }
        let passed = Set(run.report.results.filter { $0.verdict == .pass }.map(\.id.description))
        let applicable = ProbeFixture.checkedIDs.filter { id in
            (try? Catalog.standard.requirement(named: id))?.editions.contains(edition) ?? false
        }
        #expect(passed == applicable.subtracting(["CAL-001", "CAL-029", "CAL-032"]))
        #expect(run.report.exitCode == 0)
        #expect(!run.report.writes.isEmpty)
    }

    @Test(
        "a faithful stand-in meets every MUST and misses only the SHOULDs Cal.com misses",
        arguments: Edition.allCases
    )
    func faithfulWarnsOnKnownMisses(edition: Edition) async throws {
        let run = try await ProbeFixture.withStandIn(edition, fixesKnownMisses: false) { url in
            await CalcomProbeRun.run(ProbeFixture.configuration(url))
        }
        for result in run.report.results {
            #expect(result.verdict != .fail && result.verdict != .error, "\(result.id): \(result.observed)")
            if result.verdict == .warn {
                let requirement = try #require(Catalog.standard.requirement(result.id))
                #expect(requirement.knownMisses.contains(edition), "\(result.id) warns: \(result.observed)")
            }
        }
        #expect(run.report.exitCode == 0)
    }

    @Test(
        "a stand-in switched off answers 403 to every push (CAL-001) and 501 to API v1 (CAL-032), each defect shows",
        arguments: Edition.allCases
    )
    func switchedOff(edition: Edition) async throws {
        for defects: Set<CalcomDefect> in [[], [.ignoreSwitch], [.apiIgnoreSwitch]] {
            let run = try await ProbeFixture.withStandIn(edition, defects: defects, enabled: false) { url in
                await CalcomProbeRun.run(
                    ProbeFixture.configuration(url, edition: .fixed(edition), expectDisabled: true)
                )
            }
            let verdicts = ProbeFixture.verdicts(run)
            #expect(verdicts["CAL-001"] == (defects.contains(.ignoreSwitch) ? .fail : .pass))
            let api: Verdict = edition == .legacy ? .skip : defects.contains(.apiIgnoreSwitch) ? .fail : .pass
            #expect(verdicts["CAL-032"] == api)
            #expect(verdicts.filter { !["CAL-001", "CAL-032"].contains($0.key) }.values.allSatisfy { $0 == .skip })
        }
    }
}
