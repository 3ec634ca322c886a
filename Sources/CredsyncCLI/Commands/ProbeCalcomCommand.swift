/// `credsync probe calcom`.
struct ProbeCalcomCommand: Command {
    let name = "calcom"
    let summary = "Not built yet."
    let usage = "credsync probe calcom"

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        throw CommandError(.usage, "credsync probe calcom is not built yet")
    }
}
