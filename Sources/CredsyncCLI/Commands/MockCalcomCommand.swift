import Credsync
import CredsyncConformance
import CredsyncStore
import Dispatch
import Foundation

/// `credsync mock calcom`: a Cal.com stand-in on loopback that answers like the chosen edition and grades every push.
struct MockCalcomCommand: Command {
    let name = "calcom"
    let summary = "Stand in for Cal.com's credential webhook and grade every push a platform sends (SND-*)."
    let usage = "credsync mock calcom [--edition legacy|current] [--port N] [--expect N] [options]"

    var discussion: String {
        """
        Listens on loopback and answers POST /api/webhook/app-credential exactly as Cal.com of the chosen edition
        does, branch for branch: status, reason phrase, content type and body. The secret comes from
        CALCOM_CREDENTIAL_SYNC_SECRET (legacy: CALCOM_WEBHOOK_SECRET), the header name from --header-name or
        CALCOM_CREDENTIAL_SYNC_HEADER_NAME (legacy: CALCOM_WEBHOOK_HEADER_NAME), the key from
        CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY, read from the environment or --env-file. With the secret or the key
        empty, sharing is switched off and every push gets 403, as on Cal.com.

        Users and apps: --users (default 1-10) and --apps (default google-calendar, zoom, office365-calendar,
        msteams; slug=type sets a type, slug=- an App row without metadata), or --seed FILE holding
        {"users": [1, "5-9"], "apps": [{"slug": "zoom", "type": "zoom_video"}, {"slug": "old", "metadata": false}]}.
        Accepted credentials are stored one row per (user, app) in --db FILE (SQLite, in memory by default); a push
        is answered 200 only after its write is committed. --show lists a database's credentials with their keys
        redacted (length and key-check value); --reveal prints the decrypted documents too.

        Every push is graded against the SND requirements and printed as one line; the run's report (text, --json,
        --junit) is written after --expect N pushes, on SIGINT or SIGTERM, or at --timeout. A requirement fails if
        any push violated it and is skipped if no push exercised it. Faults for retry logic: --fail-every N answers
        every Nth push with --status (default 503), or drops its connection with --drop; --delay MS holds every
        answer. --defect NAME plants a named deviation from Cal.com (repeatable; see the list below) and
        --fix-known-misses meets the SHOULDs today's Cal.com misses instead of copying it.

        Known defects: \(CalcomDefect.names.joined(separator: ", ")).

        Exit codes: 0 every MUST met; 1 a MUST failed (or, with --strict, a SHOULD); 2 usage error; 3 --expect N
        not reached before --timeout, or the stand-in cannot listen.
        """
    }

    var examples: [String] {
        [
            "# A current-edition stand-in on port 3000, the secret and key from .env",
            "credsync mock calcom --env-file .env",
            "# In CI: a free port, stop after 5 pushes or 60 seconds, JSON report",
            "credsync mock calcom --port 0 --expect 5 --timeout 60 --json pushes.json --env-file .env",
            "# Exercise retries: every third push gets 503, every answer waits 200 ms",
            "credsync mock calcom --fail-every 3 --delay 200 --env-file .env",
            "# What was received, redacted",
            "credsync mock calcom --db received.sqlite --show",
        ]
    }

    var options: [Option] {
        [
            .value("edition", "E", help: "legacy or current (default current)."),
            .value(
                "env-file",
                "FILE",
                help: "Read variables from this .env file; its values win over the environment."
            ),
            .value(
                "header-name",
                "NAME",
                help: "The secret header's name (default: the edition's variable or default)."
            ),
            .value("host", "ADDR", help: "The address to listen on (default 127.0.0.1)."),
            .value("port", "N", help: "The port to listen on; 0 picks a free one (default 3000)."),
            .value("users", "LIST", help: "User ids that exist, such as 1-10,42 (default 1-10)."),
            .value("apps", "LIST", help: "Installed app slugs, comma-separated (default the four known apps)."),
            .value("seed", "FILE", help: "Read users and apps from this JSON file."),
            .value("db", "FILE", help: "Store credentials in this SQLite file (default: in memory)."),
            .value(
                "api-key-env",
                "NAME",
                help: "Serve API v1 /credential-sync (current edition), with the admin API key in this variable."
            ),
            .value("non-admin-api-key-env", "NAME", help: "Also accept this variable's key as a non-admin user's."),
            .flag("show", help: "List the credentials stored in --db, redacted, and exit."),
            .flag("reveal", help: "With --show, print the decrypted credential documents too."),
            .value("expect", "N", help: "Stop and report after N pushes."),
            .value("timeout", "SECONDS", help: "Stop after this long; with --expect, exit 3 if N was not reached."),
            .value("fail-every", "N", help: "Fault every Nth push (1 = every push)."),
            .value("status", "CODE", help: "The status of a faulted push (default 503)."),
            .flag("drop", help: "Drop a faulted push's connection without answering."),
            .value("delay", "MS", help: "Wait this long before every answer."),
            .value("defect", "NAME", help: "Plant a named deviation from Cal.com (repeatable).", repeatable: true),
            .flag("fix-known-misses", help: "Meet the SHOULDs today's Cal.com misses instead of copying it."),
        ] + ReportOptions.options
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        if arguments.flag("show") {
            return try show(arguments, on: terminal)
        }
        let report = try ReportOptions(arguments, on: terminal)
        let options = try Self.standInOptions(arguments, on: terminal)
        let edition = options.settings.edition
        let requirements = SenderChecks.checks(for: edition).compactMap { Catalog.standard.requirement($0.id) }
        try report.validate(against: requirements)
        let expect = try Self.positiveInteger(arguments, "expect")
        let timeout = try arguments.value("timeout").map { text throws(CommandError) -> Double in
            guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
                throw .usage("--timeout needs a number of seconds above 0 and at most 86400, not '\(text)'")
            }
            return seconds
        }

