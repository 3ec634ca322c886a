public import Credsync
import CredsyncWire
import Synchronization

/// A live sync endpoint under probe: sends each ``EndpointCall`` once, keeps its answer for the checks, and
/// remembers which check looked at which answer, for transcripts.
///
/// ``prepare(for:)`` sends what the selected checks need in three rounds, so that a dead or hostile endpoint costs
/// about three deadlines, not one per call: first Cal.com's call alone (its latency is END-019's measure, and it
/// tells whether the endpoint reads form bodies), then every call that must be refused, all at once, then the
/// simultaneous valid calls of END-020. Every request has the configured deadline; redirects are never followed,
/// except one same-origin 307 or 308 hop, which fetch would take with the same method, body and secret.
public final class EndpointTarget: Sendable {
    /// How the probe encodes the fields of its calls.
    public enum BodyEncoding: String, Sendable {
        /// `calcomUserId=…&appSlug=…`, as Cal.com sends them.
        case form
        /// A JSON object of strings, used only when the endpoint hands out tokens for nothing else (END-009).
        case json
    }

    private struct State {
        var answers: [EndpointCall: EndpointAnswer] = [:]
        var usage: [RequirementID: Set<EndpointCall>] = [:]
        var encoding = BodyEncoding.form
    }

    /// What is probed and how.
    public let configuration: EndpointProbeConfiguration

    private let client: HTTPClient
    private let state = Mutex(State())

    /// Makes a target; nothing is sent yet.
    ///
    /// - Parameter configuration: The endpoint and the probe's settings.
    public init(configuration: EndpointProbeConfiguration) {
        self.configuration = configuration
        let deadline = configuration.timeout
        let secretHeaders: Set<String> = [
            configuration.effectiveHeaderName, Edition.current.defaultHeaderName, Edition.legacy.defaultHeaderName,
        ]
        self.client = HTTPClient(
            configuration: HTTPClientConfiguration(
                timeouts: HTTPTimeouts(connect: deadline, firstByte: deadline, total: deadline),
                responseLimits: HTTPParserLimits(maxHeaderBytes: 65_536, maxBodyBytes: 1_048_576),
                tlsVerification: configuration.tlsVerification,
                redaction: .standard.adding(headers: secretHeaders, bodyFields: EndpointAnswer.credentialFields)
            )
        )
    }

    // MARK: - Sending

    /// Sends every call the given checks need, in three rounds.
    ///
    /// - Parameter ids: The checks that will run.
    public func prepare(for ids: Set<RequirementID>) async {
        _ = await send(.valid)
        let first = peek(.valid)
        if let first, first.status.map({ (400..<500).contains($0) }) == true, !first.carriesToken {
            let json = await send(.validJSON)
            if json.carriesToken {
                state.withLock { $0.encoding = .json }
            }
        }

        let needed = Set(ids.flatMap { EndpointChecks.calls(for: $0) }).map(canonical)
        let rejections = EndpointCall.rejections.filter { needed.contains($0) && applies($0) }
        await withTaskGroup(of: Void.self) { group in
            for call in rejections where peek(call) == nil {
                group.addTask { _ = await self.send(call) }
            }
        }

        if ids.contains(where: { $0.description == "END-020" }) {
            await withTaskGroup(of: Void.self) { group in
                for number in 1...configuration.concurrency {
                    group.addTask { _ = await self.send(.concurrent(number)) }
                }
            }
        }
    }

    /// The answer to a call, sent now if it was not yet; the running check is recorded as its reader.
    ///
    /// - Parameter call: The call.
    /// - Returns: Its answer.
    public func answer(_ call: EndpointCall) async -> EndpointAnswer {
        let call = canonical(call)
        if let id = CurrentCheck.id {
            state.withLock { _ = $0.usage[id, default: []].insert(call) }
        }
        if let answer = peek(call) {
            return answer
        }
        return await send(call)
    }

    /// The answer the answer checks judge: the form call's, or the JSON call's when only JSON got a token.
    func tokenAnswer() async -> EndpointAnswer {
        await answer(encoding == .json ? .validJSON : .valid)
    }

    /// How the probe encodes its calls' fields: form unless only a JSON body got a token.
    public var encoding: BodyEncoding {
        state.withLock { $0.encoding }
    }

    /// Every credential value any answer carried, for the tripwire; never to be printed.
    public var receivedCredentials: [String] {
        let answers = state.withLock { Array($0.answers.values) }
        return Array(Set(answers.flatMap(\.credentialValues))).sorted()
    }

