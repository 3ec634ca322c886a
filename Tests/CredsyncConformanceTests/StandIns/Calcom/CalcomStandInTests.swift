import Credsync
import CredsyncConformance
import CredsyncStore
import Foundation
import Testing

extension MockCalcomSuites {
    @Suite("Stand-in Cal.com against an independent Node sender")
    struct CalcomStandInTests {
        private func verdicts(_ push: CalcomPush) -> [String: Verdict] {
            Dictionary(uniqueKeysWithValues: push.results.map { ($0.id.description, $0.verdict) })
        }

        @Test("answers and grades clean, reused-IV, wrong-key, non-JSON, string-id, no-expiry and uppercase pushes")
        func scenarios() async throws {
            let standIn = try await NodeSender.standIn()
            try await NodeSender.shuttingDown(standIn) {
                let iv: (String, JSONValue) = ("iv", .string(NodeSender.fixedIV))
                let pushes: [JSONValue] = [
                    NodeSender.push(),
                    NodeSender.push(),
                    NodeSender.push(appSlug: "zoom", [iv]),
                    NodeSender.push(appSlug: "zoom", [iv]),
                    NodeSender.push(
                        appSlug: "msteams",
                        [("key", .string(NodeSender.otherKey)), ("iv", "ffeeddccbbaa99887766554433221100")]
                    ),
                    NodeSender.push(appSlug: "msteams", [("plaintext", "not json at all")]),
                    NodeSender.push(userId: "1"),
                    NodeSender.push(appSlug: "office365-calendar", document: ["access_token": "canary-access-token-2"]),
                    NodeSender.push(appSlug: "office365-calendar", [("uppercase", true)]),
                ]
                let answers = try await NodeSender.send(pushes, to: try #require(standIn.baseURL))
                try #require(answers.count == pushes.count)
                let statuses = answers.compactMap { $0[member: "status"]?.numberValue.map(Int.init) }
                #expect(statuses == [200, 200, 200, 200, 500, 500, 400, 200, 200])
                #expect(answers[0][member: "body"] == .string(#"{"message":"Credentials created for userId: 1"}"#))
                #expect(answers[1][member: "body"] == .string(#"{"message":"Credentials updated for userId: 1"}"#))
                #expect(answers[4][member: "body"] == .string(#"{"message":"Internal server error"}"#))
                #expect(
                    answers[6][member: "body"]?.stringValue?.hasPrefix(#"{"error":[{"code":"invalid_type""#) == true
                )
                #expect(answers.allSatisfy { $0[member: "contentType"] == .string("application/json") })

                let graded = standIn.pushes.sorted { $0.number < $1.number }
                try #require(graded.count == pushes.count)
                let expectations: [(Int, String, Verdict)] = [
                    (3, "SND-011", .fail), (4, "SND-009", .fail), (5, "SND-012", .fail), (6, "SND-007", .fail),
                    (7, "SND-014", .warn), (8, "SND-010", .warn),
                ]
                for (index, id, verdict) in expectations {
                    #expect(verdicts(graded[index])[id] == verdict, "push \(index + 1) \(id)")
                }
                #expect(graded[0].results.allSatisfy { $0.verdict == .pass })
                #expect(graded[1].results.allSatisfy { $0.verdict == .pass })
                #expect(graded[2].results.allSatisfy { $0.verdict == .pass })
                for push in graded {
                    #expect(!push.line.contains(NodeSender.secret) && !push.line.contains("canary-access-token"))
                }
                #expect(try standIn.store.credentials().count == 3)
            }
        }

        @Test("100 concurrent first pushes for one pair: one created, one row")
        func concurrentFirstPushes() async throws {
            let standIn = try await NodeSender.standIn()
            try await NodeSender.shuttingDown(standIn) {
                let answers = try await NodeSender.send(
                    [NodeSender.push(userId: 7, appSlug: "zoom", [("concurrent", 100)])],
                    to: try #require(standIn.baseURL)
                )
                try #require(answers.count == 100)
                let bodies = answers.compactMap { $0[member: "body"]?.stringValue }
                #expect(bodies.filter { $0.contains("created") }.count == 1)
                #expect(bodies.filter { $0.contains("updated") }.count == 99)
                #expect(try standIn.store.count(userId: 7, appSlug: "zoom") == 1)
            }
        }

        @Test("racy-create answers several concurrent first pushes created")
        func racyCreate() async throws {
            let standIn = try await NodeSender.standIn(defects: [.racyCreate])
            try await NodeSender.shuttingDown(standIn) {
                let answers = try await NodeSender.send(
                    [NodeSender.push(userId: 7, appSlug: "zoom", [("concurrent", 10)])],
                    to: try #require(standIn.baseURL)
                )
                let created = answers.filter { $0[member: "body"]?.stringValue?.contains("created") == true }
                #expect(created.count > 1)
                #expect(try standIn.store.count(userId: 7, appSlug: "zoom") == 1)
            }
        }

        @Test("injected faults: every second push gets 503 and is not stored; drop closes the connection")
        func faults() async throws {
            let settings = WebhookSettings(edition: .current, secret: NodeSender.secret, keyString: NodeSender.key)
            let standIn = try CalcomStandIn(options: .init(settings: settings, faults: .init(every: 2)))
            try await standIn.start()
            let answers = try await NodeSender.send(
                [NodeSender.push(), NodeSender.push(appSlug: "zoom")],
                to: try #require(standIn.baseURL)
            )
            #expect(answers.map { $0[member: "status"] } == [.number(200), .number(503)])
            #expect(try standIn.store.credentials().count == 1)
            await standIn.shutdown()

            let dropping = try CalcomStandIn(options: .init(settings: settings, faults: .init(every: 1, drop: true)))
            try await dropping.start()
            let dropped = try await NodeSender.send([NodeSender.push()], to: try #require(dropping.baseURL))
            #expect(dropped.first?[member: "error"] != nil)
            #expect(try dropping.store.credentials().isEmpty)
            await dropping.shutdown()
        }

        @Test("switched off without a secret: 403, said on startup")
        func disabled() async throws {
            let settings = WebhookSettings(edition: .current, secret: "", keyString: NodeSender.key)
            let standIn = try CalcomStandIn(options: .init(settings: settings))
            try await standIn.start()
            try await NodeSender.shuttingDown(standIn) {
                #expect(standIn.startupLines.contains { $0.contains("switched off") })
                let answers = try await NodeSender.send([NodeSender.push()], to: try #require(standIn.baseURL))
                #expect(answers.first?[member: "status"] == .number(403))
                #expect(answers.first?[member: "body"] == .string(#"{"message":"Credential sharing is not enabled"}"#))
            }
        }

        @Test("seeds: user ranges, app lists and seed files")
        func seeds() throws {
            #expect(try CalcomSeed.users("1-3,42") == [1, 2, 3, 42])
            #expect(throws: CalcomStandInError.self) { try CalcomSeed.users("one") }
            let apps = try CalcomSeed.apps("zoom,my-app=my_type,old=-")
            #expect(apps["zoom"] == WebhookAppRecord.known["zoom"])
            #expect(apps["my-app"] == .found(metadataSlug: "my-app", type: "my_type"))
            #expect(apps["old"] == .withoutMetadata)
            let seed = try CalcomSeed.load(
                Data(#"{"users":[5,"7-8"],"apps":[{"slug":"zoom"},{"slug":"old","metadata":false}]}"#.utf8)
            )
            #expect(seed.users == [5, 7, 8])
            #expect(seed.apps["old"] == .withoutMetadata)
        }
    }
}
