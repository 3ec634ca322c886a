public import Credsync

/// One planted deviation from Cal.com's webhook or API v1, named after a CAL-* requirement's catalog defect.
///
/// Planting a defect in ``CalcomStandIn`` makes exactly that requirement's probe check fail; the stand-in without
/// defects passes every MUST of its edition. Defects named after a SHOULD that today's Cal.com already misses in
/// the edition answered for change nothing unless ``CalcomStandIn/Options/fixesKnownMisses`` is on, where the
/// defect restores Cal.com's own behaviour.
public enum CalcomDefect: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    // MARK: Authentication (CAL-001…009)

    /// CAL-001: answer as if sharing were switched on when the secret or the key is empty.
    case ignoreSwitch = "ignore-switch"
    /// CAL-002: take a push with no secret header.
    case acceptMissingSecret = "accept-missing-secret"
    /// CAL-003: take any value under the secret header, including "s, s".
    case acceptWrongSecret = "accept-wrong-secret"
    /// CAL-004: compare the secret ignoring case.
    case caseInsensitiveSecret = "case-insensitive-secret"
    /// CAL-005: also take the secret under the other edition's default header name.
    case acceptOtherEditionHeader = "accept-other-edition-header"
    /// CAL-006: find the secret header only under the configured name's exact case.
    case caseSensitiveHeaderName = "case-sensitive-header-name"
    /// CAL-007: refuse a secret whose header value carries surrounding whitespace.
    case untrimmedSecretHeader = "untrimmed-secret-header"
    /// CAL-008: read the body before checking the secret, so bad JSON answers first.
    case parseBeforeSecret = "parse-before-secret"
    /// CAL-009: run every method as a POST.
    case acceptAnyMethod = "accept-any-method"

    // MARK: Body (CAL-010…022)

    /// CAL-010: answer a body that is not JSON with 200 "created", writing nothing.
    case acceptInvalidJSON = "accept-invalid-json"
    /// CAL-011: answer a body that is not JSON with a 500.
    case invalidJSON500 = "invalid-json-500"
    /// CAL-012: coerce a string or fractional userId and non-string appSlug or keys instead of refusing them.
    case lenientSchema = "lenient-schema"
    /// CAL-013: answer a schema violation with a 500.
    case schemaError500 = "schema-error-500"
    /// CAL-014: refuse members besides userId, appSlug and keys.
    case rejectExtraFields = "reject-extra-fields"
    /// CAL-015: write a credential for a user that does not exist.
    case createForUnknownUser = "create-for-unknown-user"
    /// CAL-016: write a credential for an app slug that names no app.
    case createForUnknownApp = "create-for-unknown-app"
    /// CAL-017: answer an app without metadata with a 500 instead of its 404.
    case missingMetadata500 = "missing-metadata-500"
    /// CAL-018: decrypt before looking up the user and the app.
    case decryptBeforeLookup = "decrypt-before-lookup"
    /// CAL-019: store keys that do not decrypt, as their text, and answer 200.
    case storeUndecryptableKeys = "store-undecryptable-keys"
    /// CAL-020: answer keys that do not decrypt with a 500 (as Cal.com does).
    case decryptError500 = "decrypt-error-500"
    /// CAL-021: store keys whose plaintext is a JSON scalar, array or tokenless object (as Cal.com does).
    case storeScalarKeys = "store-scalar-keys"
    /// CAL-022: refuse keys written in uppercase hex.
    case rejectUppercaseHex = "reject-uppercase-hex"

    // MARK: Outcome (CAL-023…025)

    /// CAL-023: never create a credential; a first push writes nothing and answers "updated".
    case neverCreate = "never-create"
    /// CAL-024: answer every push "created", even one that replaces a credential.
    case alwaysCreate = "always-create"
    /// CAL-025: look for the credential and write it in two steps, so concurrent first pushes all answer "created".
    case racyCreate = "racy-create"

    // MARK: Hardening (CAL-026…029)

    /// CAL-026: take a JSON body under any content type (as today's Cal.com does).
    case ignoreContentType = "ignore-content-type"
    /// CAL-027: answer errors with text/plain bodies.
    case textErrorBody = "text-error-body"
    /// CAL-028: put a stack trace and the OpenSSL message into error bodies.
    case leakErrorDetail = "leak-error-detail"
    /// CAL-029: compare the secret character by character, taking longer the more of a guess is right.
    case earlyExitCompare = "early-exit-compare"

    // MARK: API v1 (CAL-030…037)

    /// CAL-030: serve API v1 without an apiKey.
    case apiAcceptMissingKey = "api-accept-missing-key"
    /// CAL-031: serve API v1 to a key that is not a system-wide admin's.
    case apiAcceptNonAdmin = "api-accept-non-admin"
    /// CAL-032: serve API v1 with sharing switched off.
    case apiIgnoreSwitch = "api-ignore-switch"
    /// CAL-033: serve API v1 with the secret header missing or wrong.
    case apiAcceptWrongSecret = "api-accept-wrong-secret"
    /// CAL-034: list every user's credentials, whatever userId and appSlug say.
    case apiGetUnfiltered = "api-get-unfiltered"
    /// CAL-035: create a credential whose plaintext has no string access_token.
    case apiStoreTokenless = "api-store-tokenless"
    /// CAL-036: PATCH and DELETE a credential by id whichever user owns it.
    case apiUnscopedCredential = "api-unscoped-credential"
    /// CAL-037: answer an unknown app on POST with a 500 (as Cal.com does).
    case apiUnknownApp500 = "api-unknown-app-500"

    /// The defect planted under a catalog defect name.
    ///
    /// - Parameter name: The kebab-case name, such as `accept-wrong-secret`.
    public init?(named name: String) {
        self.init(rawValue: name)
    }

    /// The requirement whose check the defect makes fail.
    public var requirement: Requirement? {
        Catalog.standard.requirement(defect: rawValue, side: .calcom)
    }

    /// Every defect name, in catalog order, for messages.
    public static var names: [String] {
        allCases.map(\.rawValue)
    }

    public var description: String { rawValue }
}
