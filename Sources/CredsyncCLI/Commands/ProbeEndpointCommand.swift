import Credsync
import CredsyncConformance
import CredsyncWire
import Foundation

/// `credsync probe endpoint`: the END-* checks of a platform's live sync endpoint.
struct ProbeEndpointCommand: Command {
    let name = "endpoint"
    let summary = "Probe a platform's live sync endpoint with Cal.com's refresh call (END-*)."
    let usage = "credsync probe endpoint --url URL [--user-id N] [--app-slug SLUG] [--edition E] [options]"

    var discussion: String {
        """
        Sends the endpoint (CALCOM_CREDENTIAL_SYNC_ENDPOINT) Cal.com's refresh call, exactly as Cal.com sends it:
        POST with the form body calcomUserId=<N>&appSlug=<SLUG>, content-type
        application/x-www-form-urlencoded;charset=UTF-8, fetch's default headers and the secret header (current
        edition). --user-id and --app-slug must name a user and app the platform holds a credential for (default 1
        and google-calendar, as the example platform app). Then the same call without the secret, with a wrong one,
        with the secret in another case, under calcom-webhook-secret only, for an unknown user (2147483648, above
        Cal.com's integer user ids) and an unknown app (credsync-probe-no-such-app), and with each field missing or
        malformed; then --concurrency simultaneous valid calls. Each END check judges one property of the answers.

        The secret comes from CALCOM_CREDENTIAL_SYNC_SECRET (legacy: CALCOM_WEBHOOK_SECRET), the header name from
        CALCOM_CREDENTIAL_SYNC_HEADER_NAME (legacy: CALCOM_WEBHOOK_HEADER_NAME) or --header-name, from the
        environment or --env-file. The legacy caller sends no secret; with --edition legacy the secret is optional
        and END-013 checks that a call without it is answered. The secret and every token received are never
        printed: transcripts show [redacted], and every output is scanned before it is written.

        Every request has the --timeout deadline (seconds, fractions allowed; default 10). The calls go out in three
        rounds (the valid call alone, the refusals together, the simultaneous calls), so a dead or hostile endpoint
        ends in about three deadlines with error verdicts. Redirects are reported (END-018) and never followed, save
        one 307 or 308 to the same origin, which fetch would follow with the same body and secret.

        Exit codes: 0 every MUST met; 1 a MUST broken (or a SHOULD under --strict), or a secret in an output;
        2 a usage error; 3 the endpoint could not be tested (timeout, connection, TLS, garbage).
        """
    }

    var examples: [String] {
        [
            "# Probe a local platform with the secret from its .env",
            "credsync probe endpoint --url http://localhost:5100/api/getToken --env-file .env",
            "# A platform built from the docs, with reports for CI",
            "credsync probe endpoint --url https://platform.example/sync --edition legacy --json r.json --junit r.xml",
            "# Only the secret checks, with a short deadline",
            "credsync probe endpoint --url http://localhost:5100/api/getToken --only END-010,END-011 --timeout 0.5",
        ]
    }

    var options: [Option] {
        [
            .value("url", "URL", help: "The sync endpoint's URL (http or https)."),
            .value("user-id", "N", help: "A Cal.com user id the platform holds a credential for (default 1)."),
            .value(
                "app-slug",
                "SLUG",
                help: "An app the platform holds that user's credential for (default google-calendar)."
            ),
            .value("edition", "E", help: "The caller's edition: current (default) or legacy."),
            .value("header-name", "NAME", help: "The secret's header name, instead of the edition's variable."),
            .value("env-file", "FILE", help: "Read variables from this .env file; its values win."),
            .value("timeout", "S", help: "The deadline of each request, in seconds (default 10; 0.5 allowed)."),
            .value("latency-budget", "MS", help: "END-019's budget for a valid call, in milliseconds (default 5000)."),
            .value("concurrency", "N", help: "How many simultaneous valid calls END-020 makes (default 5, 2 to 64)."),
            .value(
                "ca-file",
                "PEM",
                help: "Trust the certificates in this PEM file for https, instead of the system's."
            ),
        ] + ReportOptions.options
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let report = try ReportOptions(arguments, on: terminal)
        let configuration = try Self.configuration(arguments, on: terminal)
        try report.validate(against: EndpointProbe.requirements)

        let outcome = await EndpointProbe(configuration: configuration).run(
            selection: report.selection,
            strict: report.strict,
            progress: report.progress(on: terminal)
        )

        var secrets: [Tripwire.Secret] = []
        if let secret = configuration.secret {
            secrets.append(Tripwire.Secret(label: "the shared secret", value: secret))
        }
        for (number, credential) in outcome.receivedCredentials.enumerated() {
            secrets.append(Tripwire.Secret(label: "received token #\(number + 1)", value: credential))
        }

        let transcripts = Dictionary(uniqueKeysWithValues: outcome.transcripts.map { ($0.key.description, $0.value) })
        let conformance = try report.writeTranscripts(
            transcripts,
            secrets: secrets,
            into: outcome.report,
            on: terminal
        )

        return report.finish(
            conformance,
            command: "credsync probe endpoint",
            arguments: arguments,
            secrets: secrets,
            on: terminal
        )
    }

