import Credsync
import CredsyncWire
import Foundation
import Synchronization

/// A platform sync endpoint on loopback that answers Cal.com's refresh calls and records each one for grading.
///
/// It serves canary tokens for its grants, refuses what a careful platform refuses (see ``EndpointStandInOptions``),
/// plants ``EndpointDefect``s and injects ``EndpointFaults``. ``log`` hands the calls to the REF-* checks.
///
/// ```swift
/// let endpoint = try EndpointStandIn(EndpointStandInOptions(secret: "s3cret-value"))
/// print(endpoint.url)  // http://127.0.0.1:40123/api/getToken
/// await endpoint.shutdown()
/// ```
public final class EndpointStandIn: Sendable {
    private final class Shared: Sendable {
        let mutex = Mutex(State())
    }

    private struct State {
        var nextNumber = 1
        var calls: [RefreshCall] = []
        var lastToken: [String: RefreshCall.IssuedToken] = [:]
        var inFlight: Set<String> = []
        var tokens: [String] = []
        var baseURL = ""
    }

    /// The options it runs with.
    public let options: EndpointStandInOptions

    private let server: HTTPServer
    private let shared: Shared

    /// Binds and starts answering.
    ///
    /// - Parameter options: How it behaves.
    /// - Throws: ``EndpointStandInError`` with code `badOption` or `bind`.
    public init(_ options: EndpointStandInOptions) throws(EndpointStandInError) {
        try options.validate()
        self.options = options
        let shared = Shared()
        self.shared = shared
        let answerer = EndpointAnswerer(options: options)
        do {
            server = try HTTPServer(
                configuration: HTTPServerConfiguration(host: options.host, port: options.port)
            ) { request in
                await Self.handle(request, answerer: answerer, shared: shared)
            }
        } catch {
            throw EndpointStandInError(.bind, error.description)
        }
        let base = server.baseURL
        shared.mutex.withLock { $0.baseURL = base }
    }

    /// The URL refresh calls go to, such as `http://127.0.0.1:40123/api/getToken`.
    public var url: String {
        server.baseURL + options.path
    }

    /// The port it listens on.
    public var port: Int {
        server.port
    }

    /// The calls so far, in order.
    public var calls: [RefreshCall] {
        shared.mutex.withLock { $0.calls }
    }

    /// The grading context for the REF-* checks: the calls so far and what they are judged against.
    public var log: RefreshCallLog {
        RefreshCallLog(
            edition: options.edition,
            path: options.path,
            headerName: options.effectiveHeaderName,
            secret: options.secret,
            grants: options.grants,
            crossingAllowance: options.crossingAllowance,
            calls: calls
        )
    }

    /// The secret and every token handed out, for the tripwire.
    public var secrets: [Tripwire.Secret] {
        let tokens = shared.mutex.withLock { $0.tokens }
        var secrets = tokens.enumerated().map {
            Tripwire.Secret(label: "canary token #\($0.offset + 1)", value: $0.element)
        }
        if let secret = options.secret, !secret.isEmpty {
            secrets.append(Tripwire.Secret(label: options.edition.secretVariable, value: secret))
        }
        return secrets
    }

    /// Stops listening, lets calls in flight end (one second at most), and closes every connection.
    public func shutdown() async {
        await server.shutdown(gracePeriod: .seconds(1))
    }

    // MARK: - Handling

