import Credsync
import CredsyncConformance
import Foundation
import Testing

/// The probe against the sync endpoint stand-in: clean in every edition and expiry shape, and each END check
/// failing alone against its one planted defect.
@Suite("probe endpoint against the stand-in")
struct EndpointProbeTests {
    typealias Support = EndpointProbeSupport

    struct CleanCase: Sendable, CustomTestStringConvertible {
        let edition: Edition
        let expiry: TokenExpiryShape
        let probeSendsSecret: Bool
        var testDescription: String {
            "\(edition), expiry \(expiry)\(probeSendsSecret ? "" : ", no secret given")"
        }
    }

    static let cleanCases: [CleanCase] =
        Edition.allCases.flatMap { edition in
            TokenExpiryShape.allCases.map { CleanCase(edition: edition, expiry: $0, probeSendsSecret: true) }
        } + [CleanCase(edition: .legacy, expiry: .milliseconds, probeSendsSecret: false)]

    @Test("a faithful endpoint passes every check of its edition", arguments: cleanCases)
    func clean(_ testCase: CleanCase) async throws {
        let options = EndpointStandInOptions(
            edition: testCase.edition,
            expiry: testCase.expiry,
            secret: Support.secret
        )
        let (outcome, standIn) = try await Support.probe(
            options,
            probeSecret: testCase.probeSendsSecret ? Support.secret : .some(nil)
        )
        let report = outcome.report
        let expected = Support.cleanVerdicts(edition: testCase.edition, expiry: testCase.expiry)
        let differences = Support.differences(Support.verdicts(report), expected, report: report)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(report.exitCode == 0)
        #expect(report.results.count == Support.requirements.count)

        // Every token the stand-in handed out is known to the tripwire, and no output shows one.
        let handedOut = Set(standIn.secrets.map { String(decoding: $0.bytes, as: UTF8.self) })
        #expect(!outcome.receivedCredentials.isEmpty)
        #expect(Set(outcome.receivedCredentials).isSubset(of: handedOut))
        let tripwire = Tripwire(secrets: standIn.secrets)
        let outputs =
            [
                String(decoding: JSONReport.data(report), as: UTF8.self),
                String(decoding: JUnitReport.data(report), as: UTF8.self),
                TextReport(color: false).render(report),
            ] + outcome.transcripts.values
        for output in outputs {
            #expect(tripwire.scan(output, location: "output").isEmpty)
        }
    }

    static var defects: [EndpointDefect] {
        EndpointDefect.allCases
    }

    @Test("each planted defect fails exactly its own check", arguments: defects)
    func defect(_ defect: EndpointDefect) async throws {
        let edition: Edition = defect == .requireSecret ? .legacy : .current
        let requirement = try #require(Catalog.standard.requirement(defect.requirement))
        #expect(requirement.coverage.defect == defect.rawValue)

        let options = EndpointStandInOptions(
            edition: edition,
            secret: Support.secret,
            defects: [defect],
            slowResponseDelay: .milliseconds(600),
            // Long enough that the probe's simultaneous calls overlap the held lock however busy the machine is.
            lockHold: .seconds(3)
        )
        // Latency is judged tightly only where it is the defect (a 600 ms hold is always over a 300 ms budget):
        // other tests load the machine at the same time.
        let budget: Duration = defect == .slowResponse ? .milliseconds(300) : .seconds(10)
        let (outcome, _) = try await Support.probe(options, latencyBudget: budget)
        let report = outcome.report

        var expected = Support.cleanVerdicts(edition: edition)
        expected[requirement.id.description] = requirement.level.isMandatory ? .fail : .warn
        let differences = Support.differences(Support.verdicts(report), expected, report: report)
        #expect(differences.isEmpty, "\(defect): \(differences.joined(separator: "\n"))")
    }

    @Test("every END requirement has a planted defect in the stand-in")
    func everyRequirementHasADefect() {
        let planted = Set(EndpointDefect.allCases.map(\.requirement))
        for requirement in Support.requirements {
            #expect(planted.contains(requirement.id), "\(requirement.id) has no defect to plant")
        }
    }

    @Test("a wrong secret in the probe shows as refused valid calls, not as passes")
    func wrongProbeSecret() async throws {
        let options = EndpointStandInOptions(secret: Support.secret)
        let (outcome, _) = try await Support.probe(options, probeSecret: "not-the-platform-secret")
        let verdicts = Support.verdicts(outcome.report)
        #expect(verdicts["END-001"] == .fail)
        #expect(verdicts["END-003"] == .fail)
        #expect(verdicts["END-002"] == .skip)
        #expect(verdicts["END-020"] == .skip)
        #expect(outcome.report.exitCode == 1)
    }

    @Test("a selection sends only what its checks need and writes their transcripts")
    func selection() async throws {
        let options = EndpointStandInOptions(secret: Support.secret)
        let selection = RequirementSelection(only: [try RequirementID("END-010")])
        let (outcome, standIn) = try await Support.probe(options, selection: selection)
        #expect(outcome.report.results.map(\.id.description) == ["END-010"])
        #expect(outcome.report.results.first?.verdict == .pass)
        #expect(standIn.calls.count == 2)
        let transcript = try #require(outcome.transcripts[try RequirementID("END-010")])
        #expect(transcript.contains("# the call without a secret"))
        #expect(!transcript.contains(Support.secret))
    }

    @Test("transcripts hide the secret header and the tokens")
    func transcriptsRedacted() async throws {
        let options = EndpointStandInOptions(secret: Support.secret, defects: [.leakRefreshToken])
        let (outcome, standIn) = try await Support.probe(options)
        let transcript = try #require(outcome.transcripts[try RequirementID("END-008")])
        #expect(transcript.contains("calcom-credential-sync-secret: [redacted]"))
        #expect(transcript.contains("\"refresh_token\":\"[redacted]\""))
        let tripwire = Tripwire(secrets: standIn.secrets)
        for text in outcome.transcripts.values {
            #expect(tripwire.scan(text, location: "transcript").isEmpty)
        }
    }
}
