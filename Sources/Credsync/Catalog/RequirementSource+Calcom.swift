// The Cal.com sources the catalog cites most, at the versions the protocol facts were taken from.
extension RequirementSource {
    /// The App Router webhook, today's source.
    static let webhookRoute = file("apps/web/app/api/webhook/app-credential/route.ts", at: "5b6d63e6")
    /// The original pages-router webhook of PR #11059, which the public docs describe.
    static let webhookPagesLegacy = file("apps/web/pages/api/webhook/app-credential.ts", at: "a5614d16")
    /// Next.js's pages-router body parsing and error handling.
    static let nextPagesRouter = file("vercel/next.js pages router: apiResolver, parseBody")
    /// The switch, the secret and the header name constants.
    static let constants = file("packages/lib/constants.ts", at: "89ecada7")
    /// `symmetricEncrypt` / `symmetricDecrypt`.
    static let crypto = file("packages/lib/crypto.ts", at: "005a27c2")
    /// Cal.com's own tests of the envelope.
    static let cryptoTests = file("packages/lib/crypto.test.ts", at: "00f7fabc")
    /// The `.env.example` sync section.
    static let envExample = file(".env.example")
    /// The refresh caller of today's apps.
    static let oauthManager = file("packages/app-store/_utils/oauth/OAuthManager.ts", at: "0bad86ce")
    /// The token schema the refresh caller applies.
    static let universalSchema = file("packages/app-store/_utils/oauth/universalSchema.ts", at: "806452ed")
    /// The original refresh caller of PR #11059, which sent no secret.
    static let refreshOAuthTokensLegacy = file("packages/app-store/_utils/oauth/refreshOAuthTokens.ts", at: "8cae0001")
    /// The refresh caller after PR #13907, which sends the secret.
    static let refreshOAuthTokens = file("packages/app-store/_utils/oauth/refreshOAuthTokens.ts", at: "0a681e64")
    /// The legacy refresh-answer parser, passthrough version.
    static let parseRefreshTokenResponse = file(
        "packages/app-store/_utils/oauth/parseRefreshTokenResponse.ts",
        at: "03670679"
    )
    /// API v1's credential-sync middleware.
    static let apiVerifySync = file("apps/api/v1/lib/helpers/verifyCredentialSyncEnabled.ts", at: "2bcc5626")
    /// API v1's API-key middleware.
    static let apiVerifyKey = file("apps/api/v1/lib/helpers/verifyApiKey.ts")
    /// API v1's credential-sync parameter validation.
    static let apiValidation = file("apps/api/v1/lib/validations/credential-sync.ts")
    /// The example platform's sync endpoint.
    static let exampleGetToken = file("example-apps/credential-sync/pages/api/getToken.ts")
}
