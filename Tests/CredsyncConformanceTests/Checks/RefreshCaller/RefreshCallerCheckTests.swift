import Credsync
import CredsyncConformance
import Foundation
import Testing

/// Each REF-* check fails against a Node caller with its one defect planted, and passes against the clean caller.
@Suite("refresh caller checks")
struct RefreshCallerCheckTests {
    typealias Script = RefreshCallerScript

    /// One planted caller defect: the catalog's defect name, the stand-in's setup and the calls.
    struct Planted: Sendable, CustomTestStringConvertible {
        let id: String
        let defect: String
        let edition: Edition
        let expiry: TokenExpiryShape
        /// The clean caller's calls, after one clean call for user 1 and zoom.
        let clean: @Sendable () -> [[String: Any]]
        /// The defective caller's calls, after the same clean call.
        let planted: @Sendable () -> [[String: Any]]

        init(
            _ id: String,
            _ defect: String,
            edition: Edition = .current,
            expiry: TokenExpiryShape = .milliseconds,
            clean: @escaping @Sendable () -> [[String: Any]] = { [Script.calcom()] },
            planted: @escaping @Sendable () -> [[String: Any]]
        ) {
            self.id = id
            self.defect = defect
            self.edition = edition
            self.expiry = expiry
            self.clean = clean
            self.planted = planted
        }

        var testDescription: String { "\(id) \(defect)" }
    }

    static let form: [[String]] = [["calcomUserId", "1"], ["appSlug", "google-calendar"]]
    static let secretHeader = ["calcom-credential-sync-secret": Script.secret]

    static let planted: [Planted] = [
        Planted("REF-001", "add-query") {
            [Script.calcom().merging(["query": "?reason=refresh"]) { $1 }]
        },
        Planted("REF-002", "json-content-type") {
            [Script.calcom().merging(["contentType": "application/json"]) { $1 }]
        },
        Planted("REF-003", "extra-field") {
            [Script.calcom().merging(["form": form + [["reason", "refresh"]]]) { $1 }]
        },
        Planted("REF-004", "json-body") {
            [
                [
                    "raw": #"{"calcomUserId":"1","appSlug":"google-calendar"}"#,
                    "contentType": "application/x-www-form-urlencoded;charset=UTF-8", "headers": secretHeader,
                ]
            ]
        },
        Planted("REF-005", "credential-id-as-user-id") { [Script.calcom(user: "17")] },
        Planted("REF-006", "dir-name-slug") { [Script.calcom(app: "zoomvideo")] },
        Planted("REF-007", "omit-secret-header") { [Script.calcom(headers: [:])] },
        Planted(
            "REF-008",
            "wrong-secret-on-refresh",
            edition: .legacy,
            clean: { [Script.calcom(headers: [:])] },
            planted: { [Script.calcom(headers: ["calcom-webhook-secret": "another-secret-value"])] }
        ),
        Planted("REF-009", "refresh-team-credential") { [Script.calcom(user: "null")] },
        Planted("REF-010", "refresh-every-use") { [Script.calcom(), Script.calcom(waitMs: 200)] },
        Planted(
            "REF-011",
            "no-expiry-means-expired",
            expiry: .none,
            planted: { [Script.calcom(), Script.calcom(waitMs: 200)] }
        ),
        Planted(
            "REF-012",
            "expires-in-as-milliseconds",
            expiry: .secondsIn,
            planted: { [Script.calcom(), Script.calcom(waitMs: 200)] }
        ),
    ]

    /// Runs the clean and the planted caller, each against a fresh stand-in, in one Node process, and grades each
    /// stand-in's calls.
    static func grade(_ planted: Planted) async throws -> (clean: [CheckResult], planted: [CheckResult]) {
        let endpoints = try (0..<2).map { _ in
            try EndpointStandIn(
                EndpointStandInOptions(
                    edition: planted.edition,
                    expiry: planted.expiry,
                    lifetime: .seconds(60),
                    secret: Script.secret,
                    crossingAllowance: .milliseconds(100)
                )
            )
        }
        let first = Script.calcom(app: "zoom", headers: planted.edition == .legacy ? [:] : nil)
        let steps = zip(endpoints, [planted.clean(), planted.planted()]).flatMap { endpoint, calls in
            ([first] + calls).map { $0.merging(["url": endpoint.url]) { $1 } }
        }
        _ = try await Script.run(endpoints[0].url, steps)
        var graded: [[CheckResult]] = []
        for endpoint in endpoints {
            await endpoint.shutdown()
            graded.append(await CheckRunner(checks: RefreshCallerChecks.checks(for: planted.edition)).run(endpoint.log))
        }
        return (graded[0], graded[1])
    }

