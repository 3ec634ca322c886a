/// `credsync bench`: throughput figures next to a reference measured in the same run.
struct BenchCommand: Command {
    let name = "bench"
    let summary = "Measure credsync against a reference (Node) measured in the same run."
    let usage = "credsync bench <envelope|http> [options]"

    var examples: [String] {
        [
            "# Envelope round trips next to Node's crypto",
            "credsync bench envelope",
            "# The HTTP server next to a Node http server, under wrk",
            "scripts/bench-http.sh",
        ]
    }

    var discussion: String {
        """
        Benchmarks print figures and their ratio to a reference run on the same machine at the same time. They
        assert nothing: compare the figures, not a threshold.
        """
    }

    var subcommands: [any Command] {
        [EnvelopeBenchCommand(), HTTPBenchCommand()]
    }
}
