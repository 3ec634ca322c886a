import CredsyncWire
import Foundation

/// `credsync bench http`: serves a trivial JSON endpoint for load generators such as `wrk`.
///
/// Every request, whatever its method, gets `200` with `{"ok":true,"received":N}`, N being the request body length.
/// The server prints `listening on http://127.0.0.1:PORT` on standard output, then serves until the time is up.
enum HTTPBenchmark {
    /// Runs the benchmark server.
    ///
    /// Arguments: `--host ADDRESS` (default `127.0.0.1`), `--port N` (default 0, any free port), `--seconds N`
    /// (default 60: how long to serve before exiting), `--max-connections N` (default 1024).
    ///
    /// - Parameter arguments: The arguments after `bench http`.
    /// - Returns: The exit status: 0 after serving, 64 for a usage error, 70 when the server cannot start.
    static func run(arguments: [String]) async -> Int32 {
        var host = "127.0.0.1"
        var port = 0
        var seconds = 60
        var maxConnections = 1_024

        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard index + 1 < arguments.count else {
                return usage("missing value for \(name)")
            }
            let value = arguments[index + 1]
            switch name {
            case "--host":
                host = value
            case "--port":
                guard let parsed = Int(value) else {
                    return usage("--port needs a number")
                }
                port = parsed
            case "--seconds":
                guard let parsed = Int(value), parsed > 0 else {
                    return usage("--seconds needs a positive number")
                }
                seconds = parsed
            case "--max-connections":
                guard let parsed = Int(value), parsed > 0 else {
                    return usage("--max-connections needs a positive number")
                }
                maxConnections = parsed
            default:
                return usage("unknown argument \(name)")
            }
            index += 2
        }

        let configuration = HTTPServerConfiguration(
            host: host,
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
            FileHandle.standardError.write(Data("credsync bench http: \(error)\n".utf8))
            return 70
        }

        // Written unbuffered: the caller waits for this line before starting the load.
        FileHandle.standardOutput.write(Data("listening on \(server.baseURL)\n".utf8))
        try? await Task.sleep(for: .seconds(seconds))
        await server.shutdown(gracePeriod: .seconds(1))
        return 0
    }

    private static func usage(_ message: String) -> Int32 {
        let text = """
            credsync bench http: \(message)
            usage: credsync bench http [--host ADDRESS] [--port N] [--seconds N] [--max-connections N]

            """
        FileHandle.standardError.write(Data(text.utf8))
        return 64
    }
}
