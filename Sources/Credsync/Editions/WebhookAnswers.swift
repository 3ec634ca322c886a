/// Answers webhook calls exactly as a Cal.com instance of one edition does.
///
/// Given the instance's settings, a raw call and a directory of users, apps and credentials, ``answer(_:directory:)``
/// tries the edition's branches in order (``Edition/webhookBranchOrder``) and returns the first that applies with
/// its exact response. `credsync mock calcom` answers with it; probes use it as their expectation.
public struct WebhookAnswers: Sendable, Hashable {
    /// The methods Next's App Router knows; others get 400.
    public static let appRouterMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]

    /// The instance's settings.
    public let settings: WebhookSettings

    /// Makes the answering logic for an instance.
    ///
    /// - Parameter settings: The instance's settings; their edition picks the behaviour.
    public init(settings: WebhookSettings) {
        self.settings = settings
    }

    /// The edition answered for.
    public var edition: Edition {
        settings.edition
    }

    /// Answers one call.
    ///
    /// - Parameters:
    ///   - request: The call: method, header fields, body bytes. The target is not looked at.
    ///   - directory: The users, apps and credentials the instance holds.
    /// - Returns: The branch, the exact response, Zod's issues when relevant, and the credential stored.
    public func answer(_ request: HTTPRequestMessage, directory: some WebhookDirectory) -> WebhookAnswer {
        switch edition {
        case .legacy: answerAsPagesRouter(request, directory: directory)
        case .current: answerAsAppRouter(request, directory: directory)
        }
    }

    /// The response for a branch, with this instance's header name.
    ///
    /// - Parameters:
    ///   - branch: The branch.
    ///   - userIdText: The user id for the 200 messages.
    ///   - issues: Zod's issues for a schema violation.
    /// - Returns: The response, or `nil` when the edition has no such branch.
    public func response(
        for branch: WebhookBranch,
        userIdText: String = "1",
        issues: [ZodIssue] = []
    ) -> HTTPResponseMessage? {
        let context = WebhookResponses.Context(userIdText: userIdText, issues: issues, headerName: settings.headerName)
        return WebhookResponses.response(for: branch, in: edition, context: context)
    }

    // MARK: - Editions

    private func answerAsPagesRouter(_ request: HTTPRequestMessage, directory: some WebhookDirectory) -> WebhookAnswer {
        // Next's apiResolver parses the body before the handler runs.
        if request.body.count > Edition.pagesBodyLimit {
            return finish(.bodyTooLarge)
        }
        let body: JSONValue
        switch request.mediaType {
        case "application/json", "application/ld+json":
            let text = request.bodyText
            if text.isEmpty {
                body = .object(JSONObject())
            } else if let parsed = try? JSONParser.parse(text) {
                body = parsed
            } else {
                return finish(.invalidJSON)
            }
        case "application/x-www-form-urlencoded":
            body = Self.queryStringObject(request.bodyText)
        default:
            body = .string(request.bodyText)
        }

        if let early = checkSwitchAndSecret(request) {
            return early
        }
        return answerBody(body, directory: directory)
    }

    private func answerAsAppRouter(_ request: HTTPRequestMessage, directory: some WebhookDirectory) -> WebhookAnswer {
        guard Self.appRouterMethods.contains(request.method) else {
            return finish(.unknownMethod)
        }
        if request.method == "OPTIONS" {
            return finish(.options)
        }
        guard request.method == "POST" else {
            return finish(.methodNotAllowed)
        }
        if let early = checkSwitchAndSecret(request) {
            return early
        }

        // `request.json()` ignores the content type.
        guard let body = try? JSONParser.parse(request.bodyText) else {
            return finish(.invalidJSON)
        }
        return answerBody(body, directory: directory)
    }

    // MARK: - Shared steps

    private func checkSwitchAndSecret(_ request: HTTPRequestMessage) -> WebhookAnswer? {
        guard settings.isEnabled else {
            return finish(.disabled)
        }
        if edition == .current && !HeaderLookup.isValidName(settings.headerName) {
            return finish(.headerNameInvalid)
        }
        let value = request.value(of: settings.headerName, lookup: edition.webhookHeaderLookup)
        guard value == settings.secret else {
            return finish(.invalidSecret)
        }
        return nil
    }

    private func answerBody(_ body: JSONValue, directory: some WebhookDirectory) -> WebhookAnswer {
        let parsed: WebhookRequest
        switch WebhookRequest.validate(body) {
        case .valid(let request):
            parsed = request
        case .invalid(let issues):
            return finish(.schemaViolation, issues: issues)
        case .notJSON:
            return finish(.invalidJSON)
        }

        guard let userId = parsed.databaseUserId else {
            return finish(.userIdOutOfRange)
        }
        guard directory.userExists(userId) else {
            return finish(.userNotFound)
        }
        let metadataSlug: String
        let type: String
        switch directory.app(slug: parsed.appSlug) {
        case .notFound:
            return finish(.appNotFound)
        case .withoutMetadata:
            return finish(.appWithoutMetadata)
        case .found(let slug, let appType):
            metadataSlug = slug
            type = appType
        }

        guard let key = settings.key,
            let plaintext = try? Envelope.openText(parsed.keys, key: key, decoding: .compatible),
            let document = try? JSONParser.parse(plaintext)
        else {
            return finish(.decryptFailure)
        }
        if document == .null {
            return finish(.nullCredential)
        }

        let isUpdate = directory.credentialExists(userId: userId, appId: metadataSlug)
        let write = WebhookAnswer.Write(
            userId: userId,
            appId: metadataSlug,
            type: type,
            document: document,
            isUpdate: isUpdate
        )
        return finish(isUpdate ? .credentialUpdated : .credentialCreated, userIdText: parsed.userIdText, write: write)
    }

    private func finish(
        _ branch: WebhookBranch,
        userIdText: String = "",
        issues: [ZodIssue] = [],
        write: WebhookAnswer.Write? = nil
    ) -> WebhookAnswer {
        // Every branch reached here exists in the edition answered for.
        let response = response(for: branch, userIdText: userIdText, issues: issues)!
        return WebhookAnswer(branch: branch, response: response, issues: issues, write: write)
    }

    /// The object Node's `querystring.decode` makes of a form body: string values, repeated names as arrays.
    static func queryStringObject(_ text: String) -> JSONValue {
        var object = JSONObject()
        for (name, value) in FormEncoding.decode(text) {
            switch object[name] {
            case nil: object[name] = .string(value)
            case .array(let values)?: object[name] = .array(values + [.string(value)])
            case let existing?: object[name] = .array([existing, .string(value)])
            }
        }
        return .object(object)
    }
}