    // MARK: - Options

    static func configuration(
        _ arguments: ParsedArguments,
        on terminal: Terminal
    ) throws(CommandError) -> EndpointProbeConfiguration {
        guard let text = arguments.value("url") else {
            throw .usage("--url is required: the sync endpoint's URL, as CALCOM_CREDENTIAL_SYNC_ENDPOINT holds it")
        }
        guard let url = HTTPURL(text) else {
            throw .usage("--url is not an http or https URL without user information (a user or password in it)")
        }

        let edition: Edition
        switch arguments.value("edition") ?? "current" {
        case "current": edition = .current
        case "legacy": edition = .legacy
        case let other: throw .usage("--edition takes current or legacy, not '\(other)'")
        }

        let userID = try integer(arguments, "user-id", default: 1, range: 1...999_999_999_999_999)
        let appSlug = arguments.value("app-slug") ?? "google-calendar"
        guard !appSlug.isEmpty else {
            throw .usage("--app-slug must not be empty")
        }
        let timeout = try duration(arguments, "timeout", default: 10, unit: 1, range: 0.01...600)
        let budget = try duration(arguments, "latency-budget", default: 5_000, unit: 0.001, range: 1...600_000)
        let concurrency = try integer(arguments, "concurrency", default: 5, range: 2...64)

        let variables = try Variables.load(arguments, on: terminal)
        let secretVariables = [edition.secretVariable, edition.other.secretVariable]
        let secret = secretVariables.lazy.compactMap { variables.values[$0] }.first { !$0.isEmpty }
        if edition == .current && secret == nil {
            throw CommandError(
                .usage,
                "\(edition.secretVariable) is not set in \(variables.origin); set it or pass --env-file"
            )
        }
        let headerName = arguments.value("header-name") ?? variables.values[edition.headerNameVariable]
        if let headerName, !headerName.isEmpty, !HeaderLookup.isValidName(headerName) {
            throw .usage("'\(headerName)' is not a valid header name")
        }

        var tls = HTTPClientConfiguration.TLSVerification.system
        if let path = arguments.value("ca-file") {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .usage("cannot read the --ca-file '\(path)'")
            }
            tls = .caFile(path)
        }

        return EndpointProbeConfiguration(
            url: url,
            edition: edition,
            secret: secret,
            headerName: headerName,
            userID: userID,
            appSlug: appSlug,
            timeout: timeout,
            latencyBudget: budget,
            concurrency: concurrency,
            tlsVerification: tls
        )
    }

    private static func integer(
        _ arguments: ParsedArguments,
        _ name: String,
        default value: Int,
        range: ClosedRange<Int>
    ) throws(CommandError) -> Int {
        guard let text = arguments.value(name) else {
            return value
        }
        guard let number = Int(text), range.contains(number) else {
            throw .usage(
                "--\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'"
            )
        }
        return number
    }

    private static func duration(
        _ arguments: ParsedArguments,
        _ name: String,
        default value: Double,
        unit: Double,
        range: ClosedRange<Double>
    ) throws(CommandError) -> Duration {
        var number = value
        if let text = arguments.value(name) {
            guard let parsed = Double(text), parsed.isFinite, range.contains(parsed) else {
                throw .usage("--\(name) takes a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            }
            number = parsed
        }
        return .milliseconds(Int64((number * unit * 1000).rounded()))
    }
}
