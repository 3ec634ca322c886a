import Credsync

/// `credsync vectors verify [DIR]`: runs every vector against this build's envelope.
struct VectorsVerifyCommand: Command {
    let name = "verify"
    let summary = "Run every vector (bundled, or in DIR) against this build."
    let usage = "credsync vectors verify [DIR]"
    let positionals = 1

    var discussion: String {
        """
        Runs the AES-256-CBC known answers, the envelope encryption and decryption vectors (strict and
        Cal.com-compatible verdicts), the key vectors and the key-check values against this build. Without DIR it
        uses the vectors built into the binary; with DIR, the vectors/*.json files there, such as an edited copy.

        Prints one line per failed vector and per file, then 'N passed, N failed'. Exit codes: 0 every vector
        passed; 1 a vector failed; 2 a vector file is unreadable or malformed (the message names the file and the
        JSON path).
        """
    }

    var examples: [String] {
        [
            "# The vectors built into this binary",
            "credsync vectors verify",
            "# A checkout's vectors folder",
            "credsync vectors verify ./vectors",
        ]
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let report: VectorReport
        do {
            report = try VectorRunner.verify(directory: arguments.positionals.first)
        } catch {
            throw CommandError(.usage, error.description)
        }
        terminal.writeOutput(report.text.hasSuffix("\n") ? report.text : report.text + "\n")
        return report.allPassed ? .success : .failure
    }
}
