import Credsync
import CredsyncConformance
import CredsyncWire
import Foundation

/// `credsync probe calcom`: checks a live Cal.com instance's credential sync webhook against the CAL requirements.
struct ProbeCalcomCommand: Command {
    let name = "calcom"
    let summary = "Check a live Cal.com instance's credential sync webhook (CAL-*)."
    let usage = "credsync probe calcom --url BASE [--user-id N --app-slug SLUG [--allow-writes]] [options]"

    var discussion: String {
        """
        Sends the webhook POST /api/webhook/app-credential calls that tell a faithful Cal.com from a defective
        one, and grades each answer against the edition the instance speaks: --edition auto (the default)
        fingerprints it from the header name it accepts, its 403 message, the status of a schema error and its
        answer to GET. The secret comes from CALCOM_CREDENTIAL_SYNC_SECRET (or the legacy CALCOM_WEBHOOK_SECRET),
        the key from CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY, either from the environment or --env-file; the header
        name from --header-name or CALCOM_CREDENTIAL_SYNC_HEADER_NAME (legacy CALCOM_WEBHOOK_HEADER_NAME).

        Rejections are sent for user \(CalcomProbeConfiguration.unknownUserId), which no instance has, so
        nothing is written even by a defective instance. --user-id and --app-slug name a disposable test user
        and an installed app for the lookup and decryption checks; only --allow-writes lets the probe push
        canary credentials (tokens marked credsync-canary) for that user; the report lists every write.
        --api-key-env names a variable holding a system-wide admin API key for API v1, which lets the probe
        count stored credentials and run the API checks.

        Every request has the --timeout deadline; a target that stops answering is given up on, so the run
        ends in bounded time. Exit codes: 0 every MUST met; 1 a MUST failed (or, with --strict, a SHOULD);
        2 usage error; 3 something could not be tested.
        """
    }

    var examples: [String] {
        [
            "# Read-only checks against a local instance, the secret and key from .env",
            "credsync probe calcom --url http://localhost:3000 --env-file .env",
            "# Every check, with writes for test user 42 and a JSON report",
            "credsync probe calcom --url http://localhost:3000 --env-file .env --user-id 42 --app-slug google-calendar"
                + " --race-app-slug zoom --allow-writes --json report.json",
        ]
    }

    var options: [Option] {
        [
            .value("url", "BASE", help: "The instance's base URL, such as https://cal.example.com."),
            .value(
                "env-file",
                "FILE",
                help: "Read variables from this .env file; its values win over the environment."
            ),
            .value("header-name", "NAME", help: "The secret header's name (default: the edition's)."),
            .value("user-id", "N", help: "A disposable test user's id."),
            .value("app-slug", "SLUG", help: "An app installed on the instance, such as google-calendar."),
            .value("race-app-slug", "SLUG", help: "A second app without a credential for the test user (CAL-025)."),
            .value("metadataless-app", "SLUG", help: "An App row without app-store metadata (CAL-017)."),
            .value("api-key-env", "NAME", help: "Read a system-wide admin API key for API v1 from this variable."),
            .value(
                "non-admin-api-key-env",
                "NAME",
                help: "Read a non-admin user's API key from this variable, for CAL-031."
            ),
            .value("timeout", "SECONDS", help: "The deadline of every request, fractions allowed (default 5)."),
            .value("edition", "E", help: "auto, legacy or current (default auto)."),
            .flag("allow-writes", help: "Let the probe push canary credentials for the test user."),
            .flag(
                "expect-disabled",
                help: "The instance is switched off: check only that it refuses (CAL-001, and CAL-032 with an API key)."
            ),
        ] + ReportOptions.options
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let report = try ReportOptions(arguments, on: terminal)
        let configuration = try Self.configuration(arguments, on: terminal)
        try report.validate(against: CalcomChecks.requirements)

        let run = await CalcomProbeRun.run(
            configuration,
            selection: report.selection,
            progress: report.progress(on: terminal)
        )
        var result = run.report
        result.strict = report.strict
        result = try report.writeTranscripts(run.transcripts, secrets: run.secrets, into: result, on: terminal)
        return report.finish(
            result,
            command: "credsync probe calcom",
            arguments: arguments,
            secrets: run.secrets,
            on: terminal
        )
    }

