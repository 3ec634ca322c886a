import CredsyncCLI
import Testing

@Suite("command line conventions")
struct CommandLineTests {
    @Test(
        "an unknown command or option exits 2 with a suggestion",
        arguments: [
            (["encrpyt"], "did you mean 'encrypt'?"),
            (["decrypt", "--compt"], "did you mean '--compat'?"),
            (["encrypt", "--iv"], "needs a value"),
            (["encrypt", "--iv", "00"], "32 hex digits"),
            (["kcv", "--stdin", "password"], "'key' or 'secret'"),
            (["bench", "envelope", "--seconds", "-1"], "--seconds"),
            (["decrypt", "extra"], "unexpected argument 'extra'"),
        ]
    )
    func usageErrors(arguments: [String], hint: String) async {
        let (terminal, output) = Terminal.capturing(environment: [
            "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY": "0123456789abcdef0123456789abcdef"
        ])
        let exitCode = await CommandLineTool.run(arguments, on: terminal)
        #expect(exitCode == .usage)
        #expect(output.standardError.contains(hint))
        #expect(output.standardOutput.isEmpty)
    }

    @Test("every command's help has a usage line, options and examples")
    func help() async {
        for path in [["encrypt"], ["decrypt"], ["kcv"], ["bench", "envelope"]] {
            let run = await credsync(path + ["--help"])
            #expect(run.exitCode == .success)
            #expect(run.standardOutput.contains("USAGE: credsync \(path.joined(separator: " "))"))
            #expect(run.standardOutput.contains("OPTIONS:"))
            #expect(run.standardOutput.contains("EXAMPLES:"))
        }
        let root = await credsync(["--help"])
        #expect(root.standardOutput.contains("SUBCOMMANDS:"))
    }

    private func credsync(_ arguments: [String]) async -> CLIRun {
        let (terminal, output) = Terminal.capturing()
        let exitCode = await CommandLineTool.run(arguments, on: terminal)
        return CLIRun(exitCode: exitCode, standardOutput: output.standardOutput, standardError: output.standardError)
    }
}
