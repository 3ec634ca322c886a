import Credsync

/// One request `credsync probe endpoint` sends: Cal.com's refresh call, or that call with one thing changed.
public enum EndpointCall: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Cal.com's refresh call for the configured user and app: in the current edition with the secret; in the
    /// legacy edition with the secret too when one is known, so that the answer checks judge the answer and END-013
    /// alone judges the secret-less legacy call.
    case valid
    /// The same fields as a JSON body, sent only when the form call is refused with a 4xx, to tell a JSON-only
    /// endpoint (END-009) from one that refuses the call for another reason.
    case validJSON
    /// No secret header at all.
    case withoutSecret
    /// A wrong secret in the configured header.
    case wrongSecret
    /// The secret with the case of its letters flipped.
    case secretInOtherCase
    /// The secret under `calcom-webhook-secret` only.
    case legacyHeaderOnly
    /// A user that cannot exist.
    case unknownUser
    /// No `calcomUserId` field.
    case userMissing
    /// A `calcomUserId` that is not a decimal integer.
    case userMalformed
    /// An app that no Cal.com app uses.
    case unknownApp
    /// No `appSlug` field.
    case appMissing
    /// An empty `appSlug`.
    case appEmpty
    /// One of the simultaneous valid calls of END-020, numbered from 1.
    case concurrent(Int)

    /// The calls that must be refused, in the order reports list them.
    static let rejections: [EndpointCall] = [
        .withoutSecret, .wrongSecret, .secretInOtherCase, .legacyHeaderOnly, .unknownUser, .userMissing,
        .userMalformed, .unknownApp, .appMissing, .appEmpty,
    ]

    /// A short label for reports and transcripts.
    public var description: String {
        switch self {
        case .valid: "the valid call"
        case .validJSON: "the valid call with a JSON body"
        case .withoutSecret: "the call without a secret"
        case .wrongSecret: "the call with a wrong secret"
        case .secretInOtherCase: "the call with the secret in another case"
        case .legacyHeaderOnly: "the call with the secret under calcom-webhook-secret only"
        case .unknownUser: "the call for an unknown user"
        case .userMissing: "the call without calcomUserId"
        case .userMalformed: "the call with a non-decimal calcomUserId"
        case .unknownApp: "the call for an unknown app"
        case .appMissing: "the call without appSlug"
        case .appEmpty: "the call with an empty appSlug"
        case .concurrent(let number): "simultaneous valid call \(number)"
        }
    }

    /// A short name for the report's observed lines.
    var shortName: String {
        switch self {
        case .valid: "valid"
        case .validJSON: "valid as JSON"
        case .withoutSecret: "no secret"
        case .wrongSecret: "wrong secret"
        case .secretInOtherCase: "secret in another case"
        case .legacyHeaderOnly: "calcom-webhook-secret only"
        case .unknownUser: "unknown user"
        case .userMissing: "no calcomUserId"
        case .userMalformed: "non-decimal calcomUserId"
        case .unknownApp: "unknown app"
        case .appMissing: "no appSlug"
        case .appEmpty: "empty appSlug"
        case .concurrent(let number): "call \(number)"
        }
    }

    private var rank: Int {
        switch self {
        case .valid: 0
        case .validJSON: 1
        case .concurrent(let number): 100 + number
        default: 2 + (Self.rejections.firstIndex(of: self) ?? 0)
        }
    }

    public static func < (lhs: EndpointCall, rhs: EndpointCall) -> Bool {
        lhs.rank < rhs.rank
    }
}
