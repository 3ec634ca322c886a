import Credsync
import CredsyncConformance
import Foundation

/// `credsync doctor`: checks one side's `.env` file, or both sides', against the CFG-* requirements.
struct DoctorCommand: Command {
    let name = "doctor"
    let summary = "Check .env files for the credential-sync settings (CFG-*), one side or both."
    let usage =
        "credsync doctor --env-file FILE [--side calcom|platform] [--peer-env-file FILE] [--edition current|legacy]"

    var discussion: String {
        """
        Reads Cal.com's .env, a platform's, or both, the way Cal.com's @next/env reads them, and checks each CFG-*
        requirement: which variables are set and under which edition's names (the public docs' CALCOM_WEBHOOK_SECRET
        and CALCOM_WEBHOOK_HEADER_NAME, or today's CALCOM_CREDENTIAL_SYNC_SECRET and
        CALCOM_CREDENTIAL_SYNC_HEADER_NAME; CALCOM_CREDENTIAL_SYNC_SECRET_HEADER_NAME is read by nothing); that the
        key is exactly 32 latin1 characters (`openssl rand -base64 24` prints 32, right; `openssl rand -base64 32`
        prints 44, which Cal.com rejects); that the secret is long, varied, printable and unpadded; that the header
        name is a lowercase HTTP token; that the sync endpoint is an absolute https URL (http only to loopback);
        and, with both files, that the two sides share the key, the secret and the header name.

        Sides: --env-file is Cal.com's file unless --side platform says it is the platform's. --peer-env-file
        names the other side's file. Only the files are read, not the process environment. The endpoint checks
        need Cal.com's file; the agreement checks need both.

        Edition: --edition current (the default) judges the files as today's Cal.com reads them; --edition legacy
        as the public docs and the original webhook do.

        What the secret check measures: the length in characters (at least 32), the character classes, the
        number of distinct characters, an entropy estimate (the Shannon entropy of the secret's own character
        frequencies times its length; under 80 bits is reported) and whether it repeats a shorter pattern. It
        cannot tell a random string from a long phrase someone else knows.

        No secret or key is ever printed: the report shows key-check values (kcv:…, the same on both sides when
        the values match; compare with `credsync kcv`), lengths and character classes. Each finding names its
        requirement, its level, what is wrong and the fix.

        Exit codes: 0 no MUST is broken (SHOULDs are warnings, unless --strict); 1 a MUST is broken, or a report
        would have shown a secret; 2 a usage error: an unknown flag, a missing, unreadable or malformed file (with
        its line and column), or a selection that checks nothing.
        """
    }

    var examples: [String] {
        [
            "# Check a Cal.com instance's .env",
            "credsync doctor --env-file /srv/calcom/.env",
            "# Check a platform's .env alone",
            "credsync doctor --side platform --env-file .env",
            "# Check both sides and that they agree, with a JSON report",
            "credsync doctor --env-file calcom.env --peer-env-file platform.env --json doctor.json",
            "# Judge a configuration written from the public docs, for a Cal.com of that time",
            "credsync doctor --env-file calcom.env --edition legacy",
        ]
    }

    var options: [Option] {
        [
            .value("env-file", "FILE", help: "The .env file to check: Cal.com's, unless --side platform."),
            .value("side", "SIDE", help: "Whose file --env-file is: calcom (the default) or platform."),
            .value("peer-env-file", "FILE", help: "The other side's .env file; also checks that the two agree."),
            .value("edition", "E", help: "Judge as current (the default) or legacy Cal.com."),
        ] + ReportOptions.options.filter { $0.name != "transcript" }
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        guard let path = arguments.value("env-file") else {
            throw .usage("--env-file FILE is required: the .env file to check")
        }
        let side = try Self.side(arguments.value("side"))
        let edition = try Self.edition(arguments.value("edition"))
        let options = try ReportOptions(arguments, on: terminal)

        let file = (label: path, file: try Self.load(path))
        let peer = try arguments.value("peer-env-file").map { peerPath throws(CommandError) in
            (label: peerPath, file: try Self.load(peerPath))
        }
        let context =
            side == .calcom
            ? ConfigurationContext(edition: edition, calcom: file, platform: peer)
            : ConfigurationContext(edition: edition, calcom: peer, platform: file)

        let runner = CheckRunner(checks: ConfigurationChecks.checks(for: context))
        try options.validate(against: runner.requirements)
        let started = Date()
        let results = await runner.run(
            context,
            selection: options.selection,
            progress: options.progress(on: terminal)
        )
        let report = ConformanceReport(
            command: "doctor",
            target: context.files.map { "\($0.label) (\($0.side))" }.joined(separator: " + "),
            edition: ConformanceReport.EditionFinding(
                edition: edition,
                detected: false,
                evidence: Self.evidence(context, given: arguments.value("edition") != nil)
            ),
            startedAt: started,
            seconds: Date().timeIntervalSince(started),
            strict: options.strict,
            results: results,
            notes: Self.notes(context)
        )
        guard report.summary.executed > 0 else {
            throw .usage("the selected checks do not apply to these files: \(report.results.compactMap(\.reason))")
        }
        return options.finish(
            report,
            command: "credsync doctor",
            arguments: arguments,
            secrets: context.secrets,
            on: terminal
        )
    }