    /// Reads the flags and variables into a probe configuration.
    static func configuration(
        _ arguments: ParsedArguments,
        on terminal: Terminal
    ) throws(CommandError) -> CalcomProbeConfiguration {
        guard let url = arguments.value("url") else {
            throw .usage("--url is required: the instance's base URL, such as http://localhost:3000")
        }
        guard HTTPURL(url) != nil else {
            throw .usage("--url must be an http or https URL without a user or password in it")
        }
        let variables = try Variables.load(arguments, on: terminal)
        let values = variables.values

        let secretName = [Edition.current.secretVariable, Edition.legacy.secretVariable]
            .first { !(values[$0] ?? "").isEmpty }
        guard let secretName, let secret = values[secretName] else {
            throw .usage(
                "\(Edition.current.secretVariable) (or the legacy \(Edition.legacy.secretVariable)) is not set in"
                    + " \(variables.origin)"
            )
        }
        guard let keyString = values[Edition.keyVariable], !keyString.isEmpty else {
            throw .usage("\(Edition.keyVariable) is not set in \(variables.origin)")
        }
        let key: EnvelopeKey
        do {
            key = try EnvelopeKey(keyString)
        } catch {
            throw CommandError(.usage, "\(Edition.keyVariable): \(error.code.name): \(error.reason)")
        }

        let headerName =
            arguments.value("header-name") ?? values[Edition.current.headerNameVariable]
            ?? values[Edition.legacy.headerNameVariable]
        let apiKey = try variables.value(namedBy: "api-key-env", in: arguments)
        let nonAdminAPIKey = try variables.value(namedBy: "non-admin-api-key-env", in: arguments)

        let edition: CalcomProbeConfiguration.EditionChoice
        switch arguments.value("edition") ?? "auto" {
        case "auto": edition = .auto
        case "legacy": edition = .fixed(.legacy)
        case "current": edition = .fixed(.current)
        case let other: throw .usage("--edition takes auto, legacy or current, not '\(other)'")
        }

        var timeout = Duration.seconds(5)
        if let text = arguments.value("timeout") {
            guard let seconds = Double(text), seconds > 0, seconds <= 300 else {
                throw .usage("--timeout takes a number of seconds above 0 and at most 300, not '\(text)'")
            }
            timeout = .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }

        return CalcomProbeConfiguration(
            baseURL: url,
            secret: secret,
            key: key,
            headerName: headerName,
            userId: try Self.userId(arguments),
            appSlug: arguments.value("app-slug"),
            raceAppSlug: arguments.value("race-app-slug"),
            metadatalessAppSlug: arguments.value("metadataless-app"),
            apiKey: apiKey,
            nonAdminAPIKey: nonAdminAPIKey,
            timeout: timeout,
            edition: edition,
            allowWrites: arguments.flag("allow-writes"),
            expectDisabled: arguments.flag("expect-disabled")
        )
    }

    private static func userId(_ arguments: ParsedArguments) throws(CommandError) -> Int? {
        guard let text = arguments.value("user-id") else {
            if arguments.flag("allow-writes") {
                throw .usage("--allow-writes needs --user-id: writes go only to a disposable test user")
            }
            return nil
        }
        guard let id = Int(text), id > 0, id <= Int(Int32.max) else {
            throw .usage("--user-id takes a positive whole number, not '\(text)'")
        }
        guard id != CalcomProbeConfiguration.unknownUserId else {
            throw .usage("--user-id \(id) is the id the probe uses for a user that does not exist")
        }
        return id
    }
}
