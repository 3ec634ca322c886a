import Credsync
public import CredsyncStore
import CredsyncWire
import Foundation
import Synchronization

/// A Cal.com stand-in on loopback: it answers `POST /api/webhook/app-credential` exactly as the chosen edition of
/// Cal.com does, stores what it accepts in a ``CredentialStore``, and grades every push against the SND-*
/// requirements. In the current edition it also serves API v1 `/api/v1/credential-sync` to the API keys of its
/// options; those calls are not pushes and are not graded.
///
/// ```swift
/// let standIn = try CalcomStandIn(options: .init(settings: settings)) { push in print(push.line) }
/// let port = try await standIn.start()
/// // … the platform pushes …
/// let results = standIn.results()
/// await standIn.shutdown()
/// ```
///
/// A push is answered 200 only after its credential is committed. Nothing the stand-in reports holds a secret,
/// key or token.
public final class CalcomStandIn: Sendable {
    private struct State {
        var server: HTTPServer?
        var pushCount = 0
        var seenIVs: Set<String> = []
        var inFlight: [String: Int] = [:]
        var grades: SenderGrades
        var pushes: [CalcomPush] = []
    }

    /// How the stand-in is set up.
    public let options: Options

    /// The credentials it has stored.
    public let store: CredentialStore

    private let answering: CalcomAnswering
    private let api: CalcomAPIAnswering
    private let checks: [Check<PushContext>]
    private let onPush: @Sendable (CalcomPush) -> Void
    private let state: Mutex<State>

    /// Opens the store and prepares the stand-in; ``start()`` begins listening.
    ///
    /// - Parameters:
    ///   - options: The setup.
    ///   - onPush: Called once per push, after it is answered and graded.
    /// - Throws: ``CalcomStandInError`` with code `store` when the database cannot be opened.
    public init(options: Options, onPush: @escaping @Sendable (CalcomPush) -> Void = { _ in })
        throws(CalcomStandInError)
    {
        self.options = options
        do {
            store = try CredentialStore(path: options.databasePath)
        } catch {
            throw CalcomStandInError(.store, "\(error)")
        }
        answering = CalcomAnswering(
            settings: options.settings,
            defects: options.defects,
            fixesKnownMisses: options.fixesKnownMisses
        )
        api = CalcomAPIAnswering(
            settings: options.settings,
            seed: options.seed,
            adminAPIKey: options.adminAPIKey,
            memberAPIKey: options.memberAPIKey,
            defects: options.defects,
            fixesKnownMisses: options.fixesKnownMisses,
            store: store
        )
        checks = SenderChecks.checks(for: options.settings.edition)
        self.onPush = onPush
        let requirements = checks.compactMap { Catalog.standard.requirement($0.id) }
        state = Mutex(State(grades: SenderGrades(requirements: requirements)))
    }

    /// Starts listening.
    ///
    /// - Returns: The port listened on.
    /// - Throws: ``CalcomStandInError`` with code `listen`.
    @discardableResult
    public func start() async throws(CalcomStandInError) -> Int {
        // Room above Next's 1 MB limit, so the edition decides what a large body gets.
        var limits = HTTPServerLimits()
        limits.parser.maxBodyBytes = max(limits.parser.maxBodyBytes, 4 * Edition.pagesBodyLimit)
        let configuration = HTTPServerConfiguration(host: options.host, port: options.port, limits: limits)
        let server: HTTPServer
        do {
            server = try HTTPServer(configuration: configuration) { [self] request in
                await handle(request)
            }
        } catch {
            throw CalcomStandInError(.listen, "\(options.host) port \(options.port): \(error)")
        }
        state.withLock { $0.server = server }
        return server.port
    }

    /// Stops listening; answers in flight finish first.
    public func shutdown() async {
        let server = state.withLock { state in
            defer { state.server = nil }
            return state.server
        }
        await server?.shutdown(gracePeriod: .seconds(2))
    }

    /// `http://127.0.0.1:PORT`, once started.
    public var baseURL: String? {
        state.withLock { $0.server?.baseURL }
    }

    /// The webhook's URL, once started.
    public var webhookURL: String? {
        baseURL.map { $0 + Edition.webhookPath }
    }

    /// How many pushes have been answered.
    public var pushCount: Int {
        state.withLock { $0.pushes.count }
    }