    // MARK: - Reading the arguments

    private static func side(_ text: String?) throws(CommandError) -> ConfigurationSide {
        guard let text else {
            return .calcom
        }
        guard let side = ConfigurationSide(rawValue: text.lowercased()) else {
            throw .usage("--side takes calcom or platform, not '\(text)'")
        }
        return side
    }

    private static func edition(_ text: String?) throws(CommandError) -> Edition {
        guard let text else {
            return .current
        }
        guard let edition = Edition(rawValue: text.lowercased()) else {
            throw .usage("--edition takes current or legacy, not '\(text)'")
        }
        return edition
    }

    private static func load(_ path: String) throws(CommandError) -> EnvironmentFile {
        do {
            return try EnvironmentFile.load(path: path)
        } catch {
            let place = error.line == nil ? "" : "\(path): "
            throw CommandError(.usage, "\(place)\(error)")
        }
    }

    // MARK: - What the report says besides the checks

    /// Which edition's names each file sets, and how the edition was chosen.
    private static func evidence(_ context: ConfigurationContext, given: Bool) -> [String] {
        var lines: [String] = []
        for file in context.files {
            let configuration = file.configuration
            let set = CredentialSyncConfiguration.variables.filter { configuration.origins[$0] != nil }
            let names = configuration.editionsWithVariablesSet.map(\.rawValue).joined(separator: " and ")
            lines.append(
                "\(file.label) sets \(set.isEmpty ? "none of the sync variables" : set.joined(separator: ", "))"
                    + (names.isEmpty ? "" : " (\(names) names)")
            )
        }
        let editions = Set(context.files.flatMap(\.configuration.editionsWithVariablesSet))
        if !given && editions == [.legacy] {
            lines.append(
                "only the docs' (legacy) names are set; judged as today's Cal.com reads them: pass --edition legacy"
                    + " for a Cal.com that still reads CALCOM_WEBHOOK_SECRET"
            )
        } else if !given {
            lines.append("judged as today's Cal.com (the default; --edition legacy for the docs' names)")
        }
        return lines
    }

    /// A summary of each file, safe to show, and the remarks no requirement covers.
    private static func notes(_ context: ConfigurationContext) -> [String] {
        var notes: [String] = []
        for file in context.files {
            let configuration = file.configuration
            let secret =
                (configuration.secret ?? "").isEmpty
                ? "unset"
                : "\(configuration.secretCheckValue.map { "\($0)" } ?? ""), "
                    + SecretStrength(configuration.secret ?? "").summary
            let key: String
            switch configuration.key {
            case .success(let value): key = "\(value.keyCheckValue), 32 characters"
            case .failure:
                key =
                    configuration.keyString.map { "unusable, \($0.utf16.count) characters" } ?? "unset"
            }
            var line =
                "\(file.label) (\(file.side)): sharing \(configuration.isEnabled ? "on" : "off"); secret \(secret);"
                + " key \(key); header '\(configuration.headerName)'"
                + (configuration.headerNameIsSet ? "" : " (default)")
            if file.side == .calcom {
                line += "; endpoint \(configuration.shownEndpoint)"
            }
            notes.append(line)
        }
        for remark in context.remarks {
            let place = remark.label.map { "\($0): " } ?? ""
            notes.append(
                "\(place)\(remark.finding.finding.severity) \(remark.finding.code): \(remark.finding.finding.detail)"
                    + " (fix: \(remark.finding.fix))"
            )
        }
        return notes
    }
}
