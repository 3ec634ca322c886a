import Credsync
import CredsyncConformance
import Foundation
import Testing

/// One SND check, the defect planted in the Node test sender, and the pushes that carry it.
struct PlantedSenderDefect: Sendable, CustomTestStringConvertible {
    let id: String
    let defect: String
    let edition: Edition
    let pushes: [JSONValue]
    var delay: Duration = .zero

    var testDescription: String { "\(id) \(defect)" }
}

extension MockCalcomSuites {
    @Suite("SND checks: each fails with its defect planted in the sender, and passes without it")
    struct SenderCheckTests {
        static let planted: [PlantedSenderDefect] = {
            let current = Edition.current
            let expiry = (Date().timeIntervalSince1970 + 3600).rounded() * 1000
            func document(_ members: [(String, JSONValue)]) -> JSONValue {
                .object(JSONObject(members))
            }
            let formBody = "userId=1&appSlug=google-calendar&keys=00"
            return [
                .init(
                    id: "SND-001",
                    defect: "wrong-path",
                    edition: current,
                    pushes: [
                        NodeSender.push([("path", "/api/webhook/app-credentials")])
                    ]
                ),
                .init(
                    id: "SND-002",
                    defect: "other-edition-header",
                    edition: current,
                    pushes: [
                        NodeSender.push(edition: .legacy)
                    ]
                ),
                .init(
                    id: "SND-003",
                    defect: "wrong-secret",
                    edition: current,
                    pushes: [
                        NodeSender.push([
                            (
                                "headers",
                                .object(
                                    JSONObject([(current.defaultHeaderName, .string("Bearer " + NodeSender.secret))])
                                )
                            )
                        ])
                    ]
                ),
                .init(
                    id: "SND-004",
                    defect: "missing-content-type",
                    edition: .legacy,
                    pushes: [
                        NodeSender.push(edition: .legacy, [("contentType", .null)])
                    ]
                ),
                .init(
                    id: "SND-005",
                    defect: "text-plain-body",
                    edition: current,
                    pushes: [
                        NodeSender.push([("contentType", "text/plain")])
                    ]
                ),
                .init(
                    id: "SND-006",
                    defect: "form-encoded-body",
                    edition: current,
                    pushes: [
                        NodeSender.push([("rawBody", .string(formBody))])
                    ]
                ),
                .init(
                    id: "SND-007",
                    defect: "user-id-as-string",
                    edition: current,
                    pushes: [
                        NodeSender.push(userId: "1")
                    ]
                ),
                .init(
                    id: "SND-008",
                    defect: "dir-name-slug",
                    edition: current,
                    pushes: [
                        NodeSender.push(appSlug: "googlecalendar")
                    ]
                ),
                .init(
                    id: "SND-009",
                    defect: "wrong-key",
                    edition: current,
                    pushes: [
                        NodeSender.push([
                            ("key", .string(NodeSender.otherKey)), ("iv", "ffeeddccbbaa99887766554433221100"),
                        ])
                    ]
                ),
                .init(
                    id: "SND-010",
                    defect: "uppercase-hex",
                    edition: current,
                    pushes: [
                        NodeSender.push([("uppercase", true)])
                    ]
                ),
                .init(
                    id: "SND-011",
                    defect: "iv-reuse",
                    edition: current,
                    pushes: [
                        NodeSender.push([("iv", .string(NodeSender.fixedIV))]),
                        NodeSender.push([("iv", .string(NodeSender.fixedIV))]),
                    ]
                ),
                .init(
                    id: "SND-012",
                    defect: "scalar-plaintext",
                    edition: current,
                    pushes: [
                        NodeSender.push([("plaintext", "\"canary-access-token\"")])
                    ]
                ),
                .init(
                    id: "SND-013",
                    defect: "missing-access-token",
                    edition: current,
                    pushes: [
                        NodeSender.push(
                            document: document([("token", "canary-access-token"), ("expiry_date", .number(expiry))])
                        )
                    ]
                ),
                .init(
                    id: "SND-014",
                    defect: "no-expiry",
                    edition: current,
                    pushes: [
                        NodeSender.push(document: document([("access_token", "canary-access-token")]))
                    ]
                ),
                .init(
                    id: "SND-015",
                    defect: "expiry-in-seconds",
                    edition: current,
                    pushes: [
                        NodeSender.push(
                            document: document([
                                ("access_token", "canary-access-token"), ("expiry_date", .number(expiry / 1000)),
                            ])
                        )
                    ]
                ),
                .init(
                    id: "SND-016",
                    defect: "expires-in-only",
                    edition: current,
                    pushes: [
                        NodeSender.push(
                            document: document([("access_token", "canary-access-token"), ("expires_in", 3599)])
                        )
                    ]
                ),
                .init(
                    id: "SND-017",
                    defect: "push-refresh-token",
                    edition: current,
                    pushes: [
                        NodeSender.push(
                            document: document([
                                ("access_token", "canary-access-token"), ("expiry_date", .number(expiry)),
                                ("refresh_token", "canary-refresh-token"),
                            ])
                        )
                    ]
                ),
                .init(
                    id: "SND-018",
                    defect: "concurrent-first-push",
                    edition: current,
                    pushes: [
                        NodeSender.push([("concurrent", 2)])
                    ],
                    delay: .milliseconds(300)
                ),
            ]
        }()

        @Test("the planted defect fails exactly its check", arguments: planted)
        func plantedDefectFails(_ planted: PlantedSenderDefect) async throws {
            let requirement = try #require(Catalog.standard.requirement(try RequirementID(planted.id)))
            #expect(requirement.coverage.defect == planted.defect)

            let standIn = try await NodeSender.standIn(edition: planted.edition, delay: planted.delay)
            try await NodeSender.shuttingDown(standIn) {
                _ = try await NodeSender.send(planted.pushes, to: try #require(standIn.baseURL))
                let results = standIn.results()
                let flagged = results.filter { $0.verdict != .pass && $0.verdict != .skip }.map(\.id.description)
                #expect(flagged == [planted.id])
                let verdict = results.first { $0.id.description == planted.id }?.verdict
                #expect(verdict == (requirement.level.isMandatory ? .fail : .warn))
            }
        }

        @Test("clean pushes pass every check of the edition", arguments: Edition.allCases)
        func cleanPushesPass(_ edition: Edition) async throws {
            let standIn = try await NodeSender.standIn(edition: edition)
            try await NodeSender.shuttingDown(standIn) {
                let answers = try await NodeSender.send(
                    [NodeSender.push(edition: edition), NodeSender.push(edition: edition)],
                    to: try #require(standIn.baseURL)
                )
                #expect(answers.map { $0[member: "status"] } == [.number(200), .number(200)])
                let results = standIn.results()
                #expect(Set(results.map(\.id)) == Set(SenderChecks.checks(for: edition).map(\.id)))
                #expect(results.allSatisfy { $0.verdict == .pass }, "\(results.filter { $0.verdict != .pass })")
            }
        }
    }
}
