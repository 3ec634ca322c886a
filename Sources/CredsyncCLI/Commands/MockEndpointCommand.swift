import Credsync
import CredsyncConformance
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `credsync mock endpoint`: stand in for a platform's sync endpoint and grade every refresh call Cal.com makes.
struct MockEndpointCommand: Command {
    let name = "endpoint"
    let summary = "Stand in for a platform's sync endpoint and grade every refresh call (REF-*)."
    let usage = "credsync mock endpoint [--port N] [--grant USER:APP]... [--expiry ms|seconds-in|none] [options]"

    var discussion: String {
        """
        Listens on loopback (port 5100 by default, as the example platform app; --port 0 picks a free one) and
        answers POST <path> the way a careful platform does: 200 application/json with a fresh canary access token
        (credsync-canary-at-…, never a refresh_token) for a granted user and app; 403 for a missing or wrong secret
        (current edition; the legacy edition answers without one, END-013); 400 for malformed fields; 404 for an
        unknown user or app. Point Cal.com's CALCOM_CREDENTIAL_SYNC_ENDPOINT at the URL it prints.

        Every call is graded against the REF-* requirements and printed as one line. The report comes when
        --expect N calls have arrived, or on SIGINT or SIGTERM: a requirement fails if any call broke it and is
        skipped, with the reason, if no call exercised it.

        The secret and header name come from the edition's variables (CALCOM_CREDENTIAL_SYNC_SECRET and
        CALCOM_CREDENTIAL_SYNC_HEADER_NAME; legacy: CALCOM_WEBHOOK_SECRET, CALCOM_WEBHOOK_HEADER_NAME), from the
        environment or --env-file; --header-name overrides the name. Secrets and tokens are never printed.

        A seed file (--seed) is JSON: {"grants": [{"calcomUserId": 1, "appSlug": "google-calendar"}, …]}; with
        neither --grant nor --seed, user 1 holds google-calendar and zoom.

        --defect NAME plants one deviation per END-* requirement, for testing a probe: \
        \(EndpointDefect.names.joined(separator: ", ")).

        Exit codes: 0 every MUST met; 1 a MUST broken (or a SHOULD under --strict), or a secret in an output;
        2 a usage error; 3 nothing could be graded.
        """
    }

    var examples: [String] {
        [
            "# Stand in for the example platform app and grade Cal.com until Ctrl-C",
            "credsync mock endpoint --env-file .env",
            "# Two users, tokens with expires_in, a report after 5 calls",
            "credsync mock endpoint --grant 1:google-calendar --grant 2:zoom --expiry seconds-in --expect 5 --json r.json",
            "# Every third call gets a 503; each answer takes 2 s",
            "credsync mock endpoint --fail-every 3 --status 503 --delay 2000",
            "# A defective endpoint for testing a probe",
            "credsync mock endpoint --port 0 --defect expiry-in-seconds --defect leak-refresh-token",
        ]
    }

