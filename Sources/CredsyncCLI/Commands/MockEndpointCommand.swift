/// `credsync mock endpoint`.
struct MockEndpointCommand: Command {
    let name = "endpoint"
    let summary = "Not built yet."
    let usage = "credsync mock endpoint"

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        throw CommandError(.usage, "credsync mock endpoint is not built yet")
    }
}
