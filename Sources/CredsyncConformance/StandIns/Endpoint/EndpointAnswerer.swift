import Credsync
internal import CredsyncOpenSSL

/// Decides the stand-in's answer to one call, as a careful platform would, with the planted defects.
///
/// In order: wrong path 404; not POST 405; (current edition) missing secret 403 `secret header not set`, wrong
/// secret 403 `Invalid secret`; malformed fields 400; unknown user or app 404; otherwise 200 `application/json` with
/// a fresh canary access token and the configured expiry shape, never a refresh token.
struct EndpointAnswerer: Sendable {
    /// The answer and the tokens it carries.
    struct Answer: Sendable {
        /// The response.
        var response: HTTPResponseMessage
        /// The canary tokens in the body, for the tripwire.
        var tokens: [String]
        /// For person-readable lines: `token`, `403 Invalid secret`…
        var outcome: String
        /// The (user, app) pair served, when a token was minted.
        var pair: String?
    }

    let options: EndpointStandInOptions

    /// The legacy default header name, where a current-edition caller must not put the secret.
    private static let legacyHeaderName = Edition.legacy.defaultHeaderName

    /// Answers a call.
    ///
    /// - Parameters:
    ///   - request: The call.
    ///   - path: The path it was sent to.
    ///   - followUp: Whether it follows the stand-in's own redirect.
    ///   - baseURL: The stand-in's base URL, for a redirect.
    ///   - now: The time in epoch milliseconds.
    /// - Returns: The answer.
    func answer(
        _ request: HTTPRequestMessage,
        path: Substring,
        followUp: Bool,
        baseURL: String,
        now: Double
    ) -> Answer {
        let defects = options.defects
        guard path == options.path || followUp else {
            return reject(404, "no sync endpoint at this path")
        }
        guard request.method == "POST" else {
            return reject(405, "only POST is answered", extra: [.init("allow", "POST")])
        }
        if let refusal = checkSecret(request) {
            return refusal
        }

        let fields: (user: String?, app: String?)
        switch readFields(request) {
        case .success(let read): fields = read
        case .failure(let refusal): return refusal.answer
        }

        let userID = fields.user.flatMap(EndpointGrant.userID)
        guard let userID else {
            return reject(400, "calcomUserId must be a positive decimal user id")
        }
        let app = fields.app ?? ""
        if !defects.contains(.ignoreAppSlug) && app.isEmpty {
            return reject(400, "appSlug is missing")
        }
        let known = options.grants
        if !defects.contains(.ignoreUserID) && !known.contains(where: { $0.calcomUserId == userID }) {
            return reject(404, "unknown user")
        }
        if !defects.contains(.ignoreAppSlug) {
            let granted = known.contains {
                $0.appSlug == app && ($0.calcomUserId == userID || defects.contains(.ignoreUserID))
            }
            guard granted else {
                return reject(404, "no credential for this app")
            }
        }

        if defects.contains(.redirect) && !followUp {
            var response = HTTPResponseMessage(status: 307, contentType: "application/json", body: Array("{}".utf8))
            response.otherFields = [.init("location", baseURL + options.path + "/redirected")]
            return Answer(response: response, tokens: [], outcome: "307 redirect", pair: nil)
        }
        return token(now: now, pair: "\(userID):\(app)")
    }

    // MARK: - Steps

    private func checkSecret(_ request: HTTPRequestMessage) -> Answer? {
        let defects = options.defects
        let name = options.effectiveHeaderName
        let value = request.value(of: name).flatMap { $0.isEmpty ? nil : $0 }
        let secret = options.secret ?? ""

        if options.edition == .legacy {
            guard defects.contains(.requireSecret) else {
                return nil
            }
            guard let value else {
                return reject(403, "secret header not set")
            }
            return secret.isEmpty || matches(value, secret) ? nil : reject(403, "Invalid secret")
        }

        guard let value else {
            let legacy = request.value(of: Self.legacyHeaderName).flatMap { $0.isEmpty ? nil : $0 }
            if let legacy, defects.contains(.acceptLegacyHeader), matches(legacy, secret) {
                return nil
            }
            if legacy == nil && defects.contains(.acceptMissingSecret) {
                return nil
            }
            return reject(403, "secret header not set")
        }
        if matches(value, secret) || defects.contains(.acceptWrongSecret) {
            return nil
        }
        return reject(403, "Invalid secret")
    }

    private func matches(_ value: String, _ secret: String) -> Bool {
        ConstantTime.equals(Array(value.utf8), Array(secret.utf8))
    }

