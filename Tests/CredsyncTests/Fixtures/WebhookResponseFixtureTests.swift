import Credsync
import Testing

@Suite("Webhook response fixtures")
struct WebhookResponseFixtureTests {
    static let files: [(Edition, String)] = [
        (.current, "fixtures/webhook/responses-current.json"), (.legacy, "fixtures/webhook/responses-legacy.json"),
    ]

    @Test("each branch's answer equals the fixture", arguments: Edition.allCases)
    func answers(edition: Edition) throws {
        let file = FixtureFile.json("fixtures/webhook/responses-\(edition.rawValue).json")
        #expect(file["edition"]?.stringValue == edition.rawValue)
        #expect(file["headerName"]?.stringValue == edition.defaultHeaderName)
        #expect(file["variables"]?["secret"]?.stringValue == edition.secretVariable)
        #expect(file["variables"]?["headerName"]?.stringValue == edition.headerNameVariable)

        let branches = file["branches"]?.elements ?? []
        #expect(branches.compactMap { $0["branch"]?.stringValue } == edition.webhookBranchOrder.map(\.rawValue))

        let shared = file["context"]
        for entry in branches {
            let branch = try #require(entry["branch"]?.stringValue.flatMap(WebhookBranch.init(rawValue:)))
            let context = entry["context"] ?? shared
            let header = (context?["headerName"]?.stringValue ?? "")
                .replacingOccurrences("{header}", with: edition.defaultHeaderName)
            let made = try #require(
                WebhookResponses.response(
                    for: branch,
                    in: edition,
                    context: .init(
                        userIdText: shared?["userIdText"]?.stringValue ?? "",
                        issues: (shared?["issues"]?.elements ?? []).compactMap(ZodIssue.init(json:)),
                        headerName: header
                    )
                )
            )
            #expect(made.status == entry["status"]?.integerValue, "\(branch)")
            #expect(made.reasonPhrase == entry["reasonPhrase"]?.stringValue, "\(branch)")
            #expect(made.contentType == entry["contentType"]?.stringValue, "\(branch)")
            #expect(made.bodyText == entry["body"]?.stringValue, "\(branch)")
            let fields = (entry["otherFields"]?.elements ?? []).map {
                HTTPRequestMessage.Field($0.elements[0].stringValue ?? "", $0.elements[1].stringValue ?? "")
            }
            #expect(made.otherFields == fields, "\(branch)")
            #expect(
                WebhookResponses.provenance(of: branch, in: edition)?.confidence.rawValue
                    == entry["confidence"]?.stringValue
            )
        }
    }

    @Test("branches missing from an edition have no answer")
    func missingBranches() {
        for edition in Edition.allCases {
            for branch in WebhookBranch.allCases where !edition.webhookBranchOrder.contains(branch) {
                #expect(WebhookResponses.response(for: branch, in: edition) == nil)
            }
        }
        #expect(Set(Edition.allCases.flatMap(\.webhookBranchOrder)) == Set(WebhookBranch.allCases))
    }
}
