import Credsync
import CredsyncConformance
import Foundation
import Testing

/// Each planted defect shows on the wire to an independent Node caller, and the clean stand-in does not show it.
@Suite("sync endpoint stand-in defects")
struct EndpointDefectTests {
    typealias Script = RefreshCallerScript
    typealias Result = Script.Result

    /// The calls that reveal a defect and whether the answers show it.
    struct Reveal: Sendable {
        let edition: Edition
        let steps: @Sendable () -> [Any]
        let shows: @Sendable ([Result]) -> Bool
        /// What the stand-in recorded, for what a caller cannot time reliably on a loaded machine.
        var recorded: @Sendable ([RefreshCall]) -> Bool = { _ in true }
    }

    static func reveal(
        _ defect: EndpointDefect
    ) -> Reveal {
        let valid: @Sendable () -> [Any] = { [Script.calcom()] }
        func first(_ test: @escaping @Sendable (Result) -> Bool) -> @Sendable ([Result]) -> Bool {
            { results in results.first.map(test) ?? false }
        }
        func body(_ test: @escaping @Sendable ([String: Any]) -> Bool) -> @Sendable ([Result]) -> Bool {
            first { $0.json.map(test) ?? false }
        }
        switch defect {
        case .errorStatusOnSuccess:
            return Reveal(edition: .current, steps: valid, shows: first { $0.status == 500 })
        case .textContentType:
            return Reveal(edition: .current, steps: valid, shows: first { $0.contentType?.hasPrefix("text/") == true })
        case .missingAccessToken:
            return Reveal(edition: .current, steps: valid, shows: body { $0["access_token"] == nil })
        case .scopeAsArray:
            return Reveal(edition: .current, steps: valid, shows: body { $0["scope"] is [Any] })
        case .noExpiry:
            return Reveal(edition: .current, steps: valid, shows: body { $0["expiry_date"] == nil })
        case .expiryInSeconds:
            return Reveal(
                edition: .current,
                steps: valid,
                shows: body { ($0["expiry_date"] as? Double ?? 1e13) < 1e11 }
            )
        case .expiredToken:
            return Reveal(
                edition: .current,
                steps: valid,
                shows: body { ($0["expiry_date"] as? Double ?? 1e13) < Date().timeIntervalSince1970 * 1000 }
            )
        case .leakRefreshToken:
            return Reveal(edition: .current, steps: valid, shows: body { $0["refresh_token"] is String })
        case .jsonBodyOnly:
            return Reveal(edition: .current, steps: valid, shows: first { $0.status == 400 })
        case .acceptMissingSecret:
            return Reveal(
                edition: .current,
                steps: { [Script.calcom(headers: [:])] },
                shows: first { $0.status == 200 }
            )
        case .acceptWrongSecret:
            return Reveal(
                edition: .current,
                steps: { [Script.calcom(headers: ["calcom-credential-sync-secret": "wrong-secret-value"])] },
                shows: first { $0.status == 200 }
            )
        case .acceptLegacyHeader:
            return Reveal(
                edition: .current,
                steps: { [Script.calcom(headers: ["calcom-webhook-secret": Script.secret])] },
                shows: first { $0.status == 200 }
            )
        case .requireSecret:
            return Reveal(edition: .legacy, steps: { [Script.calcom(headers: [:])] }, shows: first { $0.status == 403 })
        case .ignoreUserID:
            return Reveal(edition: .current, steps: { [Script.calcom(user: "99")] }, shows: first { $0.status == 200 })
        case .ignoreAppSlug:
            return Reveal(
                edition: .current,
                steps: { [Script.calcom(app: "hubspot")] },
                shows: first { $0.status == 200 }
            )
        case .clientError500:
            return Reveal(
                edition: .current,
                steps: { [Script.calcom(headers: [:])] },
                shows: first { $0.status == 500 }
            )
        case .invalidGrantOnError:
            return Reveal(
                edition: .current,
                steps: { [Script.calcom(headers: [:])] },
                shows: body { $0["error"] as? String == "invalid_grant" }
            )
        case .redirect:
            return Reveal(edition: .current, steps: valid, shows: first { $0.redirected == true && $0.status == 200 })
        case .slowResponse:
            return Reveal(
                edition: .current,
                steps: valid,
                shows: first { $0.status == 200 },
                recorded: { calls in calls.first.map { ($0.issued?.answeredAt ?? 0) - $0.receivedAt >= 290 } ?? false }
            )
        case .refreshLockConflict:
            return Reveal(
                edition: .current,
                steps: { [[Script.calcom(), Script.calcom(), Script.calcom()]] },
                shows: { results in results.contains { $0.status == 409 } }
            )
        }
    }

    /// Starts a planted and a clean stand-in, runs the steps against both in one Node process, and says whether
    /// each shows the defect.
    static func shown(_ defect: EndpointDefect, _ reveal: Reveal) async throws -> (planted: Bool, clean: Bool) {
        let endpoints = try [[defect], []].map { (defects: Set<EndpointDefect>) in
            try EndpointStandIn(
                EndpointStandInOptions(
                    edition: reveal.edition,
                    secret: Script.secret,
                    defects: defects,
                    slowResponseDelay: .milliseconds(300),
                    // Long enough that simultaneous calls overlap the held lock however busy the machine is.
                    lockHold: .seconds(2)
                )
            )
        }
        let steps = endpoints.map { endpoint in
            reveal.steps().map { step -> Any in
                if let group = step as? [[String: Any]] {
                    return group.map { $0.merging(["url": endpoint.url]) { $1 } }
                }
                return (step as? [String: Any] ?? [:]).merging(["url": endpoint.url]) { $1 }
            }
        }
        let results = try await Script.run(endpoints[0].url, steps[0] + steps[1])
        for endpoint in endpoints {
            await endpoint.shutdown()
        }
        let half = results.count / 2
        return (
            reveal.shows(Array(results[..<half])) && reveal.recorded(endpoints[0].calls),
            reveal.shows(Array(results[half...])) && reveal.recorded(endpoints[1].calls)
        )
    }

    @Test("the defect shows, and the clean stand-in does not show it", arguments: EndpointDefect.allCases)
    func shows(defect: EndpointDefect) async throws {
        let shown = try await Self.shown(defect, Self.reveal(defect))
        #expect(shown.planted)
        #expect(!shown.clean)
    }
}
