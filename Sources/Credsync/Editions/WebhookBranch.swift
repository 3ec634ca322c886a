/// Each way Cal.com's webhook can answer a call.
///
/// Which branches exist, the order in which they are tried and the exact answer differ by edition; see
/// ``Edition/webhookBranchOrder`` and ``WebhookAnswers``.
public enum WebhookBranch: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// (Current) A method Next's router knows but the route does not export, such as GET: 405, empty.
    case methodNotAllowed = "method-not-allowed"
    /// (Current) OPTIONS, which Next answers itself: 204 with `Allow: OPTIONS, POST`.
    case options
    /// (Current) A method outside Next's list (for example PROPFIND): 400, empty.
    case unknownMethod = "unknown-method"
    /// (Legacy) A body over Next's 1 MB body-parser limit: 413 before the handler runs.
    case bodyTooLarge = "body-too-large"
    /// The body is not JSON. Legacy: a JSON content type with a bad body, 400 `Invalid JSON` before every check.
    /// Current: `request.json()` throws after the secret check, 500.
    case invalidJSON = "invalid-json"
    /// Credential sharing is switched off: 403.
    case disabled
    /// (Current) The configured header name is not a valid field name, so `Headers.get` throws: 500.
    case headerNameInvalid = "header-name-invalid"
    /// The secret header is missing or differs from the secret: 403.
    case invalidSecret = "invalid-secret"
    /// The body fails the Zod schema. Current: 400 with the issues. Legacy: the thrown ZodError becomes 500.
    case schemaViolation = "schema-violation"
    /// The user id passes the schema but does not fit `User.id` (int4), so Prisma refuses the query: 500.
    case userIdOutOfRange = "user-id-out-of-range"
    /// No user has that id: 404.
    case userNotFound = "user-not-found"
    /// No App row has that slug: 404.
    case appNotFound = "app-not-found"
    /// The App row has no app-store metadata: 404.
    case appWithoutMetadata = "app-without-metadata"
    /// `keys` does not decrypt, or its plaintext is not JSON: 500, nothing stored.
    case decryptFailure = "decrypt-failure"
    /// The plaintext is JSON `null`, which Prisma refuses for a Json column: 500, nothing stored.
    case nullCredential = "null-credential"
    /// An existing credential's key was replaced: 200.
    case credentialUpdated = "credential-updated"
    /// A new credential was created: 200.
    case credentialCreated = "credential-created"

    public var description: String { rawValue }

    /// Whether the branch exists in an edition.
    ///
    /// - Parameter edition: The edition.
    /// - Returns: Whether the edition's webhook can take the branch.
    public func exists(in edition: Edition) -> Bool {
        edition.webhookBranchOrder.contains(self)
    }
}
