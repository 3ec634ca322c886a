/// `credsync probe`: test a live counterpart, requirement by requirement.
struct ProbeCommand: Command {
    let name = "probe"
    let summary = "Probe a live Cal.com instance or a live platform sync endpoint."
    let usage = "credsync probe <calcom|endpoint> --url URL [options]"

    var subcommands: [any Command] {
        [ProbeCalcomCommand(), ProbeEndpointCommand()]
    }
}
