/// `credsync vectors`: the bundled test vectors.
struct VectorsCommand: Command {
    let name = "vectors"
    let summary = "Verify the test vectors against this build."
    let usage = "credsync vectors <verify> [options]"

    var examples: [String] {
        ["# Every bundled vector against this build", "credsync vectors verify"]
    }

    var subcommands: [any Command] {
        [VectorsVerifyCommand()]
    }
}
