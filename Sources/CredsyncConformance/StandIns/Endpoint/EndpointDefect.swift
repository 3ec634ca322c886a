public import Credsync

/// One named deviation the sync endpoint stand-in can plant, one per END-* requirement.
///
/// Each case's raw value is the catalog's `coverage.defect` name of the requirement it breaks, so
/// `credsync mock endpoint --defect NAME` and ``requirement`` agree with the catalog. A stand-in with no defect
/// planted passes every END-* requirement of its edition.
public enum EndpointDefect: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// END-001: a valid call gets its token with status 500 instead of 200.
    case errorStatusOnSuccess = "error-status-on-success"
    /// END-002: the token answer is labelled `text/plain; charset=utf-8`.
    case textContentType = "text-content-type"
    /// END-003: the token answer has no `access_token` (the token comes as `token`).
    case missingAccessToken = "missing-access-token"
    /// END-004: the token answer carries `scope` as an array of strings.
    case scopeAsArray = "scope-as-array"
    /// END-005: the token answer carries neither `expiry_date` nor `expires_in`.
    case noExpiry = "no-expiry"
    /// END-006: `expiry_date` is in epoch seconds (or, with the `seconds-in` shape, `expires_in` is an epoch).
    case expiryInSeconds = "expiry-in-seconds"
    /// END-007: the token is already expired: `expiry_date` an hour ago, or `expires_in` -3600.
    case expiredToken = "expired-token"
    /// END-008: the token answer carries a `refresh_token`.
    case leakRefreshToken = "leak-refresh-token"
    /// END-009: the fields are read from a JSON body only; a form body gets 400.
    case jsonBodyOnly = "json-body-only"
    /// END-010: a call without the secret header gets its token.
    case acceptMissingSecret = "accept-missing-secret"
    /// END-011: a call with a wrong secret (or the secret in another case) gets its token.
    case acceptWrongSecret = "accept-wrong-secret"
    /// END-012: the secret sent under `calcom-webhook-secret` instead of the configured header is accepted.
    case acceptLegacyHeader = "accept-legacy-header"
    /// END-013: in the legacy edition, a call without the secret header gets 403.
    case requireSecret = "require-secret"
    /// END-014: `calcomUserId` is ignored: any user gets a token for a granted app.
    case ignoreUserID = "ignore-user-id"
    /// END-015: `appSlug` is ignored: an unknown, empty or missing app gets a token for a known user.
    case ignoreAppSlug = "ignore-app-slug"
    /// END-016: client errors (bad secret, unknown user or app, malformed fields) are answered 500 with an
    /// internal detail.
    case clientError500 = "client-error-500"
    /// END-017: error answers carry `"error": "invalid_grant"`.
    case invalidGrantOnError = "invalid-grant-on-error"
    /// END-018: a valid call gets a 307 to `<path>/redirected` on the same server, which then answers it.
    case redirect = "redirect"
    /// END-019: every answer is held back (``EndpointStandIn/Options/slowResponseDelay``, 6 s by default).
    case slowResponse = "slow-response"
    /// END-020: while a call for a (user, app) is in flight (held 300 ms), another one for the same pair gets 409.
    case refreshLockConflict = "refresh-lock-conflict"

    /// The requirement this defect breaks, from the catalog.
    public var requirement: RequirementID {
        let id = Catalog.standard.requirement(defect: rawValue, side: .endpoint)?.id
        guard let id else {
            preconditionFailure("the catalog has no END requirement with the defect \(rawValue)")
        }
        return id
    }

    /// The defect names, in catalog order, for usage messages.
    public static var names: [String] {
        allCases.map(\.rawValue)
    }

    /// Reads a defect name.
    ///
    /// - Parameter name: A catalog defect name such as `expiry-in-seconds`.
    /// - Throws: ``EndpointStandInError`` with code `unknownDefect`, listing the known names.
    public init(name: String) throws(EndpointStandInError) {
        guard let defect = EndpointDefect(rawValue: name) else {
            throw EndpointStandInError(
                .unknownDefect,
                "no defect is named '\(name)'; known defects: \(Self.names.joined(separator: ", "))"
            )
        }
        self = defect
    }

    public var description: String { rawValue }
}
