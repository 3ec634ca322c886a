import Credsync
import CredsyncConformance
import Foundation
import Testing

/// Every CAL check can fail: each defect of the stand-in makes exactly its requirement's check fail (a MUST) or
/// warn (a SHOULD), in each edition the requirement applies to, while every other check keeps its clean verdict.
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

    @Test("the defect fails exactly its check", arguments: cases)
    func defectFailsItsCheck(defect: CalcomDefect, edition: Edition) async throws {
        let requirement = try #require(defect.requirement)
        let clean = try await ProbeFixture.withStandIn(edition) { url in
            await CalcomProbeRun.run(ProbeFixture.configuration(url, edition: .fixed(edition)))
        }
        let planted = try await ProbeFixture.withStandIn(edition, defects: [defect]) { url in
            await CalcomProbeRun.run(ProbeFixture.configuration(url, edition: .fixed(edition)))
        }
        let before = ProbeFixture.verdicts(clean)
        let after = ProbeFixture.verdicts(planted)
        let id = requirement.id.description
        #expect(before[id] == .pass)
        #expect(after[id] == (requirement.level.isMandatory ? .fail : .warn))
        for (other, verdict) in after where other != id {
            #expect(verdict == before[other], "\(defect) also changed \(other): \(verdict)")
        }
    }
}
