/// `credsync mock`: stand in for a counterpart on loopback and grade what it receives.
struct MockCommand: Command {
    let name = "mock"
    let summary = "Stand in for Cal.com or for a platform's sync endpoint, and grade what arrives."
    let usage = "credsync mock <calcom|endpoint> [options]"

    var subcommands: [any Command] {
        [MockCalcomCommand(), MockEndpointCommand()]
    }
}
