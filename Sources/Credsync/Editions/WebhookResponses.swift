/// The exact answer Cal.com's webhook gives for each branch, per edition.
public enum WebhookResponses {
    /// What an answer depends on besides the branch.
    public struct Context: Sendable, Hashable {
        /// The user id as JavaScript prints it, for the 200 messages.
        public var userIdText: String
        /// Zod's issues, for the current edition's 400.
        public var issues: [ZodIssue]
        /// The configured header name, for the current edition's invalid-name 500.
        public var headerName: String

        /// Makes a context.
        ///
        /// - Parameters:
        ///   - userIdText: The user id as JavaScript prints it.
        ///   - issues: Zod's issues.
        ///   - headerName: The configured header name.
        public init(userIdText: String = "1", issues: [ZodIssue] = [], headerName: String = "") {
            self.userIdText = userIdText
            self.issues = issues
            self.headerName = headerName
        }
    }

    /// The answer for a branch.
    ///
    /// - Parameters:
    ///   - branch: The branch.
    ///   - edition: The edition.
    ///   - context: What the answer depends on.
    /// - Returns: The answer, or `nil` when the edition has no such branch.
    public static func response(
        for branch: WebhookBranch,
        in edition: Edition,
        context: Context = Context()
    ) -> HTTPResponseMessage? {
        guard branch.exists(in: edition) else {
            return nil
        }
        return edition == .legacy ? legacy(branch, context) : current(branch, context)
    }

    /// How well the answer for a branch is known, with a note on what it rests on.
    ///
    /// - Parameters:
    ///   - branch: The branch.
    ///   - edition: The edition.
    /// - Returns: The confidence and note, or `nil` when the edition has no such branch.
    public static func provenance(
        of branch: WebhookBranch,
        in edition: Edition
    ) -> (confidence: FactConfidence, note: String)? {
        guard branch.exists(in: edition) else {
            return nil
        }
        switch (edition, branch) {
        case (.legacy, .bodyTooLarge), (.legacy, .invalidJSON):
            return (
                .stated,
                "Next's parseBody throws ApiError; apiResolver's sendError sets the status, the message as"
                    + " reason phrase and body, and no Content-Type"
            )
        case (.legacy, .schemaViolation), (.legacy, .decryptFailure):
            return (
                .stated,
                "the handler throws; Next's apiResolver answers 500 'Internal Server Error' with no"
                    + " Content-Type in production (next dev re-throws instead)"
            )
        case (_, .userIdOutOfRange):
            return (.inferred, "Prisma refuses an id outside int4 with an error; not executed against a database")
        case (_, .nullCredential):
            return (.inferred, "Prisma refuses a plain null for a Json column; not executed against a database")
        case (.current, .methodNotAllowed), (.current, .options), (.current, .unknownMethod):
            return (
                .inferred,
                "Next's App Router answers methods the route does not export; taken from Next's"
                    + " auto-implement-methods and response-handlers, not run against Cal.com"
            )
        case (.current, .headerNameInvalid):
            return (
                .inferred,
                "Headers.get throws a TypeError (observed on Node 20) outside the route's try/catch;"
                    + " defaultResponderForAppDir turns it into this 500"
            )
        case (.current, .invalidJSON):
            return (.stated, "request.json() throws inside the route's try/catch, which answers 500")
        default:
            return (.stated, "the answer is written in the route's source")
        }
    }

    // MARK: - Editions

    private static func legacy(_ branch: WebhookBranch, _ context: Context) -> HTTPResponseMessage {
        let json = Edition.legacy.jsonContentType
        switch branch {
        case .bodyTooLarge:
            return nextError(413, "Body exceeded 1mb limit")
        case .invalidJSON:
            return nextError(400, "Invalid JSON")
        case .schemaViolation, .userIdOutOfRange, .decryptFailure, .nullCredential:
            return nextError(500, "Internal Server Error")
        default:
            return .json(branch.status, message(branch, context, edition: .legacy), contentType: json)
        }
    }

    private static func current(_ branch: WebhookBranch, _ context: Context) -> HTTPResponseMessage {
        let json = Edition.current.jsonContentType
        switch branch {
        case .methodNotAllowed:
            return HTTPResponseMessage(status: 405)
        case .unknownMethod:
            return HTTPResponseMessage(status: 400)
        case .options:
            return HTTPResponseMessage(status: 204, otherFields: [.init("Allow", "OPTIONS, POST")])
        case .headerNameInvalid:
            let text = "Headers.get: \"\(context.headerName)\" is an invalid header name."
            return .json(500, ["message": .string(text)], contentType: json)
        case .schemaViolation:
            return .json(400, ["error": .array(context.issues.map(\.json))], contentType: json)
        case .invalidJSON, .userIdOutOfRange, .decryptFailure, .nullCredential:
            return .json(500, ["message": "Internal server error"], contentType: json)
        default:
            return .json(branch.status, message(branch, context, edition: .current), contentType: json)
        }
    }

    private static func nextError(_ status: Int, _ text: String) -> HTTPResponseMessage {
        HTTPResponseMessage(status: status, reasonPhrase: text, body: Array(text.utf8))
    }

    private static func message(_ branch: WebhookBranch, _ context: Context, edition: Edition) -> JSONValue {
        let text =
            switch branch {
            case .disabled: "Credential sharing is not enabled"
            case .invalidSecret: edition.invalidSecretMessage
            case .userNotFound: "User not found"
            case .appNotFound: "App not found"
            case .appWithoutMetadata: "App not found. Ensure that you have the correct app slug"
            case .credentialUpdated: "Credentials updated for userId: \(context.userIdText)"
            default: "Credentials created for userId: \(context.userIdText)"
            }
        return ["message": .string(text)]
    }
}

extension WebhookBranch {
    /// The status of the JSON message answers shared by both editions.
    fileprivate var status: Int {
        switch self {
        case .disabled, .invalidSecret: 403
        case .userNotFound, .appNotFound, .appWithoutMetadata: 404
        default: 200
        }
    }
}
