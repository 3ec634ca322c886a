/// `credsync vectors`: the bundled test vectors.
struct VectorsCommand: Command {
    let name = "vectors"
    let summary = "Verify the test vectors against this build."
    let usage = "credsync vectors <verify> [options]"

    var subcommands: [any Command] {
        [VectorsVerifyCommand()]
    }
}
