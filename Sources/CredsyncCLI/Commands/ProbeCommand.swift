/// `credsync probe`: test a live counterpart, requirement by requirement.
struct ProbeCommand: Command {
    let name = "probe"
    let summary = "Probe a live Cal.com instance or a live platform sync endpoint."
    let usage = "credsync probe <calcom|endpoint> --url URL [options]"

    var examples: [String] {
        [
            "# A Cal.com instance, with writes for a disposable test user",
            "credsync probe calcom --url https://cal.example.com --user-id 42 --app-slug google-calendar --allow-writes",
            "# A platform's sync endpoint, as a CI gate",
            "credsync probe endpoint --url https://platform.example.com/api/getToken --junit endpoint.xml",
        ]
    }

    var subcommands: [any Command] {
        [ProbeCalcomCommand(), ProbeEndpointCommand()]
    }
}
