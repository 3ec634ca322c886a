import Credsync
import CredsyncConformance
import Foundation
import Synchronization
import Testing

/// Every CAL check can fail: each defect of the stand-in makes exactly its requirement's check fail (a MUST) or
/// warn (a SHOULD), in each edition the requirement applies to, while every other check keeps its clean verdict;
/// only the checks declared dependent on the defect's requirement may instead skip as not observable.
@Suite("probe calcom: each planted defect fails exactly its check")
struct CalcomProbeDefectTests {
    /// The defects whose checks a probe of the stand-in runs.
    static let cases: [(CalcomDefect, Edition)] = CalcomDefect.allCases.flatMap { defect in
        Edition.allCases.compactMap { edition in
            guard let requirement = defect.requirement, requirement.editions.contains(edition),
                ProbeFixture.provenIDs.contains(requirement.id.description)
            else {
                return nil
            }
            return (defect, edition)
        }
    }

    /// The clean stand-in's verdicts, by edition and mode, probed once.
    static let clean = Mutex<[String: [String: Verdict]]>([:])

    static func cleanVerdicts(_ edition: Edition, fixesKnownMisses: Bool) async throws -> [String: Verdict] {
        let name = "\(edition)-\(fixesKnownMisses)"
        if let verdicts = clean.withLock({ $0[name] }) {
            return verdicts
        }
        let run = try await ProbeFixture.withStandIn(edition, fixesKnownMisses: fixesKnownMisses) { url in
            await CalcomProbeRun.run(ProbeFixture.configuration(url, edition: .fixed(edition)))
        }
        let verdicts = ProbeFixture.verdicts(run)
        clean.withLock { $0[name] = verdicts }
        return verdicts
    }

    /// The checks that measure from a baseline another requirement sets, by that requirement: with its defect
    /// planted they have nothing of their own to observe and skip instead of passing untested.
    static let dependents: [String: Set<String>] = [
        "CAL-002": ["CAL-005"],
        "CAL-003": ["CAL-004", "CAL-008"],
        "CAL-023": ["CAL-024", "CAL-025"],
        "CAL-024": ["CAL-025"],
    ]

    /// Defects that show only where Cal.com's own 500s remain, so they are planted in the faithful stand-in.
    static let faithful: Set<CalcomDefect> = [.leakErrorDetail]

    @Test("the defect fails exactly its check", arguments: cases)
    func defectFailsItsCheck(defect: CalcomDefect, edition: Edition) async throws {
        let requirement = try #require(defect.requirement)
        let fixes = !Self.faithful.contains(defect)
        let before = try await Self.cleanVerdicts(edition, fixesKnownMisses: fixes)
        let planted = try await ProbeFixture.withStandIn(edition, defects: [defect], fixesKnownMisses: fixes) { url in
            await CalcomProbeRun.run(ProbeFixture.configuration(url, edition: .fixed(edition)))
        }
        let after = ProbeFixture.verdicts(planted)
        let id = requirement.id.description
        #expect(before[id] == .pass)
        #expect(after[id] == (requirement.level.isMandatory ? .fail : .warn))
        let dependents = Self.dependents[id] ?? []
        for (other, verdict) in after where other != id {
            if dependents.contains(other), verdict == .skip {
                continue
            }
            #expect(verdict == before[other], "\(defect) also changed \(other): \(verdict)")
        }
    }
}