    var options: [Option] {
        [
            .value("edition", "E", help: "The callers' edition: current (default) or legacy."),
            .value("host", "ADDR", help: "Address to listen on (default 127.0.0.1)."),
            .value("port", "N", help: "Port to listen on (default 5100; 0 picks a free one)."),
            .value("path", "PATH", help: "The endpoint's path (default /api/getToken)."),
            .value("grant", "USER:APP", help: "Hold a credential for this user and app.", repeatable: true),
            .value("seed", "FILE", help: "Read grants from this JSON file."),
            .value("expiry", "SHAPE", help: "ms (expiry_date, default), seconds-in (expires_in) or none."),
            .value("lifetime", "S", help: "Token lifetime in seconds (default 3600)."),
            .value("header-name", "NAME", help: "The secret's header name, instead of the edition's variable."),
            .value("env-file", "FILE", help: "Read variables from this .env file; its values win."),
            .value("defect", "NAME", help: "Plant this END defect (see above).", repeatable: true),
            .value("fail-every", "N", help: "Every Nth call fails (with --status, or is dropped with --drop)."),
            .value("status", "CODE", help: "The status failing calls get (default 500)."),
            .flag("drop", help: "Failing calls get no answer: the connection is closed."),
            .value("delay", "MS", help: "Hold every answer back this long."),
            .value("expect", "N", help: "Report and stop after N calls."),
        ] + ReportOptions.options
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let report = try ReportOptions(arguments, on: terminal)
        var options = try Self.options(arguments, on: terminal)
        let expected = try Self.integer(arguments, "expect", minimum: 1)
        let checks = RefreshCallerChecks.checks(for: options.edition)
        try report.validate(against: CheckRunner(checks: checks).requirements)

        let stop = AsyncStream<String>.makeStream()
        let count = Mutex(0)
        let lineSecrets = [options.secret].compactMap { $0 }.filter { !$0.isEmpty }
            .map { Tripwire.Secret(label: "the secret", value: $0) }
        let applicable = Set(checks.map(\.id))
        let logContext = LineContext(options: options)
        options.onCall = { call in
            let line = RefreshCallGrading.line(for: call, in: logContext.log(with: call), applicable: applicable)
            if Tripwire(secrets: lineSecrets).scan(line, location: "a call line").isEmpty {
                terminal.writeOutput(line + "\n")
            } else {
                terminal.writeOutput("#\(call.number) (line withheld: it would show a secret)\n")
            }
            let reached = count.withLock { total in
                total += 1
                return expected.map { total >= $0 } ?? false
            }
            if reached {
                stop.continuation.yield("\(expected ?? 0) calls arrived")
            }
        }

        let endpoint: EndpointStandIn
        do {
            endpoint = try EndpointStandIn(options)
        } catch {
            throw CommandError(error.code == .bind ? .couldNotTest : .usage, error.reason)
        }
        let started = Date()
        let signals = Self.watchSignals { stop.continuation.yield($0) }
        terminal.writeOutput("listening on \(endpoint.url)\n")
        terminal.writeOutput(Self.describe(options) + "\n")

        var reason = ""
        for await why in stop.stream {
            reason = why
            break
        }
        for source in signals {
            source.cancel()
        }
        Self.restoreSignals()
        await endpoint.shutdown()

        let log = endpoint.log
        let results = await CheckRunner(checks: checks).run(log, selection: report.selection)
        var notes = ["stopped: \(reason)", "\(log.calls.count) call(s) received"]
        if !options.defects.isEmpty {
            notes.append("planted defects: " + options.defects.map(\.rawValue).sorted().joined(separator: ", "))
        }
        let conformance = ConformanceReport(
            command: "mock endpoint",
            target: endpoint.url,
            edition: .init(edition: options.edition, detected: false, evidence: ["--edition \(options.edition)"]),
            startedAt: started,
            seconds: Date().timeIntervalSince(started),
            strict: report.strict,
            results: results,
            notes: notes
        )
        return report.finish(
            conformance,
            command: "credsync mock endpoint",
            arguments: arguments,
            secrets: endpoint.secrets,
            on: terminal
        )
    }

    // MARK: - Options

