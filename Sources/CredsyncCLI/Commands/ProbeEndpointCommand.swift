/// `credsync probe endpoint`.
struct ProbeEndpointCommand: Command {
    let name = "endpoint"
    let summary = "Not built yet."
    let usage = "credsync probe endpoint"

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        throw CommandError(.usage, "credsync probe endpoint is not built yet")
    }
}
