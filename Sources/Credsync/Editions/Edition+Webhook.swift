extension Edition {
    /// The webhook's branches in the order Cal.com tries them; the first that applies answers.
    ///
    /// Legacy (pages router, PR #11059): Next parses the body before the handler runs, so the size limit and a
    /// bad JSON body come first; there is no method check. Current (App Router `route.ts`): Next routes the
    /// method first; the body is read only after the secret check.
    public var webhookBranchOrder: [WebhookBranch] {
        switch self {
        case .legacy:
            [
                .bodyTooLarge, .invalidJSON, .disabled, .invalidSecret, .schemaViolation, .userIdOutOfRange,
                .userNotFound, .appNotFound, .appWithoutMetadata, .decryptFailure, .nullCredential,
                .credentialUpdated, .credentialCreated,
            ]
        case .current:
            [
                .unknownMethod, .options, .methodNotAllowed, .disabled, .headerNameInvalid, .invalidSecret,
                .invalidJSON, .schemaViolation, .userIdOutOfRange, .userNotFound, .appNotFound,
                .appWithoutMetadata, .decryptFailure, .nullCredential, .credentialUpdated, .credentialCreated,
            ]
        }
    }

    /// How the edition's webhook finds the secret header: the pages router matches lowercase names only.
    public var webhookHeaderLookup: HeaderLookup {
        self == .legacy ? .lowercaseOnly : .caseInsensitive
    }

    /// The 403 message for a missing or wrong secret.
    public var invalidSecretMessage: String {
        self == .legacy ? "Invalid webhook secret" : "Invalid credential sync secret"
    }

    /// The content type of the edition's JSON answers: Next's pages router writes `application/json;
    /// charset=utf-8`, `NextResponse.json` writes `application/json`.
    public var jsonContentType: String {
        self == .legacy ? "application/json; charset=utf-8" : "application/json"
    }

    /// The Cal.com version the edition's webhook answers are taken from.
    public var webhookSource: String {
        switch self {
        case .legacy: "apps/web/pages/api/webhook/app-credential.ts @ a5614d16 (PR #11059) with Next's apiResolver"
        case .current: "apps/web/app/api/webhook/app-credential/route.ts @ 5b6d63e6 with Next's App Router"
        }
    }

    /// Next's pages-router body limit, `1mb` as the `bytes` package reads it.
    public static let pagesBodyLimit = 1_048_576
}