    /// Reads the stand-in's options from the flags and variables.
    static func options(_ arguments: ParsedArguments, on terminal: Terminal) throws(CommandError)
        -> EndpointStandInOptions
    {
        let editionText = arguments.value("edition") ?? "current"
        guard let edition = Edition(rawValue: editionText) else {
            throw .usage("--edition takes legacy or current, not '\(editionText)'")
        }
        let variables = try Variables.load(arguments, on: terminal)
        let configuration = CredentialSyncConfiguration.resolve(
            edition: edition,
            side: .platform,
            environment: variables.values
        )

        var options = EndpointStandInOptions(edition: edition, port: 5100)
        options.host = arguments.value("host") ?? options.host
        options.port = try integer(arguments, "port", minimum: 0, maximum: 65_535) ?? options.port
        options.path = arguments.value("path") ?? options.path
        options.secret = configuration.secret.flatMap { $0.isEmpty ? nil : $0 }
        options.headerName =
            arguments.value("header-name") ?? (configuration.headerNameIsSet ? configuration.headerName : nil)
        if edition == .current && options.secret == nil {
            throw .usage(
                "the current edition needs the secret: set \(edition.secretVariable) in \(variables.origin) (or use"
                    + " --env-file, or --edition legacy)"
            )
        }

        do {
            var grants = try arguments.allValues("grant").map { text throws(EndpointStandInError) in
                try EndpointGrant(parsing: text)
            }
            if let seed = arguments.value("seed") {
                grants += try EndpointGrant.load(seedFile: seed)
            }
            options.grants = grants.isEmpty ? EndpointGrant.defaults : grants
            options.defects = Set(
                try arguments.allValues("defect").map { name throws(EndpointStandInError) in
                    try EndpointDefect(name: name)
                }
            )
        } catch {
            throw .usage(error.reason)
        }

        if let text = arguments.value("expiry") {
            guard let shape = TokenExpiryShape(rawValue: text) else {
                throw .usage("--expiry takes ms, seconds-in or none, not '\(text)'")
            }
            options.expiry = shape
        }
        if let seconds = try integer(arguments, "lifetime", minimum: 1) {
            options.lifetime = .seconds(seconds)
        }
        options.faults = EndpointFaults(
            failEvery: try integer(arguments, "fail-every", minimum: 1),
            status: try integer(arguments, "status", minimum: 100, maximum: 599),
            drop: arguments.flag("drop"),
            delay: .milliseconds(try integer(arguments, "delay", minimum: 0, maximum: 600_000) ?? 0)
        )
        if options.faults.drop && options.faults.status != nil {
            throw .usage("--drop and --status contradict each other: a dropped call gets no status")
        }
        do {
            try options.validate()
        } catch {
            throw .usage(error.reason)
        }
        return options
    }

    private static func integer(
        _ arguments: ParsedArguments,
        _ name: String,
        minimum: Int,
        maximum: Int = 1_000_000_000
    ) throws(CommandError) -> Int? {
        guard let text = arguments.value(name) else {
            return nil
        }
        guard let value = Int(text), (minimum...maximum).contains(value) else {
            throw .usage("--\(name) takes a whole number from \(minimum) to \(maximum), not '\(text)'")
        }
        return value
    }

    /// One line on what the stand-in expects and plants; the secret only as its key-check value.
    static func describe(_ options: EndpointStandInOptions) -> String {
        var parts = ["edition \(options.edition)"]
        if options.edition == .current || options.secret != nil {
            let check = options.secret.map { "\(KeyCheckValue(secret: $0))" } ?? "unset"
            parts.append("secret \(check) under \(options.effectiveHeaderName)")
        } else {
            parts.append("no secret required")
        }
        parts.append("grants " + options.grants.map(\.description).joined(separator: ", "))
        parts.append("expiry \(options.expiry)")
        if !options.defects.isEmpty {
            parts.append("defects " + options.defects.map(\.rawValue).sorted().joined(separator: ", "))
        }
        let faults = options.faults
        if faults.failsCalls {
            let which = faults.failEvery.map { "every \($0)th call" } ?? "every call"
            parts.append(faults.drop ? "\(which) dropped" : "\(which) answered \(faults.status ?? 500)")
        }
        if faults.delay > .zero {
            parts.append("answers delayed \(faults.delay)")
        }
        return parts.joined(separator: "; ")
    }

    // MARK: - Signals

    /// Turns SIGINT and SIGTERM into stop requests instead of ending the process.
    private static func watchSignals(_ stop: @escaping @Sendable (String) -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop(number == SIGINT ? "SIGINT" : "SIGTERM") }
            source.resume()
            return source
        }
    }

    private static func restoreSignals() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// Builds the grading context for one call's line: the calls before it are not needed, only the options.
private struct LineContext: Sendable {
    let options: EndpointStandInOptions

    func log(with call: RefreshCall) -> RefreshCallLog {
        RefreshCallLog(
            edition: options.edition,
            path: options.path,
            headerName: options.effectiveHeaderName,
            secret: options.secret,
            grants: options.grants,
            crossingAllowance: options.crossingAllowance,
            calls: [call]
        )
    }
}