    private static func handle(
        _ request: HTTPRequest,
        answerer: EndpointAnswerer,
        shared: Shared
    ) async -> HTTPResponse {
        let options = answerer.options
        let receivedAt = Self.now()
        let message = HTTPRequestMessage(
            method: request.method,
            target: request.target,
            fields: request.headers.fields.map { HTTPRequestMessage.Field($0.name, $0.value) },
            body: request.body
        )
        let followUp = options.defects.contains(.redirect) && request.path == options.path + "/redirected"
        let pairKey = Self.pairKey(message)
        let base = shared.mutex.withLock { $0.baseURL }
        var answer = answerer.answer(message, path: request.path, followUp: followUp, baseURL: base, now: receivedAt)

        var locked = false
        if options.defects.contains(.refreshLockConflict), let pair = answer.pair {
            locked = shared.mutex.withLock { $0.inFlight.insert(pair).inserted }
            if !locked {
                answer = EndpointAnswerer.Answer(
                    response: .json(
                        409,
                        .object(JSONObject([("message", .string("a refresh for this user and app is in progress"))])),
                        contentType: "application/json"
                    ),
                    tokens: [],
                    outcome: "409 refresh in progress",
                    pair: nil
                )
            } else {
                try? await Task.sleep(for: options.lockHold)
            }
        }

        var delay = options.faults.delay
        if options.defects.contains(.slowResponse) {
            delay += options.slowResponseDelay
        }
        if delay > .zero {
            try? await Task.sleep(for: delay)
        }

        let number = shared.mutex.withLock { state in
            defer { state.nextNumber += 1 }
            return state.nextNumber
        }
        var dropped = false
        if options.faults.fails(call: number) {
            if options.faults.drop {
                dropped = true
                answer = EndpointAnswerer.Answer(
                    response: HTTPResponseMessage(status: 0),
                    tokens: [],
                    outcome: "dropped",
                    pair: nil
                )
            } else {
                let status = options.faults.status ?? 500
                answer = EndpointAnswerer.Answer(
                    response: .json(
                        status,
                        .object(JSONObject([("message", .string("injected failure"))])),
                        contentType: "application/json"
                    ),
                    tokens: [],
                    outcome: "\(status) injected failure",
                    pair: nil
                )
            }
        }

        let answeredAt = Self.now()
        let issued = dropped ? nil : Self.issued(answer.response, number: number, at: answeredAt)
        let call = shared.mutex.withLock { state in
            if locked, let pair = answer.pair {
                state.inFlight.remove(pair)
            }
            let prior = pairKey.flatMap { state.lastToken[$0] }
            if let issued, let pairKey {
                state.lastToken[pairKey] = issued
            }
            state.tokens += answer.tokens
            let call = RefreshCall(
                number: number,
                receivedAt: receivedAt,
                request: message,
                followsRedirect: followUp,
                status: dropped ? nil : answer.response.status,
                outcome: answer.outcome,
                issued: issued,
                prior: prior
            )
            state.calls.append(call)
            return call
        }
        options.onCall(call)
        return dropped ? .drop : Self.wire(answer.response)
    }

    /// The token Cal.com's `OAuthManager` would store from this answer, whatever its status.
    private static func issued(_ response: HTTPResponseMessage, number: Int, at now: Double) -> RefreshCall.IssuedToken?
    {
        guard let token = TokenResponse.parse(response.body).token else {
            return nil
        }
        let statement: RefreshCall.IssuedToken.Statement =
            token.expiryDate != nil ? .expiryDate : token.expiresIn != nil ? .expiresIn : .none
        let expiresAt = token.normalized(now: now)["expiry_date"]?.numberValue ?? 0
        return RefreshCall.IssuedToken(callNumber: number, answeredAt: now, expiresAt: expiresAt, statement: statement)
    }

    /// The (user, app) pair a form call names, read leniently, as a map key.
    private static func pairKey(_ message: HTTPRequestMessage) -> String? {
        guard !message.bodyLooksLikeJSON else {
            return nil
        }
        let pairs = FormEncoding.decode(message.bodyText)
        guard let user = pairs.first(where: { $0.0 == "calcomUserId" })?.1,
            let app = pairs.first(where: { $0.0 == "appSlug" })?.1
        else {
            return nil
        }
        return user + ":" + app
    }

    private static func wire(_ message: HTTPResponseMessage) -> HTTPResponse {
        var headers = HTTPHeaders()
        if let type = message.contentType {
            headers.add(name: "Content-Type", value: type)
        }
        for field in message.otherFields {
            headers.add(name: field.name, value: field.value)
        }
        headers.add(name: "Cache-Control", value: "no-store")
        return HTTPResponse(status: message.status, headers: headers, body: message.body)
    }

    private static func now() -> Double {
        (Date().timeIntervalSince1970 * 1000).rounded()
    }
}