    /// Every push answered so far, in the order answered.
    public var pushes: [CalcomPush] {
        state.withLock { $0.pushes }
    }

    /// One result per SND-* requirement of the edition over every push so far.
    public func results() -> [CheckResult] {
        state.withLock { $0.grades.results(pushes: $0.pushes.count) }
    }

    /// Waits until a number of pushes have been answered.
    ///
    /// - Parameters:
    ///   - count: The number of pushes.
    ///   - timeout: How long to wait at most.
    /// - Returns: Whether they arrived in time.
    public func waitForPushes(_ count: Int, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while pushCount < count {
            guard ContinuousClock.now < deadline, !Task.isCancelled else {
                return false
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// What to say on startup about the configuration: the edition, the header, key-check values, whether sharing
    /// is switched off. Holds no secret or key.
    public var startupLines: [String] {
        let settings = options.settings
        var lines = [
            "edition \(settings.edition): header '\(settings.headerName)', secret"
                + " \(settings.secret.isEmpty ? "unset" : KeyCheckValue(secret: settings.secret).description), key"
                + " \(settings.key.map { $0.keyCheckValue.description } ?? "unset or unusable")"
        ]
        if !settings.isEnabled {
            lines.append(
                "credential sharing is switched off (\(settings.edition.secretVariable) or \(Edition.keyVariable)"
                    + " is empty): every push gets 403 Credential sharing is not enabled, as Cal.com answers"
            )
        } else if settings.key == nil {
            lines.append("the key is not 32 latin1 characters: every push fails to decrypt, as on Cal.com")
        }
        if settings.edition == .current, options.adminAPIKey != nil || options.memberAPIKey != nil {
            let shown = { (key: String?) in key.map { KeyCheckValue(secret: $0).description } ?? "none" }
            lines.append(
                "API v1 \(CalcomAPIAnswering.path): admin key \(shown(options.adminAPIKey)), non-admin key"
                    + " \(shown(options.memberAPIKey))"
            )
        }
        if !options.defects.isEmpty {
            lines.append("planted defects: " + options.defects.map(\.rawValue).sorted().joined(separator: ", "))
        }
        if options.fixesKnownMisses {
            lines.append("meeting the SHOULDs today's Cal.com misses instead of answering exactly as it does")
        }
        return lines
    }

    // MARK: - Handling

    private func handle(_ http: HTTPRequest) async -> HTTPResponse {
        let request = HTTPRequestMessage(
            method: http.method,
            target: http.target,
            fields: http.headers.fields.map { .init($0.name, $0.value) },
            body: http.body
        )
        if options.settings.edition == .current, Self.path(of: request.target) == CalcomAPIAnswering.path {
            return Self.http(api.answer(request).0)
        }
        let body = try? JSONParser.parse(request.bodyText)
        let pair = PushContext.pairKey(of: body)
        let iv = PushContext.ivHex(of: body?.objectValue?["keys"]?.stringValue)
        let (number, ivSeen, concurrent) = state.withLock { state in
            state.pushCount += 1
            let seen = iv.map { !state.seenIVs.insert($0).inserted } ?? false
            var concurrent = 0
            if let pair {
                concurrent = state.inFlight[pair, default: 0]
                state.inFlight[pair, default: 0] += 1
            }
            return (state.pushCount, seen, concurrent)
        }

        let settings = options.settings
        let slug = body?.objectValue?["appSlug"]?.stringValue
        let appKnown: Bool =
            if let slug, case .found? = options.seed.apps[slug] { true } else { false }
        let context = PushContext(
            request: request,
            edition: settings.edition,
            headerName: settings.headerName,
            secret: settings.secret,
            key: settings.key,
            now: options.now(),
            ivSeenBefore: ivSeen,
            concurrentPushes: concurrent,
            appSlugKnown: appKnown
        )
        let results = await CheckRunner(checks: checks).run(context)

        if options.faults.delay > .zero {
            try? await Task.sleep(for: options.faults.delay)
        }
        let (response, label, wrote) = await answer(answered(request, raw: http.rawHeaderValues), number: number)

        let push = CalcomPush(
            number: number,
            method: request.method,
            target: request.target,
            userId: body?.objectValue?["userId"].map { SenderChecks.shown($0.serialized) },
            appSlug: slug.map(SenderChecks.shown),
            status: response?.status ?? 0,
            answer: label,
            wrote: wrote,
            results: results
        )
        state.withLock { state in
            if let pair {
                state.inFlight[pair, default: 1] -= 1
            }
            state.grades.add(results)
            state.pushes.append(push)
        }
        onPush(push)

        guard let response else {
            return .drop
        }
        return Self.http(response)
    }

    /// The request the webhook answers: as received, except that with `untrimmed-secret-header` planted the secret
    /// header keeps the white space around its value that the HTTP parser trims.
    private func answered(_ request: HTTPRequestMessage, raw: [String]) -> HTTPRequestMessage {
        guard options.defects.contains(.untrimmedSecretHeader), raw.count == request.fields.count else {
            return request
        }
        let name = options.settings.headerName.lowercased()
        var request = request
        request.fields = zip(request.fields, raw).map { field, raw in
            field.name.lowercased() == name ? .init(field.name, raw) : field
        }
        return request
    }

    private static func path(of target: String) -> String {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }

    private static func http(_ response: HTTPResponseMessage) -> HTTPResponse {
        var headers = HTTPHeaders()
        if let type = response.contentType {
            headers.add(name: "Content-Type", value: type)
        }
        for field in response.otherFields {
            headers.add(name: field.name, value: field.value)
        }
        return HTTPResponse(
            status: response.status,
            reason: response.reasonPhrase ?? "",
            headers: headers,
            body: response.body
        )
    }

    private func answer(_ request: HTTPRequestMessage, number: Int) async -> (HTTPResponseMessage?, String, Bool) {
        let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard path == Edition.webhookPath else {
            let page = HTTPResponseMessage(
                status: 404,
                contentType: "text/html; charset=utf-8",
                body: Array("<!DOCTYPE html><title>404: This page could not be found.</title>".utf8)
            )
            return (page, "not-found", false)
        }
        if options.faults.applies(to: number) {
            if options.faults.drop {
                return (nil, "dropped (injected)", false)
            }
            let status = options.faults.status
            let reason = HTTPResponse.standardReason(for: status)
            let response = HTTPResponseMessage.json(
                status,
                ["message": .string(reason)],
                contentType: options.settings.edition.jsonContentType
            )
            return (response, "injected-fault", false)
        }

        let directory = StandInDirectory(seed: options.seed, store: store, defects: options.defects)
        let outcome = await answering.answer(request, directory: directory)
        guard let write = outcome.write else {
            return (outcome.response, outcome.label, false)
        }
        return await perform(write, outcome: outcome)
    }

    private func perform(
        _ write: CalcomAnswering.Write,
        outcome: CalcomAnswering.Outcome
    ) async -> (HTTPResponseMessage?, String, Bool) {
        let userId = Int64(write.userId)
        do {
            switch answering.writeMode {
            case .atomic:
                let result = try store.upsert(userId: userId, appSlug: write.appId, type: write.type, key: write.key)
                let created = if case .created = result { true } else { false }
                return (answering.written(write, created: created), Self.label(created), true)
            case .alwaysCreated:
                _ = try store.upsert(userId: userId, appSlug: write.appId, type: write.type, key: write.key)
                return (answering.written(write, created: true), Self.label(true), true)
            case .racy:
                let existed = try store.count(userId: userId, appSlug: write.appId) > 0
                try? await Task.sleep(for: .milliseconds(50))
                _ = try store.upsert(userId: userId, appSlug: write.appId, type: write.type, key: write.key)
                return (answering.written(write, created: !existed), Self.label(!existed), true)
            case .neverCreate:
                if try store.count(userId: userId, appSlug: write.appId) > 0 {
                    _ = try store.upsert(userId: userId, appSlug: write.appId, type: write.type, key: write.key)
                    return (answering.written(write, created: false), Self.label(false), true)
                }
                return (answering.written(write, created: false), "credential-updated (nothing written)", false)
            }
        } catch {
            return (answering.storeFailure(), "store-failure", false)
        }
    }

    private static func label(_ created: Bool) -> String {
        created ? "credential-created" : "credential-updated"
    }

    /// The secrets the stand-in knows, for the report's tripwire: the secret, the key and the API keys.
    public var secrets: [Tripwire.Secret] {
        options.secrets
    }
}
