/// `credsync mock calcom`.
struct MockCalcomCommand: Command {
    let name = "calcom"
    let summary = "Not built yet."
    let usage = "credsync mock calcom"

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        throw CommandError(.usage, "credsync mock calcom is not built yet")
    }
}
