import Credsync
import CredsyncConformance
import Foundation
import Testing

@Suite("sync endpoint stand-in")
struct EndpointStandInTests {
    typealias Script = RefreshCallerScript

    static func start(_ options: EndpointStandInOptions = EndpointStandInOptions()) throws -> EndpointStandIn {
        var options = options
        if options.secret == nil {
            options.secret = Script.secret
        }
        return try EndpointStandIn(options)
    }

    @Test("a Cal.com-shaped call gets 200 JSON with a fresh canary token; careful refusals otherwise")
    func answers() async throws {
        let endpoint = try Self.start()
        let now = Date().timeIntervalSince1970 * 1000
        let results = try await Script.run(
            endpoint.url,
            [
                Script.calcom(),
                Script.calcom(app: "zoom"),
                Script.calcom(headers: [:]),
                Script.calcom(headers: ["calcom-credential-sync-secret": "not-the-secret"]),
                Script.calcom(headers: ["calcom-credential-sync-secret": Script.secret.uppercased()]),
                Script.calcom(headers: ["calcom-webhook-secret": Script.secret]),
                Script.calcom(user: "2"),
                Script.calcom(app: "hubspot"),
                Script.calcom(user: "01"),
                [
                    "json": ["calcomUserId": 1, "appSlug": "google-calendar"],
                    "headers": ["calcom-credential-sync-secret": Script.secret],
                ],
            ]
        )
        await endpoint.shutdown()

        #expect(results.map(\.status) == [200, 200, 403, 403, 403, 403, 404, 404, 400, 400])
        let first = try #require(results[0].json)
        let second = try #require(results[1].json)
        #expect(results[0].contentType == "application/json")
        let token = try #require(first["access_token"] as? String)
        #expect(token.hasPrefix("credsync-canary-"))
        #expect(token != second["access_token"] as? String)
        #expect(first["refresh_token"] == nil)
        let expiry = try #require(first["expiry_date"] as? Double)
        #expect(abs(expiry - (now + 3_600_000)) < 10_000)
        for refused in results[2...] {
            #expect(refused.contentType == "application/json")
            #expect(refused.json?["access_token"] == nil)
            #expect(!(refused.body ?? "").contains(Script.secret))
        }
        #expect(results[2].json?["message"] as? String == "secret header not set")
        #expect(results[3].json?["message"] as? String == "Invalid secret")
        #expect(endpoint.calls.count == 10)
    }

    @Test("the expiry shape", arguments: TokenExpiryShape.allCases)
    func shapes(shape: TokenExpiryShape) async throws {
        let endpoint = try Self.start(EndpointStandInOptions(expiry: shape))
        let results = try await Script.run(endpoint.url, [Script.calcom()])
        await endpoint.shutdown()

        let body = try #require(results.first?.json)
        #expect(body["access_token"] is String)
        switch shape {
        case .milliseconds:
            #expect((body["expiry_date"] as? Double ?? 0) > 1e12)
            #expect(body["expires_in"] == nil)
        case .secondsIn:
            #expect(body["expires_in"] as? Double == 3600)
            #expect(body["expiry_date"] == nil)
        case .none:
            #expect(body.keys.sorted() == ["access_token"])
        }
    }

    @Test("the legacy edition answers a call without a secret")
    func legacy() async throws {
        let endpoint = try EndpointStandIn(EndpointStandInOptions(edition: .legacy))
        let results = try await Script.run(endpoint.url, [Script.calcom(headers: [:])])
        await endpoint.shutdown()
        #expect(results.first?.status == 200)
    }

    @Test("--fail-every with --status: every Nth call gets the status")
    func failEvery() async throws {
        let endpoint = try Self.start(EndpointStandInOptions(faults: EndpointFaults(failEvery: 2, status: 503)))
        let results = try await Script.run(endpoint.url, Array(repeating: Script.calcom(), count: 4))
        await endpoint.shutdown()
        #expect(results.map(\.status) == [200, 503, 200, 503])
        #expect(results[1].json?["access_token"] == nil)
    }

    @Test("--drop closes the connection without an answer")
    func drop() async throws {
        let endpoint = try Self.start(EndpointStandInOptions(faults: EndpointFaults(failEvery: 2, drop: true)))
        let results = try await Script.run(endpoint.url, [Script.calcom(), Script.calcom()])
        await endpoint.shutdown()
        #expect(results[0].status == 200)
        #expect(results[1].status == nil)
        #expect(results[1].error != nil)
        #expect(endpoint.calls.map(\.outcome) == ["200 token", "dropped"])
    }

    @Test("--delay holds every answer back")
    func delay() async throws {
        let endpoint = try Self.start(EndpointStandInOptions(faults: EndpointFaults(delay: .milliseconds(300))))
        let results = try await Script.run(endpoint.url, [Script.calcom()])
        await endpoint.shutdown()
        #expect(results.first?.status == 200)
        #expect((results.first?.ms ?? 0) >= 290)
    }

    @Test("every END defect name in the catalog has exactly one EndpointDefect")
    func defectNames() throws {
        let catalogNames = Catalog.standard.requirements(for: .endpoint).filter { !$0.isRetired }.map(\.coverage.defect)
        #expect(Set(EndpointDefect.names) == Set(catalogNames))
        #expect(EndpointDefect.names.count == catalogNames.count)
        for defect in EndpointDefect.allCases {
            #expect(defect.requirement.side == .endpoint)
        }
        #expect(throws: EndpointStandInError.self) { try EndpointDefect(name: "slow") }
    }

    @Test("grants from USER:APP and from a seed file; precise errors otherwise")
    func grants() throws {
        #expect(
            try EndpointGrant(parsing: "42:office365-calendar")
                == EndpointGrant(calcomUserId: 42, appSlug: "office365-calendar")
        )
        for bad in ["x:zoom", "0:zoom", "01:zoom", "1:", "1", "-1:zoom"] {
            #expect(throws: EndpointStandInError.self) { try EndpointGrant(parsing: bad) }
        }
        let seed = #"{"grants": [{"calcomUserId": 1, "appSlug": "zoom"}, {"calcomUserId": "2", "appSlug": "msteams"}]}"#
        #expect(
            try EndpointGrant.parse(seed: Data(seed.utf8)) == [
                EndpointGrant(calcomUserId: 1, appSlug: "zoom"), EndpointGrant(calcomUserId: 2, appSlug: "msteams"),
            ]
        )
        for bad in [#"[]"#, #"{"grants": []}"#, #"{"grants": [{"calcomUserId": 1.5, "appSlug": "zoom"}]}"#] {
            #expect(throws: EndpointStandInError.self) { try EndpointGrant.parse(seed: Data(bad.utf8)) }
        }
    }
}