    @Test("the check fails with its defect planted in the caller, and passes without", arguments: planted)
    func plantedDefect(planted: Planted) async throws {
        let requirement = try #require(Catalog.standard.requirement(defect: planted.defect, side: .refreshCaller))
        #expect(requirement.id.description == planted.id)
        let (clean, broken) = try await Self.grade(planted)

        #expect(clean.first { $0.id == requirement.id }?.verdict == .pass)
        #expect(clean.filter { $0.verdict == .fail || $0.verdict == .warn || $0.verdict == .error }.isEmpty)

        let notMet = broken.filter { $0.verdict == .fail || $0.verdict == .warn || $0.verdict == .error }
        #expect(notMet.map(\.id) == [requirement.id], "\(notMet.map { "\($0.id): \($0.observed)" })")
        #expect(notMet.first?.verdict == (requirement.level.isMandatory ? .fail : .warn))
        #expect(!broken.contains { $0.observed.contains(Script.secret) })
    }

    @Test("a docs-style caller: JSON body, a GET, a numeric calcomUserId, no secret, the legacy header name")
    func docsCaller() async throws {
        let endpoint = try EndpointStandIn(EndpointStandInOptions(secret: Script.secret))
        let results = try await Script.run(
            endpoint.url,
            [
                ["json": ["calcomUserId": 1, "appSlug": "google-calendar"], "headers": Self.secretHeader],
                ["method": "GET", "headers": Self.secretHeader],
                Script.calcom(headers: [:]),
                Script.calcom(headers: ["calcom-webhook-secret": Script.secret]),
            ]
        )
        await endpoint.shutdown()
        #expect(results.map(\.status) == [400, 405, 403, 403])

        let log = endpoint.log
        let verdicts = log.calls.map { RefreshCallGrading.verdicts(for: $0, in: log) }
        let failed = verdicts.map { Set($0.filter { $0.value.isViolation }.keys.map(\.description)) }
        #expect(failed == [["REF-002", "REF-004"], ["REF-001", "REF-002", "REF-003"], ["REF-007"], ["REF-007"]])
        #expect(verdicts[0][try RequirementID("REF-004")]?.detail.contains("numeric calcomUserId") == true)
        #expect(verdicts[3][try RequirementID("REF-007")]?.detail.contains("calcom-webhook-secret") == true)

        let results2 = await CheckRunner(checks: RefreshCallerChecks.checks(for: .current)).run(log)
        let failing = results2.filter { $0.verdict == .fail }.map(\.id.description)
        #expect(failing == ["REF-001", "REF-002", "REF-003", "REF-004", "REF-007"])
        #expect(results2.allSatisfy { !$0.observed.contains(Script.secret) })

        let line = RefreshCallGrading.line(
            for: log.calls[3],
            in: log,
            applicable: Set(results2.map(\.id))
        )
        #expect(line.hasPrefix("#4 POST /api/getToken → 403 secret header not set"))
        #expect(line.hasSuffix("| fail REF-007"))
        #expect(!line.contains(Script.secret))
    }

    @Test("no calls: every check skips with its reason")
    func noCalls() async throws {
        let endpoint = try EndpointStandIn(EndpointStandInOptions(secret: Script.secret))
        await endpoint.shutdown()
        let results = await CheckRunner(checks: RefreshCallerChecks.checks(for: .current)).run(endpoint.log)
        #expect(results.count == 15)
        #expect(results.allSatisfy { $0.verdict == .skip && $0.reason != nil })
        let legacy = RefreshCallerChecks.checks(for: .legacy).map(\.id.description)
        #expect(!legacy.contains("REF-007") && legacy.contains("REF-008") && !legacy.contains("REF-011"))
    }
}
