public import Credsync
public import CredsyncWire
import Foundation
import Synchronization

/// A live Cal.com instance as the CAL checks see it: where it is, the edition it is judged against, and the
/// requests the checks send, each under a deadline, recorded for transcripts and redacted.
///
/// A target that stops answering is given up on: after a refused connection, after two requests that ran out of
/// time, or after three failed exchanges in a row, every later request fails at once with the same error, so a dead or hostile target ends the run in
/// bounded time with `error` verdicts.
public final class CalcomProbe: Sendable {
    /// One answer: a response, or why there is none.
    public typealias Answer = Result<HTTPResponse, HTTPClientError>

    /// The canary document the probe pushes: well-formed, worthless, and marked `credsync-canary` so that a leak
    /// anywhere is recognisable.
    public struct Canary: Sendable, Hashable {
        /// The access token.
        public let accessToken: String
        /// The refresh token.
        public let refreshToken: String

        /// Makes fresh canary tokens.
        public init() {
            let tag = String(UInt64.random(in: .min ... .max), radix: 16)
            accessToken = "credsync-canary-access-\(tag)"
            refreshToken = "credsync-canary-refresh-\(tag)"
        }

        /// The credential document, as a Google Calendar credential would be.
        public var document: JSONValue {
            .object(
                JSONObject([
                    ("access_token", .string(accessToken)),
                    ("refresh_token", .string(refreshToken)),
                    ("token_type", "Bearer"),
                    ("scope", "credsync-canary"),
                    ("expiry_date", .number(4_102_444_800_000)),
                ])
            )
        }
    }

    private struct State {
        var transcripts: [String: [String]] = [:]
        var writes: [String] = []
        var cache: [String: [Answer]] = [:]
        var giveUp: HTTPClientError?
        var timeouts = 0
        var failuresInARow = 0
    }

    /// The configuration.
    public let configuration: CalcomProbeConfiguration

    /// The edition the instance is judged against.
    public let edition: Edition

    /// The header that carries the secret: the configured name or the edition's default.
    public let headerName: String

    /// The canary tokens of this run.
    public let canary: Canary

    private let client: HTTPClient
    private let state = Mutex(State())

    /// Makes a probe.
    ///
    /// - Parameters:
    ///   - configuration: The target and what the probe may do.
    ///   - edition: The edition to judge against (after any fingerprinting).
    ///   - canary: The canary tokens.
    public init(configuration: CalcomProbeConfiguration, edition: Edition, canary: Canary = Canary()) {
        self.configuration = configuration
        self.edition = edition
        self.headerName = configuration.headerName ?? edition.defaultHeaderName
        self.canary = canary
        let timeouts = HTTPTimeouts(
            connect: configuration.timeout,
            firstByte: configuration.timeout,
            total: configuration.timeout
        )
        let headers: Set<String> = [
            Edition.legacy.defaultHeaderName, Edition.current.defaultHeaderName,
            configuration.headerName ?? Edition.current.defaultHeaderName,
        ]
        client = HTTPClient(
            configuration: HTTPClientConfiguration(
                timeouts: timeouts,
                responseLimits: HTTPParserLimits(maxHeaderBytes: 65_536, maxBodyBytes: 1_048_576),
                redaction: Redaction.standard.adding(headers: headers, bodyFields: ["keys", "encryptedKey"])
            )
        )
    }

    // MARK: - Requests

    /// Sends one request to the instance.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - path: The path and query, such as `/api/webhook/app-credential`.
    ///   - headers: The header fields, in order; a name may repeat.
    ///   - body: The body.
    /// - Returns: The response or the error.
    public func send(
        _ method: String,
        path: String,
        headers: [(String, String)] = [],
        body: [UInt8] = []
    ) async -> Answer {
        if let giveUp = state.withLock({ $0.giveUp }) {
            return .failure(giveUp)
        }
        let request: HTTPClientRequest
        do {
            var fields = HTTPHeaders()
            for (name, value) in headers {
                fields.add(name: name, value: value)
            }
            request = try HTTPClientRequest(
                method: method,
                url: configuration.baseURL + path,
                headers: fields,
                body: body
            )
        } catch {
            return .failure(error)
        }

        let exchange = await client.execute(request)
        let text = sanitize(exchange.transcript.description)
        let check = CurrentCheck.id?.description ?? "setup"
        state.withLock { state in
            state.transcripts[check, default: []].append(text)
            guard let error = exchange.error else {
                state.failuresInARow = 0
                return
            }
            state.failuresInARow += 1
            if state.failuresInARow >= 3 {
                state.giveUp = error
            }
            switch error.code {
            case .connect, .resolve, .tls:
                state.giveUp = error
            case .timeout:
                state.timeouts += 1
                if state.timeouts >= 2 {
                    state.giveUp = error
                }
            default:
                break
            }
        }
        return exchange.result
    }