        let tripwire = Tripwire(secrets: options.secrets)
        let standIn: CalcomStandIn
        do {
            standIn = try CalcomStandIn(options: options) { push in
                // A sender may put a secret where the line shows it, such as in the request's query.
                let leaks = tripwire.scan(push.line, location: "a push line")
                terminal.writeOutput(leaks.isEmpty ? push.line + "\n" : "push line withheld: it would show a secret\n")
            }
        } catch {
            throw CommandError(.usage, "credential store: \(error.reason)")
        }
        let startedAt = Date()
        let port: Int
        do {
            port = try await standIn.start()
        } catch {
            throw CommandError(.couldNotTest, "cannot listen: \(error.reason)")
        }
        terminal.writeOutput("listening on http://\(Self.hostForURL(options.host)):\(port)\n")
        for line in standIn.startupLines {
            terminal.writeOutput(line + "\n")
        }

        let ending = await Self.waitForEnd(standIn: standIn, expect: expect, timeout: timeout)
        await standIn.shutdown()
        terminal.writeOutput("stopped (\(ending.reason)) after \(standIn.pushCount) push(es)\n")

        let results = standIn.results().filter { result in
            Catalog.standard.requirement(result.id).map(report.selection.includes) ?? false
        }
        let conformance = ConformanceReport(
            command: "credsync mock calcom",
            target: "http://\(Self.hostForURL(options.host)):\(port)",
            edition: .init(edition: edition, detected: false, evidence: ["chosen with --edition"]),
            startedAt: startedAt,
            seconds: Date().timeIntervalSince(startedAt),
            strict: report.strict,
            results: results,
            writes: standIn.pushes.filter(\.wrote).map { "push #\($0.number): \($0.answer)" },
            notes: standIn.startupLines + ["\(standIn.pushCount) push(es) received; stopped on \(ending.reason)"]
        )
        let code = report.finish(
            conformance,
            command: "credsync mock calcom",
            arguments: arguments,
            secrets: standIn.secrets,
            on: terminal
        )
        if let expect, standIn.pushCount < expect, code != .failure || ending.reason == "timeout" {
            terminal.writeError("credsync: --expect \(expect) not reached: \(standIn.pushCount) push(es) arrived\n")
            return .couldNotTest
        }
        return code
    }

    // MARK: - Setup

    static func standInOptions(_ arguments: ParsedArguments, on terminal: Terminal) throws(CommandError)
        -> CalcomStandIn.Options
    {
        let editionText = arguments.value("edition") ?? "current"
        guard let edition = Edition(rawValue: editionText) else {
            throw .usage("--edition is legacy or current, not '\(editionText)'")
        }
        let variables = try Variables.load(arguments, on: terminal)
        let settings = WebhookSettings(
            edition: edition,
            secret: variables.values[edition.secretVariable] ?? "",
            headerName: arguments.value("header-name") ?? variables.values[edition.headerNameVariable],
            keyString: variables.values[Edition.keyVariable] ?? ""
        )

        var seed = CalcomSeed.standard
        do {
            if let path = arguments.value("seed") {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandError(.usage, "cannot read the seed file '\(path)'")
                }
                seed = try CalcomSeed.load(data)
            }
            if let users = arguments.value("users") {
                seed.users = try CalcomSeed.users(users)
            }
            if let apps = arguments.value("apps") {
                seed.apps = try CalcomSeed.apps(apps)
            }
        } catch let error as CalcomStandInError {
            throw .usage(error.reason)
        } catch let error as CommandError {
            throw error
        } catch {
            throw .usage("\(error)")
        }

        var defects: Set<CalcomDefect> = []
        for name in arguments.allValues("defect").flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let defect = CalcomDefect(named: name) else {
                throw CommandError(
                    .usage,
                    "unknown defect '\(name)'; known defects: \(CalcomDefect.names.joined(separator: ", "))"
                )
            }
            defects.insert(defect)
        }

        var faults = CalcomStandIn.Faults()
        faults.every = try positiveInteger(arguments, "fail-every")
        if let text = arguments.value("status") {
            guard let status = Int(text), (100...599).contains(status) else {
                throw .usage("--status needs an HTTP status from 100 to 599, not '\(text)'")
            }
            faults.status = status
        }
        faults.drop = arguments.flag("drop")
        if faults.every == nil, arguments.value("status") != nil || faults.drop {
            faults.every = 1
        }
        if let text = arguments.value("delay") {
            guard let milliseconds = Int(text), milliseconds >= 0, milliseconds <= 600_000 else {
                throw .usage("--delay needs milliseconds from 0 to 600000, not '\(text)'")
            }
            faults.delay = .milliseconds(milliseconds)
        }

        let portText = arguments.value("port") ?? "3000"
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw .usage("--port needs a port from 0 to 65535, not '\(portText)'")
        }
        return CalcomStandIn.Options(
            settings: settings,
            seed: seed,
            databasePath: arguments.value("db"),
            host: arguments.value("host") ?? "127.0.0.1",
            port: port,
            defects: defects,
            fixesKnownMisses: arguments.flag("fix-known-misses"),
            faults: faults,
            adminAPIKey: try variables.value(namedBy: "api-key-env", in: arguments),
            memberAPIKey: try variables.value(namedBy: "non-admin-api-key-env", in: arguments)
        )
    }

    private static func positiveInteger(_ arguments: ParsedArguments, _ name: String) throws(CommandError) -> Int? {
        guard let text = arguments.value(name) else {
            return nil
        }
        guard let value = Int(text), value > 0 else {
            throw .usage("--\(name) needs a positive whole number, not '\(text)'")
        }
        return value
    }

    private static func hostForURL(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }

    // MARK: - Waiting

    private struct Ending: Sendable {
        let reason: String
    }

    /// Waits for --expect pushes, a signal or the timeout, whichever comes first.
    private static func waitForEnd(standIn: CalcomStandIn, expect: Int?, timeout: Double?) async -> Ending {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                continuation.yield(number == SIGINT ? "SIGINT" : "SIGTERM")
            }
            source.resume()
            return source
        }
        let tasks = [
            expect.map { count in
                Task {
                    if await standIn.waitForPushes(count, timeout: .seconds(365 * 24 * 3600)) {
                        continuation.yield("\(count) pushes")
                    }
                }
            },
            timeout.map { seconds in
                Task {
                    try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                    if !Task.isCancelled {
                        continuation.yield("timeout")
                    }
                }
            },
        ].compactMap { $0 }

        var reason = "end of input"
        for await first in stream {
            reason = first
            break
        }
        continuation.finish()
        for task in tasks {
            task.cancel()
        }
        for (source, number) in zip(signals, [SIGINT, SIGTERM]) {
            source.cancel()
            signal(number, SIG_DFL)
        }
        return Ending(reason: reason)
    }

    // MARK: - Show

    private func show(_ arguments: ParsedArguments, on terminal: Terminal) throws(CommandError) -> ExitCode {
        guard let path = arguments.value("db") else {
            throw .usage("--show needs --db FILE")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError(.usage, "no database at '\(path)'")
        }
        let credentials: [CredentialStore.Credential]
        do {
            credentials = try CredentialStore(path: path).credentials()
        } catch {
            throw CommandError(.failure, "cannot read '\(path)': \(error)")
        }
        let reveal = arguments.flag("reveal")
        terminal.writeOutput("\(credentials.count) credential(s) in \(path)\n")
        let formatter = ISO8601DateFormatter()
        for credential in credentials {
            var line =
                "#\(credential.id) user \(credential.userId) \(credential.appSlug) (\(credential.type)), "
                + "\(credential.writes) write(s), updated \(formatter.string(from: credential.updatedAt)): key "
                + "\(credential.key.utf8.count) bytes, \(KeyCheckValue(secret: credential.key))"
            if let object = (try? JSONParser.parse(credential.key))?.objectValue {
                line += ", fields " + object.keys.joined(separator: ", ")
            }
            terminal.writeOutput(line + "\n")
            if reveal {
                terminal.writeOutput("    " + credential.key + "\n")
            }
        }
        return .success
    }
}
