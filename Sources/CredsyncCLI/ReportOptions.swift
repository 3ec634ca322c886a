import Credsync
import CredsyncConformance
import Foundation

/// The flags every probe and stand-in shares: which checks run, how strict the verdict is, and where reports go;
/// and the one way a run ends: reports written, every output scanned for secrets, the exit code chosen.
struct ReportOptions {
    /// The options, for a command's `options`.
    static let options: [Option] = [
        .value("only", "IDS", help: "Run only these checks: comma-separated requirement IDs.", repeatable: true),
        .value("skip", "IDS", help: "Leave these checks out.", repeatable: true),
        .value("level", "L", help: "Run only checks at these levels: MUST, SHOULD, MAY.", repeatable: true),
        .flag("strict", help: "Fail the run when a SHOULD is not met, too."),
        .value("json", "FILE", help: "Write the JSON report (schema credsync-report/1) to FILE."),
        .value("junit", "FILE", help: "Write a JUnit XML report to FILE."),
        .value("transcript", "DIR", help: "Write each check's wire exchange, redacted, into DIR."),
    ]

    /// Which checks run.
    let selection: RequirementSelection

    /// Whether a SHOULD not met fails the run.
    let strict: Bool

    /// Where to write the JSON report.
    let jsonPath: String?

    /// Where to write the JUnit report.
    let junitPath: String?

    /// Where to write transcripts.
    let transcriptDirectory: String?

    /// Whether to print only what is not a pass.
    let quiet: Bool

    /// Whether to colour the text report.
    let color: Bool

    /// Whether to show a progress line.
    let showsProgress: Bool

    /// Reads the flags.
    ///
    /// - Throws: ``CommandError`` with the usage code for a malformed ID or level.
    init(_ arguments: ParsedArguments, on terminal: Terminal) throws(CommandError) {
        do {
            selection = try RequirementSelection(
                only: arguments.allValues("only"),
                skip: arguments.allValues("skip"),
                levels: arguments.allValues("level")
            )
        } catch {
            throw .usage(error.description)
        }
        strict = arguments.flag("strict")
        jsonPath = arguments.value("json")
        junitPath = arguments.value("junit")
        transcriptDirectory = arguments.value("transcript")
        quiet = arguments.flag("quiet")
        color = terminal.usesColor(disabledByFlag: arguments.flag("no-color"))
        showsProgress = terminal.isInteractive && !quiet
    }

    /// Checks the selection against the run's checks before anything is sent.
    ///
    /// - Parameter requirements: The requirements the run could check.
    /// - Throws: ``CommandError`` with the usage code when an ID is not one of them or nothing would run.
    func validate(against requirements: [Requirement]) throws(CommandError) {
        do {
            try selection.validate(against: requirements)
        } catch {
            throw .usage(error.description)
        }
        if let transcriptDirectory {
            do {
                try FileManager.default.createDirectory(
                    atPath: transcriptDirectory,
                    withIntermediateDirectories: true
                )
            } catch {
                throw CommandError(.usage, "cannot create the transcript folder '\(transcriptDirectory)'")
            }
        }
    }

    /// A progress callback for ``CheckRunner/run(_:selection:progress:)``: a line on standard error, on a terminal.
    func progress(on terminal: Terminal) -> @Sendable (Int, Int, Requirement) -> Void {
        guard showsProgress else {
            return { _, _, _ in }
        }
        let writer = TextReport(color: color)
        return { position, total, requirement in
            terminal.writeError(writer.progress(position: position, total: total, requirement: requirement))
            if position == total {
                terminal.writeError("\r\u{1B}[2K")
            }
        }
    }

    /// Writes each transcript into the `--transcript` folder as `NAME.txt`, and links each result to its check's.
    ///
    /// A transcript in which the tripwire finds a secret is replaced by a note naming what it would have shown.
    ///
    /// - Parameters:
    ///   - transcripts: The transcripts by name: a check's ID, or a setup step's name.
    ///   - secrets: The secrets, key bytes and tokens the run knows.
    ///   - report: The report whose results get their transcript paths.
    ///   - terminal: Where a withheld transcript is reported.
    /// - Returns: The report with its transcript paths; unchanged without `--transcript`.
    /// - Throws: ``CommandError`` with the usage code when a file cannot be written.
    func writeTranscripts(
        _ transcripts: [String: String],
        secrets: [Tripwire.Secret],
        into report: ConformanceReport,
        on terminal: Terminal
    ) throws(CommandError) -> ConformanceReport {
        guard let transcriptDirectory else {
            return report
        }
        let folder = URL(fileURLWithPath: transcriptDirectory)
        let tripwire = Tripwire(secrets: secrets)
        for (name, original) in transcripts.sorted(by: { $0.key < $1.key }) {
            var text = original
            // Redaction hides the secret's header and known fields; a counterpart may still echo one elsewhere.
            let leaks = tripwire.scan(text, location: "the transcript \(name)")
            if !leaks.isEmpty {
                text = "# withheld: " + leaks.map(\.description).joined(separator: "; ") + "\n"
                terminal.writeError("credsync: the transcript \(name) was withheld: it would show a secret\n")
            }
            let path = folder.appending(path: "\(name).txt").path
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw CommandError(.usage, "cannot write the transcript '\(path)'")
            }
        }