    /// Sends a call to the webhook.
    ///
    /// - Parameters:
    ///   - method: The method, POST unless a check says otherwise.
    ///   - secret: The secret header fields to send, usually ``secretHeader``.
    ///   - contentType: The `Content-Type`, or `nil` for none.
    ///   - body: The body.
    /// - Returns: The response or the error.
    public func webhook(
        method: String = "POST",
        secret: [(String, String)],
        contentType: String? = "application/json",
        body: [UInt8]
    ) async -> Answer {
        var headers: [(String, String)] = []
        if let contentType {
            headers.append(("Content-Type", contentType))
        }
        headers += secret
        return await send(method, path: Edition.webhookPath, headers: headers, body: body)
    }

    /// The right secret under the configured header name.
    public var secretHeader: [(String, String)] {
        [(headerName, configuration.secret)]
    }

    /// A push with the right secret and a JSON body.
    ///
    /// - Parameter body: The body object.
    /// - Returns: The response or the error.
    public func push(_ body: JSONValue) async -> Answer {
        await webhook(secret: secretHeader, body: Array(body.serialized.utf8))
    }

    /// The answers of a named sequence of requests, sent once a run and shared by the checks that grade them.
    ///
    /// - Parameters:
    ///   - name: The sequence's name.
    ///   - send: Sends the requests.
    /// - Returns: Their answers.
    public func shared(_ name: String, _ send: () async -> [Answer]) async -> [Answer] {
        if let cached = state.withLock({ $0.cache[name] }) {
            return cached
        }
        let answers = await send()
        state.withLock { $0.cache[name] = answers }
        return answers
    }

    // MARK: - Bodies

    /// A webhook body: `{userId, appSlug, keys}` and any extra members; `nil` leaves a member out.
    public static func body(
        userId: JSONValue?,
        appSlug: JSONValue?,
        keys: JSONValue?,
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let userId {
            members.append(("userId", userId))
        }
        if let appSlug {
            members.append(("appSlug", appSlug))
        }
        if let keys {
            members.append(("keys", keys))
        }
        return .object(JSONObject(members + extra))
    }

    /// The canary document sealed under the instance's key.
    public func canaryKeys() -> String {
        seal(canary.document.serialized)
    }

    /// A plaintext sealed under the instance's key with a fresh IV.
    public func seal(_ plaintext: String) -> String {
        // A 16-byte IV is always accepted, so sealing cannot fail.
        (try? Envelope.seal(plaintext, key: configuration.key)) ?? ""
    }

    /// The app slug to use where any app will do.
    public var anyAppSlug: String {
        configuration.appSlug ?? "google-calendar"
    }

    // MARK: - Records

    /// Notes a write the run made on the instance, for the report.
    public func recordWrite(_ line: String) {
        state.withLock { $0.writes.append(sanitize(line)) }
    }

    /// What the run wrote, in order.
    public var writes: [String] {
        state.withLock { $0.writes }
    }

    /// The redacted transcripts, by check ID (and `setup` for fingerprinting), each exchange in order.
    public var transcripts: [String: String] {
        state.withLock { state in
            state.transcripts.mapValues { $0.joined(separator: "\n") }
        }
    }

    /// Why the probe gave up on the target, if it did.
    public var gaveUp: HTTPClientError? {
        state.withLock { $0.giveUp }
    }

    // MARK: - Descriptions

    /// An answer in one line for a report: status, media type and up to 160 characters of body, secrets masked.
    public func describe(_ answer: Answer) -> String {
        switch answer {
        case .success(let response):
            var text = "\(response.status) \(CalcomExpectedAnswer.mediaType(of: response) ?? "(no content type)")"
            let body = response.bodyText.replacingOccurrences(of: "\n", with: " ")
            if !body.isEmpty {
                text += " " + (body.count > 160 ? String(body.prefix(160)) + "…" : body)
            }
            return sanitize(text)
        case .failure(let error):
            return "no answer: \(error.shortDescription)"
        }
    }

    /// The text with the secret, the key string, the API key and the canary tokens replaced by `[redacted]`.
    public func sanitize(_ text: String) -> String {
        var output = text
        let key = String(decoding: configuration.key.bytes, as: UTF8.self)
        let secrets = [
            configuration.secret, key, configuration.apiKey ?? "", configuration.nonAdminAPIKey ?? "",
            canary.accessToken, canary.refreshToken,
        ]
        for secret in secrets where secret.count >= 4 {
            output = output.replacingOccurrences(of: secret, with: "[redacted]")
        }
        if let range = output.range(of: "apiKey=") {
            let tail = output[range.upperBound...]
            let end = tail.firstIndex(where: { $0 == "&" || $0 == " " || $0 == "\\" }) ?? tail.endIndex
            output.replaceSubrange(range.upperBound..<end, with: "[redacted]")
        }
        return output
    }
}