    /// The redacted wire exchanges a check looked at, in call order, as text.
    ///
    /// - Parameter id: The check.
    /// - Returns: The transcript, or `nil` when the check sent nothing.
    public func transcript(for id: RequirementID) -> String? {
        let (calls, answers) = state.withLock { ($0.usage[id] ?? [], $0.answers) }
        let parts = calls.sorted().compactMap { call -> String? in
            guard let answer = answers[call] else {
                return nil
            }
            var text = "# \(call)\n\(answer.first.transcript)"
            if let error = answer.first.error {
                text += "# \(error)\n"
            }
            if let followed = answer.followed {
                text += "# the redirect, followed once\n\(followed.transcript)"
                if let error = followed.error {
                    text += "# \(error)\n"
                }
            }
            return text
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// Whether a call makes sense in this configuration.
    func applies(_ call: EndpointCall) -> Bool {
        let current = configuration.edition == .current
        switch call {
        case .wrongSecret:
            return current
        case .secretInOtherCase:
            return current && configuration.secret.map { Self.flippingCase($0) != $0 } == true
        case .legacyHeaderOnly:
            return current && configuration.effectiveHeaderName.lowercased() != Edition.legacy.defaultHeaderName
        default:
            return true
        }
    }

    /// The call whose answer stands for another: in the legacy edition with no secret known, the valid call is
    /// already the call without a secret.
    private func canonical(_ call: EndpointCall) -> EndpointCall {
        if call == .withoutSecret && !sendsSecret {
            return .valid
        }
        return call
    }

    private func peek(_ call: EndpointCall) -> EndpointAnswer? {
        state.withLock { $0.answers[call] }
    }

    private func send(_ call: EndpointCall) async -> EndpointAnswer {
        let request = self.request(for: call)
        let first = await client.execute(request)
        var followed: HTTPExchange?
        if let response = try? first.response(), [307, 308].contains(response.status),
            let location = response.headers["Location"], let url = sameOrigin(location)
        {
            var hop = request
            hop.url = url
            followed = await client.execute(hop)
        }
        let answer = EndpointAnswer(call: call, first: first, followed: followed)
        state.withLock { $0.answers[call] = answer }
        return answer
    }

    // MARK: - Requests

    /// Whether Cal.com's call carries the secret: always in the current edition, when known in the legacy one.
    private var sendsSecret: Bool {
        configuration.edition == .current || configuration.secret != nil
    }

    private func request(for call: EndpointCall) -> HTTPClientRequest {
        let refresh = RefreshRequest(calcomUserId: configuration.userID, appSlug: configuration.appSlug)
        let message = refresh.message(
            edition: sendsSecret ? .current : .legacy,
            target: configuration.url.target,
            headerName: configuration.effectiveHeaderName,
            secret: configuration.secret ?? "",
            includeFetchDefaults: true
        )
        let secretName = configuration.effectiveHeaderName.lowercased()
        // fetch would decompress a gzip answer; this client reads bodies as sent, so it asks for none.
        var fields = message.fields.filter { !["accept-encoding", "content-length"].contains($0.name.lowercased()) }

        let secret = configuration.secret ?? ""
        switch call {
        case .withoutSecret:
            fields.removeAll { $0.name.lowercased() == secretName }
        case .wrongSecret:
            let wrong =
                secret == "credsync-probe-wrong-secret"
                ? "credsync-probe-wrong-secret-2" : "credsync-probe-wrong-secret"
            fields = fields.map { $0.name.lowercased() == secretName ? .init($0.name, wrong) : $0 }
        case .secretInOtherCase:
            fields = fields.map { $0.name.lowercased() == secretName ? .init($0.name, Self.flippingCase(secret)) : $0 }
        case .legacyHeaderOnly:
            fields.removeAll { $0.name.lowercased() == secretName }
            fields.insert(.init(Edition.legacy.defaultHeaderName, secret), at: 0)
        default:
            break
        }

        var body = message.body
        let pairs = self.pairs(for: call)
        let json = call == .validJSON || (encoding == .json && call != .valid)
        if json {
            fields = fields.map { $0.name.lowercased() == "content-type" ? .init($0.name, "application/json") : $0 }
            body = Array(JSONValue.object(JSONObject(pairs.map { ($0.0, .string($0.1)) })).serialized.utf8)
        } else if call != .valid {
            body = Array(FormEncoding.encode(pairs).utf8)
        }

        let headers = HTTPHeaders(fields.map { HTTPHeaders.Field(name: $0.name, value: $0.value) })
        return HTTPClientRequest(method: "POST", url: configuration.url, headers: headers, body: body)
    }

    private func pairs(for call: EndpointCall) -> [(String, String)] {
        let user = String(configuration.userID)
        let app = configuration.appSlug
        switch call {
        case .unknownUser: return [("calcomUserId", String(configuration.unknownUser)), ("appSlug", app)]
        case .userMissing: return [("appSlug", app)]
        case .userMalformed: return [("calcomUserId", EndpointProbeConfiguration.malformedUserID), ("appSlug", app)]
        case .unknownApp: return [("calcomUserId", user), ("appSlug", configuration.unknownApp)]
        case .appMissing: return [("calcomUserId", user)]
        case .appEmpty: return [("calcomUserId", user), ("appSlug", "")]
        default: return [("calcomUserId", user), ("appSlug", app)]
        }
    }

    /// The URL a `Location` names, when it lies on the configured URL's origin.
    private func sameOrigin(_ location: String) -> HTTPURL? {
        let base = configuration.url
        let resolved: HTTPURL?
        if location.lowercased().hasPrefix("http://") || location.lowercased().hasPrefix("https://") {
            resolved = HTTPURL(location)
        } else if location.hasPrefix("//") {
            resolved = HTTPURL(base.scheme + ":" + location)
        } else if location.hasPrefix("/") {
            resolved = HTTPURL("\(base.scheme)://\(base.authority)\(location)")
        } else {
            let path = base.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                .joined(separator: "/")
            resolved = HTTPURL("\(base.scheme)://\(base.authority)\(directory)/\(location)")
        }
        guard let resolved, resolved.scheme == base.scheme, resolved.host.lowercased() == base.host.lowercased(),
            resolved.port == base.port
        else {
            return nil
        }
        return resolved
    }

    /// The text with the case of every letter flipped.
    static func flippingCase(_ text: String) -> String {
        String(
            text.map { character -> String in
                let upper = character.uppercased()
                return upper == String(character) ? character.lowercased() : upper
            }.joined()
        )
    }
}
