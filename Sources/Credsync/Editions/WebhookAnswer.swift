/// How Cal.com's webhook answers one call: the branch taken, the response, and what it would store.
public struct WebhookAnswer: Sendable, Hashable {
    /// A credential the webhook stores.
    public struct Write: Sendable, Hashable {
        /// The user id.
        public let userId: Int32
        /// The app's metadata slug, stored as `appId`.
        public let appId: String
        /// The app's type, set when a credential is created.
        public let type: String
        /// The decrypted document stored as the credential's `key`, unvalidated.
        public let document: JSONValue
        /// Whether an existing credential's key is replaced (`true`) or a new credential is created.
        public let isUpdate: Bool
    }

    /// The branch taken.
    public let branch: WebhookBranch

    /// The exact response.
    public let response: HTTPResponseMessage

    /// Zod's issues, for a schema violation (in both editions, though only the current one shows them).
    public let issues: [ZodIssue]

    /// The credential stored, for the two 200 branches.
    public let write: Write?
}
