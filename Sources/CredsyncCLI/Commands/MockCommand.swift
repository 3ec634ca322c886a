/// `credsync mock`: stand in for a counterpart on loopback and grade what it receives.
struct MockCommand: Command {
    let name = "mock"
    let summary = "Stand in for Cal.com or for a platform's sync endpoint, and grade what arrives."
    let usage = "credsync mock <calcom|endpoint> [options]"

    var examples: [String] {
        [
            "# Stand in for Cal.com and grade the next 3 pushes from the platform under test",
            "credsync mock calcom --port 3000 --expect 3 --junit pushes.xml",
            "# Stand in for the platform's sync endpoint",
            "credsync mock endpoint --port 5100 --grant 1:google-calendar",
        ]
    }

    var subcommands: [any Command] {
        [MockCalcomCommand(), MockEndpointCommand()]
    }
}
