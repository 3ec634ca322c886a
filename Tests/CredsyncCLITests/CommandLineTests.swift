import CredsyncCLI
import Foundation
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
        let paths = [
            [], ["demo"], ["probe"], ["probe", "calcom"], ["probe", "endpoint"], ["mock"], ["mock", "calcom"],
            ["mock", "endpoint"], ["doctor"], ["encrypt"], ["decrypt"], ["kcv"], ["vectors"], ["vectors", "verify"],
            ["requirements"], ["bench"], ["bench", "envelope"], ["bench", "http"],
        ]
        for path in paths {
            let run = await credsync(path + ["--help"])
            #expect(run.exitCode == .success)
            #expect(run.standardOutput.contains("USAGE: " + (["credsync"] + path).joined(separator: " ")), "\(path)")
            #expect(run.standardOutput.contains("OPTIONS:"))
            #expect(run.standardOutput.contains("EXAMPLES:"), "\(path) has no examples")
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

@Suite("vectors verify")
struct VectorsVerifyTests {
    @Test("the bundled vectors all pass, and a malformed folder exits 2 naming the file")
    func verify() async throws {
        let (terminal, output) = Terminal.capturing()
        #expect(await CommandLineTool.run(["vectors", "verify"], on: terminal) == .success)
        #expect(output.standardOutput.hasSuffix(" passed, 0 failed\n"))

        let folder = FileManager.default.temporaryDirectory.appending(path: "vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{".utf8).write(to: folder.appending(path: "broken.json"))
        let (badTerminal, badOutput) = Terminal.capturing()
        #expect(await CommandLineTool.run(["vectors", "verify", folder.path], on: badTerminal) == .usage)
        #expect(badOutput.standardError.contains("broken.json"))
    }
}