        var report = report
        for index in report.results.indices where transcripts[report.results[index].id.description] != nil {
            report.results[index].transcript = folder.appending(path: "\(report.results[index].id).txt").path
        }
        return report
    }

    /// Ends a run: adds re-run commands, writes the text, JSON and JUnit reports, scans every output and the
    /// transcripts for the run's secrets, and chooses the exit code.
    ///
    /// An output in which the tripwire finds a secret is not written; the run then fails, naming the secret by its
    /// label and where it would have appeared.
    ///
    /// - Parameters:
    ///   - report: The report; its results get their re-run commands.
    ///   - command: The command that re-runs the run, such as `credsync probe calcom`.
    ///   - arguments: The run's arguments, from which the re-run command is made.
    ///   - secrets: The secrets, key bytes and tokens the run knows.
    ///   - rerunnable: Whether the command takes `--only`, so that a re-run command can be offered.
    ///   - terminal: Where the text report goes.
    /// - Returns: The exit code.
    func finish(
        _ report: ConformanceReport,
        command: String,
        arguments: ParsedArguments,
        secrets: [Tripwire.Secret],
        rerunnable: Bool = true,
        on terminal: Terminal
    ) -> ExitCode {
        var report = report
        let base = Self.rerunBase(command: command, words: arguments.words)
        for index in report.results.indices
        where rerunnable && report.results[index].verdict != .pass
            && report.results[index].verdict != .skip
        {
            report.results[index].rerun = base + " --only " + report.results[index].id.description
        }

        let tripwire = Tripwire(secrets: secrets)
        var findings: [Tripwire.Finding] = []
        if let transcriptDirectory {
            findings += tripwire.scan(files: [URL(fileURLWithPath: transcriptDirectory)])
        }
        let outputs: [(path: String?, label: String, data: Data)] = [
            (nil, "standard output", Data(TextReport(color: color, quiet: quiet).render(report).utf8)),
            (jsonPath, jsonPath ?? "", jsonPath == nil ? Data() : JSONReport.data(report)),
            (junitPath, junitPath ?? "", junitPath == nil ? Data() : JUnitReport.data(report)),
        ]
        for output in outputs where output.path != nil || output.label == "standard output" {
            let leaks = tripwire.scan(String(decoding: output.data, as: UTF8.self), location: output.label)
            findings += leaks
            guard leaks.isEmpty else {
                continue
            }
            if let path = output.path {
                do {
                    try output.data.write(to: URL(fileURLWithPath: path))
                } catch {
                    terminal.writeError("credsync: cannot write '\(path)': \(error.localizedDescription)\n")
                    return .usage
                }
            } else {
                terminal.writeOutput(String(decoding: output.data, as: UTF8.self))
            }
        }

        guard findings.isEmpty else {
            for finding in findings {
                terminal.writeError("credsync: tripwire: \(finding); that output was withheld\n")
            }
            return .failure
        }
        return ExitCode(rawValue: report.exitCode)
    }

    /// The command line that re-runs a run, less its selection and report flags.
    static func rerunBase(command: String, words: [String]) -> String {
        let dropped: Set<String> = ["--only", "--skip", "--level", "--json", "--junit", "--transcript"]
        var kept: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if dropped.contains(name) {
                index += word.contains("=") ? 1 : 2
                continue
            }
            kept.append(Self.shellQuoted(Self.withoutUserInfo(word)))
            index += 1
        }
        return ([command] + kept).joined(separator: " ")
    }

    private static func withoutUserInfo(_ word: String) -> String {
        guard var components = URLComponents(string: word), components.scheme != nil, components.user != nil else {
            return word
        }
        components.user = nil
        components.password = nil
        return components.string ?? word
    }

    private static func shellQuoted(_ word: String) -> String {
        let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./:=,@%+"))
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) {
            return word
        }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
