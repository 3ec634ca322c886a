/// The body a platform POSTs to Cal.com's `/api/webhook/app-credential`: `{userId, appSlug, keys}`.
///
/// ``validate(_:)`` accepts and rejects exactly what Cal.com's Zod schema
/// `z.object({userId: z.number().int(), appSlug: z.string(), keys: z.string()})` does, and reports the same issues;
/// ``grade(_:key:now:)`` is the stricter view credsync takes of a sender.
public struct WebhookRequest: Sendable, Hashable {
    /// The Cal.com user id, a JavaScript number with no fractional part (it may exceed `Int`'s range, as
    /// `1e300` does, and still pass the schema).
    public let userId: Double

    /// The app's slug, such as `google-calendar`.
    public let appSlug: String

    /// The envelope holding the encrypted credential document.
    public let keys: String

    /// Makes a request body.
    ///
    /// - Parameters:
    ///   - userId: The Cal.com user id.
    ///   - appSlug: The app's slug.
    ///   - keys: The envelope.
    public init(userId: Int, appSlug: String, keys: String) {
        self.userId = Double(userId)
        self.appSlug = appSlug
        self.keys = keys
    }

    private init(userIdNumber: Double, appSlug: String, keys: String) {
        self.userId = userIdNumber
        self.appSlug = appSlug
        self.keys = keys
    }

    /// Seals a credential document and makes the body that carries it.
    ///
    /// - Parameters:
    ///   - document: The credential document, usually `{"access_token": …, "expiry_date": …}`.
    ///   - userId: The Cal.com user id.
    ///   - appSlug: The app's slug.
    ///   - key: The shared envelope key.
    ///   - iv: A fixed IV for reproducible output, or `nil` for a random one.
    /// - Returns: The body.
    /// - Throws: ``EnvelopeError`` when sealing fails.
    public static func sealing(
        _ document: JSONValue,
        userId: Int,
        appSlug: String,
        key: EnvelopeKey,
        iv: [UInt8]? = nil
    ) throws(EnvelopeError) -> WebhookRequest {
        WebhookRequest(userId: userId, appSlug: appSlug, keys: try Envelope.seal(document.serialized, key: key, iv: iv))
    }

    /// The user id as JavaScript prints it, as in Cal.com's "Credentials created for userId: N".
    public var userIdText: String {
        JSONValue.javaScriptNumber(userId)
    }

    /// The user id when it fits a Postgres `int4` column, the type of `User.id`; `nil` otherwise, where Prisma
    /// refuses the query.
    public var databaseUserId: Int32? {
        Int32(exactly: userId)
    }

    /// The body as JSON, members in the order `userId`, `appSlug`, `keys`.
    public var json: JSONValue {
        .object(JSONObject([("userId", .number(userId)), ("appSlug", .string(appSlug)), ("keys", .string(keys))]))
    }

    /// The body bytes a sender writes: `JSON.stringify` of ``json``.
    public var body: [UInt8] {
        Array(json.serialized.utf8)
    }

    // MARK: - Cal.com's schema

    /// Validates a parsed body as Cal.com's Zod schema does.
    ///
    /// Extra members are stripped, as `z.object` does by default. `userId` must be a JSON number with no
    /// fractional part (`1.0` and `1e0` pass; `"1"`, `1.5`, `null` and `Infinity` fail); `appSlug` and `keys` must
    /// be strings (empty ones pass). Every failing field is reported, in the schema's order.
    ///
    /// - Parameter body: The value `JSON.parse` (or Next's body parser) produced.
    /// - Returns: The stripped body, or Zod's issues.
    public static func validate(_ body: JSONValue) -> WebhookValidation {
        guard let object = body.objectValue else {
            return .invalid([ZodIssue(expected: "object", found: body, path: [])])
        }

        var issues: [ZodIssue] = []
        let userId = object["userId"]
        if case .number(let number)? = userId {
            if !number.isFinite || number.rounded(.towardZero) != number {
                issues.append(ZodIssue(notIntegerAt: ["userId"]))
            }
        } else {
            issues.append(ZodIssue(expected: "number", found: userId, path: ["userId"]))
        }
        for field in ["appSlug", "keys"] where object[field]?.stringValue == nil {
            issues.append(ZodIssue(expected: "string", found: object[field], path: [field]))
        }

        guard issues.isEmpty, let number = userId?.numberValue, let appSlug = object["appSlug"]?.stringValue,
            let keys = object["keys"]?.stringValue
        else {
            return .invalid(issues)
        }
        return .valid(WebhookRequest(userIdNumber: number, appSlug: appSlug, keys: keys))
    }

    /// Validates body bytes: parses them as `JSON.parse` does, then applies the schema.
    ///
    /// - Parameter body: The body bytes.
    /// - Returns: The outcome; a body that is not JSON gives ``WebhookValidation/notJSON(_:)``.
    public static func validate(body: [UInt8]) -> WebhookValidation {
        let message = HTTPRequestMessage(method: "POST", target: Edition.webhookPath, body: body)
        do {
            return validate(try JSONParser.parse(message.bodyText))
        } catch {
            return .notJSON(error)
        }
    }
}

/// What Cal.com's schema makes of a webhook body.
public enum WebhookValidation: Sendable, Hashable {
    /// The body passes; extra members were stripped.
    case valid(WebhookRequest)
    /// The body is JSON but fails the schema, with Zod's issues in order.
    case invalid([ZodIssue])
    /// The body is not JSON at all.
    case notJSON(JSONParseError)

    /// The body, when it passes.
    public var request: WebhookRequest? {
        if case .valid(let request) = self { request } else { nil }
    }

    /// Zod's issues, empty unless the body is JSON that fails the schema.
    public var issues: [ZodIssue] {
        if case .invalid(let issues) = self { issues } else { [] }
    }
}
