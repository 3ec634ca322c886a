import Credsync
import CredsyncConformance

/// `credsync demo`: the whole protocol working on loopback, graded requirement by requirement.
struct DemoCommand: Command {
    let name = "demo"
    let summary = "Run both stand-ins, both directions of the protocol and both probes on loopback, and report."
    let usage = "credsync demo [--edition legacy|current] [--json FILE] [--junit FILE]"

    var discussion: String {
        """
        Starts a Cal.com stand-in and a platform sync endpoint stand-in on free loopback ports, with a secret and
        key drawn for the run (shown only as key-check values). Then, as a platform would, it pushes encrypted
        credentials to the Cal.com stand-in, which grades each push (SND-*); as Cal.com does, it asks the
        endpoint for fresh tokens, and the endpoint grades each call (REF-*); it probes the Cal.com stand-in
        (CAL-*) and the endpoint (END-*); and it checks the .env files both sides would have (CFG-*). It prints
        one report naming every requirement exercised, and leaves nothing running.

        The Cal.com stand-in answers as real Cal.com does, so the SHOULDs today's Cal.com misses show as warnings.
        Exit codes: 0 every MUST met; 1 a MUST failed (with --strict, a SHOULD too); 2 a usage error; 3 a
        stand-in could not start or a check could not run.
        """
    }

    var examples: [String] {
        [
            "# The whole protocol, in a few seconds",
            "credsync demo",
            "# The docs' edition, with a JUnit report",
            "credsync demo --edition legacy --junit demo.xml",
        ]
    }

    var options: [Option] {
        [
            .value("edition", "E", help: "The edition both stand-ins speak: legacy or current (default current)."),
            .value("timeout", "SECONDS", help: "The deadline of every request (default 5)."),
        ] + ReportOptions.options.filter { ["strict", "json", "junit"].contains($0.name) }
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let text = arguments.value("edition") ?? Edition.current.rawValue
        guard let edition = Edition(rawValue: text) else {
            throw .usage("--edition takes legacy or current, not '\(text)'")
        }
        guard let seconds = Double(arguments.value("timeout") ?? "5"), seconds > 0, seconds <= 300 else {
            throw .usage("--timeout takes a number of seconds greater than 0 and at most 300")
        }
        let options = try ReportOptions(arguments, on: terminal)

        let quiet = arguments.flag("quiet")
        let outcome: Demo.Outcome
        do {
            outcome = try await Demo(edition: edition, timeout: .milliseconds(Int(seconds * 1000))).run { line in
                if !quiet {
                    terminal.writeOutput(line + "\n")
                }
            }
        } catch {
            throw CommandError(.couldNotTest, error.description)
        }
        if !quiet {
            terminal.writeOutput("\n")
        }
        return options.finish(
            outcome.report,
            command: "credsync demo",
            arguments: arguments,
            secrets: outcome.secrets,
            rerunnable: false,
            on: terminal
        )
    }
}
