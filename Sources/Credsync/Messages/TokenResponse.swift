/// A sync endpoint's answer to Cal.com's refresh call, read as Cal.com's `OAuthManager` reads it.
///
/// The body must parse as JSON and satisfy `OAuth2UniversalSchemaWithCalcomBackwardCompatibility`: a string
/// `access_token`; optional strings `token_type`, `refresh_token`, `scope`; optional numbers `expiry_date` (epoch
/// milliseconds) and `expires_in` (seconds from now); any other member kept. The HTTP status is not enforced.
public struct TokenResponse: Sendable, Hashable {
    /// The optional string members, in the schema's order.
    public static let optionalStringFields = ["token_type", "refresh_token", "scope"]

    /// The optional number members, in the schema's order.
    public static let optionalNumberFields = ["expiry_date", "expires_in"]

    /// How long Cal.com trusts a token that came with no expiry: 365 days, in milliseconds.
    public static let defaultLifetime = 365.0 * 24 * 3600 * 1000

    /// The members as Zod's passthrough output holds them: schema members first, in the schema's order, then
    /// the others in their original order.
    public let fields: JSONObject

    /// The access token.
    public var accessToken: String {
        fields["access_token"]?.stringValue ?? ""
    }

    /// The absolute expiry in epoch milliseconds, when given.
    public var expiryDate: Double? {
        fields["expiry_date"]?.numberValue
    }

    /// The lifetime in seconds, when given.
    public var expiresIn: Double? {
        fields["expires_in"]?.numberValue
    }

    /// The refresh token, when given.
    public var refreshToken: String? {
        fields["refresh_token"]?.stringValue
    }

    /// The answer a well-behaved sync endpoint gives: 200, `application/json`,
    /// `{"access_token": …, "expiry_date": …}`.
    ///
    /// - Parameters:
    ///   - accessToken: The access token.
    ///   - expiryDate: The expiry in epoch milliseconds.
    /// - Returns: The response.
    public static func answer(accessToken: String, expiryDate: Double) -> HTTPResponseMessage {
        .json(
            200,
            CredentialDocument.make(accessToken: accessToken, expiryDate: expiryDate),
            contentType: "application/json"
        )
    }

    /// Reads a body as `OAuthManager` does.
    ///
    /// - Parameter body: The body bytes.
    /// - Returns: The token, or why Cal.com refuses it.
    public static func parse(_ body: [UInt8]) -> TokenResponseParse {
        let text = HTTPRequestMessage(method: "", target: "", body: body).bodyText
        // An empty or blank body is read as JSON null, which then fails the schema.
        if text.trimmingJavaScriptWhitespace().isEmpty {
            return .invalid([ZodIssue(expected: "object", found: .null, path: [])])
        }
        do {
            return parse(try JSONParser.parse(text))
        } catch {
            return .notJSON(error)
        }
    }

    /// Validates a parsed body against the schema.
    ///
    /// - Parameter value: The parsed body.
    /// - Returns: The token, or Zod's issues.
    public static func parse(_ value: JSONValue) -> TokenResponseParse {
        guard let object = value.objectValue else {
            return .invalid([ZodIssue(expected: "object", found: value, path: [])])
        }

        var issues: [ZodIssue] = []
        if object["access_token"]?.stringValue == nil {
            issues.append(ZodIssue(expected: "string", found: object["access_token"], path: ["access_token"]))
        }
        for field in optionalStringFields {
            if let member = object[field], member.stringValue == nil {
                issues.append(ZodIssue(expected: "string", found: member, path: [field]))
            }
        }
        for field in optionalNumberFields {
            if let member = object[field], member.numberValue == nil {
                issues.append(ZodIssue(expected: "number", found: member, path: [field]))
            }
        }
        guard issues.isEmpty else {
            return .invalid(issues)
        }

        let schemaFields = ["access_token"] + optionalStringFields + optionalNumberFields
        var members: [(String, JSONValue)] = schemaFields.compactMap { name in object[name].map { (name, $0) } }
        members += object.members.filter { !schemaFields.contains($0.key) }.map { ($0.key, $0.value) }
        return .accepted(TokenResponse(fields: JSONObject(members)))
    }

    /// The token after Cal.com's `normalizeNewlyReceivedToken`, with syncing on.
    ///
    /// With neither expiry member (or both zero) `expiry_date` becomes now + 365 days; with `expires_in` and no
    /// `expiry_date`, `expiry_date` becomes `Math.round(now + expires_in × 1000)` and `expires_in` is dropped;
    /// otherwise nothing changes. `expiry_date` is not checked for sense.
    ///
    /// - Parameter now: The current time in epoch milliseconds.
    /// - Returns: The members Cal.com merges over the stored token.
    public func normalized(now: Double) -> JSONObject {
        var result = fields
        let expiry = fields["expiry_date"]?.numberValue
        let expiresIn = fields["expires_in"]?.numberValue
        if (expiry ?? 0) == 0 && (expiresIn ?? 0) == 0 {
            result["expiry_date"] = .number(now + Self.defaultLifetime)
        } else if let expiresIn, expiry == nil {
            result["expiry_date"] = .number((now + expiresIn * 1000 + 0.5).rounded(.down))
            result["expires_in"] = nil
        }
        return result
    }
}

/// What Cal.com makes of a sync endpoint's answer.
public enum TokenResponseParse: Sendable, Hashable {
    /// Cal.com takes the token.
    case accepted(TokenResponse)
    /// The body is JSON (or empty) but fails the schema: Cal.com throws "Invalid token response".
    case invalid([ZodIssue])
    /// The body is not JSON: `response.json()` throws a SyntaxError.
    case notJSON(JSONParseError)

    /// The token, when accepted.
    public var token: TokenResponse? {
        if case .accepted(let token) = self { token } else { nil }
    }

    /// The stable name of the outcome: `accepted`, `invalid-token-response` or `syntax-error`.
    public var outcome: String {
        switch self {
        case .accepted: "accepted"
        case .invalid: "invalid-token-response"
        case .notJSON: "syntax-error"
        }
    }
}

extension String {
    /// The text without the white space JavaScript's `trim` removes (the common ASCII and Unicode spaces).
    func trimmingJavaScriptWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start...end])
        return String(view)
    }
}