    fileprivate func readFields(_ request: HTTPRequestMessage) -> Result<(user: String?, app: String?), Refusal> {
        let isJSON = request.mediaType == "application/json" || request.bodyLooksLikeJSON
        if options.defects.contains(.jsonBodyOnly) {
            guard let object = (try? JSONParser.parse(request.bodyText))?.objectValue else {
                return .failure(Refusal(reject(400, "expected a JSON body")))
            }
            let user: String? =
                switch object["calcomUserId"] {
                case .string(let text)?: text
                case .number(let number)? where number.rounded() == number && abs(number) < 1e15:
                    String(Int(number))
                default: nil
                }
            return .success((user, object["appSlug"]?.stringValue))
        }
        guard !isJSON else {
            return .failure(
                Refusal(reject(400, "expected a form body (application/x-www-form-urlencoded), not JSON"))
            )
        }
        let pairs = FormEncoding.decode(request.bodyText)
        let users = pairs.filter { $0.0 == "calcomUserId" }.map(\.1)
        let apps = pairs.filter { $0.0 == "appSlug" }.map(\.1)
        guard users.count <= 1, apps.count <= 1 else {
            return .failure(Refusal(reject(400, "calcomUserId and appSlug must each be sent once")))
        }
        guard !users.isEmpty else {
            return .failure(Refusal(reject(400, "calcomUserId is missing")))
        }
        return .success((users.first, apps.first))
    }

    private func reject(_ status: Int, _ message: String, extra: [HTTPRequestMessage.Field] = []) -> Answer {
        let defects = options.defects
        var members: [(String, JSONValue)] = [("message", .string(message))]
        var shownStatus = status
        if defects.contains(.clientError500) && (400..<500).contains(status) {
            shownStatus = 500
            members = [
                ("error", .string("Unhandled values")),
                (
                    "detail",
                    .string(
                        "TypeError: Cannot read properties of undefined (reading 'refresh_token')"
                            + " at handler (pages/api/getToken.ts:41:23)"
                    )
                ),
            ]
        }
        if defects.contains(.invalidGrantOnError) {
            members.removeAll { $0.0 == "error" }
            members.insert(("error", .string("invalid_grant")), at: 0)
        }
        var response = HTTPResponseMessage.json(
            shownStatus,
            .object(JSONObject(members)),
            contentType: "application/json"
        )
        response.otherFields = extra
        return Answer(response: response, tokens: [], outcome: "\(shownStatus) \(message)", pair: nil)
    }

    private func token(now: Double, pair: String) -> Answer {
        let defects = options.defects
        let accessToken = Self.canary("at")
        let lifetime =
            options.lifetime.inSeconds
        let nowSeconds = (now / 1000).rounded(.down)
        var tokens = [accessToken]

        let shapingDefects: Set<EndpointDefect> = [
            .errorStatusOnSuccess, .textContentType, .missingAccessToken, .scopeAsArray, .noExpiry, .expiryInSeconds,
            .expiredToken, .leakRefreshToken,
        ]
        if options.expiry == .milliseconds && defects.isDisjoint(with: shapingDefects) {
            let response = TokenResponse.answer(accessToken: accessToken, expiryDate: (now + lifetime * 1000).rounded())
            return Answer(response: response, tokens: tokens, outcome: "200 token", pair: pair)
        }

        var members: [(String, JSONValue)] = [
            (defects.contains(.missingAccessToken) ? "token" : "access_token", .string(accessToken))
        ]
        if defects.contains(.scopeAsArray) {
            members.append(("scope", .array([.string("https://www.googleapis.com/auth/calendar")])))
        }
        if !defects.contains(.noExpiry) {
            switch options.expiry {
            case .milliseconds, .none:
                if defects.contains(.expiredToken) {
                    members.append(("expiry_date", .number(now - 3_600_000)))
                } else if defects.contains(.expiryInSeconds) {
                    members.append(("expiry_date", .number((nowSeconds + lifetime).rounded())))
                } else if options.expiry == .milliseconds {
                    members.append(("expiry_date", .number((now + lifetime * 1000).rounded())))
                }
            case .secondsIn:
                if defects.contains(.expiredToken) {
                    members.append(("expires_in", .number(-3600)))
                } else if defects.contains(.expiryInSeconds) {
                    members.append(("expires_in", .number((nowSeconds + lifetime).rounded())))
                } else {
                    members.append(("expires_in", .number(lifetime)))
                }
            }
        }
        if defects.contains(.leakRefreshToken) {
            let refreshToken = Self.canary("rt")
            tokens.append(refreshToken)
            members.append(("refresh_token", .string(refreshToken)))
        }
        let status = defects.contains(.errorStatusOnSuccess) ? 500 : 200
        let type = defects.contains(.textContentType) ? "text/plain; charset=utf-8" : "application/json"
        let response = HTTPResponseMessage.json(status, .object(JSONObject(members)), contentType: type)
        return Answer(response: response, tokens: tokens, outcome: "\(status) token", pair: pair)
    }

    /// A clearly fake token: `credsync-canary-<kind>-<24 hex digits>`, fresh each time.
    static func canary(_ kind: String) -> String {
        let bytes = (try? SecureRandom.bytes(count: 12)) ?? (0..<12).map { _ in UInt8.random(in: 0...255) }
        return "credsync-canary-\(kind)-" + Hex.encode(bytes)
    }
}

/// A refusal carried through a `Result`.
private struct Refusal: Error {
    let answer: EndpointAnswerer.Answer

    init(_ answer: EndpointAnswerer.Answer) {
        self.answer = answer
    }
}
