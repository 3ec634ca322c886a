import Credsync
import CredsyncConformance
import CredsyncWire
import Foundation
import Testing

/// Runs the endpoint probe against stand-ins and hostile servers on loopback, for the END-* tests.
enum EndpointProbeSupport {
    /// The shared secret the tests use.
    static let secret = "probe-test-secret-Q7vK2mXw"

    /// The bound that proves a probe ended by itself rather than hung: far beyond its deadlines plus what a loaded
    /// scheduler adds, far below the 30 s a stalling server holds out.
    static let noHang: Duration = .seconds(15)

    /// Every END requirement, in catalog order.
    static var requirements: [Requirement] {
        EndpointProbe.requirements
    }

    /// The verdicts a faithful endpoint gets: every check of the edition passes, the other edition's are skipped,
    /// and an answer with no expiry (the example endpoint's) warns END-005.
    static func cleanVerdicts(edition: Edition, expiry: TokenExpiryShape = .milliseconds) -> [String: Verdict] {
        var verdicts: [String: Verdict] = [:]
        for requirement in requirements {
            verdicts[requirement.id.description] = requirement.editions.contains(edition) ? .pass : .skip
        }
        if expiry == .none {
            verdicts["END-005"] = .warn
        }
        return verdicts
    }

    /// Starts a stand-in, probes it, shuts it down.
    ///
    /// The stand-in answers at once, so the deadline is generous: a busy machine must not turn an answer into a
    /// timeout and a check into an error.
    static func probe(
        _ options: EndpointStandInOptions,
        probeSecret: String?? = .none,
        timeout: Duration = .seconds(20),
        latencyBudget: Duration = .seconds(10),
        selection: RequirementSelection = .all
    ) async throws -> (outcome: EndpointProbe.Outcome, standIn: EndpointStandIn) {
        let standIn = try EndpointStandIn(options)
        let configuration = EndpointProbeConfiguration(
            url: try #require(HTTPURL(standIn.url)),
            edition: options.edition,
            secret: probeSecret ?? options.secret,
            headerName: options.headerName,
            userID: 1,
            appSlug: "google-calendar",
            timeout: timeout,
            latencyBudget: latencyBudget,
            concurrency: 5
        )
        let outcome = await EndpointProbe(configuration: configuration).run(selection: selection)
        await standIn.shutdown()
        return (outcome, standIn)
    }

    /// The verdicts of a report by requirement ID.
    static func verdicts(_ report: ConformanceReport) -> [String: Verdict] {
        Dictionary(uniqueKeysWithValues: report.results.map { ($0.id.description, $0.verdict) })
    }

    /// The checks whose verdict differs from the expected one, for readable failures.
    static func differences(_ actual: [String: Verdict], _ expected: [String: Verdict], report: ConformanceReport)
        -> [String]
    {
        expected.keys.sorted().compactMap { id in
            guard actual[id] != expected[id] else {
                return nil
            }
            let result = report.results.first { $0.id.description == id }
            let detail = result.map { "observed: \($0.observed) \($0.reason ?? "")" } ?? "no result"
            return "\(id): expected \(expected[id]?.rawValue ?? "-"), got \(actual[id]?.rawValue ?? "-") (\(detail))"
        }
    }

    /// Runs a probe against a server that answers every request with the handler's response.
    static func probeServer(
        timeout: Duration = .milliseconds(300),
        handler: @escaping HTTPServer.Handler
    ) async throws -> (report: ConformanceReport, elapsed: Duration) {
        let server = try HTTPServer(configuration: HTTPServerConfiguration(), handler: handler)
        let configuration = EndpointProbeConfiguration(
            url: try #require(HTTPURL(server.baseURL + "/api/getToken")),
            secret: secret,
            timeout: timeout,
            latencyBudget: .milliseconds(200),
            concurrency: 3
        )
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = await EndpointProbe(configuration: configuration).run()
        let elapsed = start.duration(to: clock.now)
        await server.shutdown(gracePeriod: .zero)
        return (outcome.report, elapsed)
    }
}
