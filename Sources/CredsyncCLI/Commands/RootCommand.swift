/// `credsync`: the list of commands.
struct RootCommand: Command {
    let name = "credsync"
    let summary = "Conformance kit for Cal.com's credential sync protocol."
    let usage = "credsync <command> [options]"

    var discussion: String {
        """
        credsync proves that a Cal.com instance or a platform speaks the credential sync protocol: the AES-256-CBC
        envelope, the pushes to /api/webhook/app-credential and the refresh calls to the platform's sync endpoint.
        It probes live counterparts, stands in for either one on loopback, checks .env files, and reports
        pass/fail per numbered requirement (see CONFORMANCE.md or 'credsync requirements').

        Exit codes: 0 conformant or done; 1 a MUST failed, or a crypto or parse failure; 2 a usage or
        configuration error; 3 could not test (timeout, connection, TLS).

        Run 'credsync <command> --help' for a command's options and examples. 'credsync --version' prints the
        version.
        """
    }

    var examples: [String] {
        [
            "# The whole protocol on loopback, in a second",
            "credsync demo",
            "# Probe a live sync endpoint",
            "credsync probe endpoint --url https://platform.example.com/api/getToken --env-file .env",
            "# Stand in for Cal.com in a platform's CI and grade 3 pushes",
            "credsync mock calcom --port 3000 --expect 3 --junit pushes.xml",
            "# Check both sides' .env files agree",
            "credsync doctor --env-file calcom.env --peer-env-file platform.env",
            "# Decrypt an envelope as Cal.com would",
            "printf '%s' \"$KEYS\" | credsync decrypt --compat",
        ]
    }

    var subcommands: [any Command] {
        [
            DemoCommand(),
            ProbeCommand(),
            MockCommand(),
            DoctorCommand(),
            EncryptCommand(),
            DecryptCommand(),
            KeyCheckValueCommand(),
            VectorsCommand(),
            RequirementsCommand(),
            BenchCommand(),
        ]
    }
}
