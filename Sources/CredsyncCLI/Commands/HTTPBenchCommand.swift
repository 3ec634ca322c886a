import CredsyncWire
import Foundation

/// `credsync bench http`: the server side of the HTTP benchmark, driven by `scripts/bench-http.sh`.
struct HTTPBenchCommand: Command {
    let name = "http"
    let summary = "Serve a trivial JSON endpoint for a load generator such as wrk."
    let usage = "credsync bench http [--host ADDRESS] [--port N] [--seconds N] [--max-connections N]"

    var discussion: String {
        """
        Starts credsync's HTTP server with a handler that answers every request with 200 and
        {"ok":true,"received":N}, N being the request body's length, prints 'listening on http://HOST:PORT', and
        serves for the given time. scripts/bench-http.sh runs wrk against it and against a minimal Node http
        server doing the same work, in the same run, and prints requests per second and p99 latency for both.

        Exit codes: 0 after serving; 2 a usage error or a server that cannot start.
        """
    }

    var examples: [String] {
        [
            "# The whole comparison, built in release mode",
            "scripts/bench-http.sh",
            "# The server alone, on a free port for 30 s",
            "credsync bench http --port 0 --seconds 30",
        ]
    }

    var options: [Option] {
        [
            .value("host", "ADDRESS", help: "Listen on this address (default 127.0.0.1)."),
            .value("port", "N", help: "Listen on this port; 0 picks a free one (default 0)."),
            .value("seconds", "N", help: "Serve this long, then exit (default 60)."),
            .value("max-connections", "N", help: "Serve at most this many connections at once (default 1024)."),
        ]
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        guard let port = Int(arguments.value("port") ?? "0"), (0...65_535).contains(port) else {
            throw .usage("--port takes a port number from 0 to 65535")
        }
        guard let seconds = Int(arguments.value("seconds") ?? "60"), seconds > 0 else {
            throw .usage("--seconds takes a positive whole number")
        }
        guard let maxConnections = Int(arguments.value("max-connections") ?? "1024"), maxConnections > 0 else {
            throw .usage("--max-connections takes a positive whole number")
        }

        let configuration = HTTPServerConfiguration(
            host: arguments.value("host") ?? "127.0.0.1",
            port: port,
            limits: HTTPServerLimits(maxConnections: maxConnections)
        )
        let server: HTTPServer
        do {
            server = try HTTPServer(configuration: configuration) { request in
                let body = Array("{\"ok\":true,\"received\":\(request.body.count)}".utf8)
                return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
            }
        } catch {
            throw CommandError(.usage, "the server cannot start: \(error)")
        }

        // The benchmark script waits for this line before it starts the load.
        terminal.writeOutput("listening on \(server.baseURL)\n")
        try? await Task.sleep(for: .seconds(seconds))
        await server.shutdown(gracePeriod: .seconds(1))
        return .success
    }
}
