/// `credsync doctor`.
struct DoctorCommand: Command {
    let name = "doctor"
    let summary = "Not built yet."
    let usage = "credsync doctor"

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        throw CommandError(.usage, "credsync doctor is not built yet")
    }
}
