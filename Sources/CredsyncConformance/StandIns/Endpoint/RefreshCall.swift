public import Credsync

/// One call the sync endpoint stand-in received, with what it answered.
///
/// The request is kept whole for grading; nothing here is ever printed as it is (the secret header and the tokens
/// stay inside).
public struct RefreshCall: Sendable, Hashable {
    /// A token the stand-in handed out, as Cal.com would store it.
    public struct IssuedToken: Sendable, Hashable {
        /// How the answer stated the expiry.
        public enum Statement: String, Sendable, Hashable {
            /// `expiry_date` was given.
            case expiryDate = "expiry_date"
            /// Only `expires_in` was given.
            case expiresIn = "expires_in"
            /// Neither was given.
            case none
        }

        /// The number of the call that got it.
        public let callNumber: Int

        /// When the answer went out, in epoch milliseconds.
        public let answeredAt: Double

        /// The expiry Cal.com stores after `normalizeNewlyReceivedToken`, in epoch milliseconds.
        public let expiresAt: Double

        /// How the answer stated the expiry.
        public let statement: Statement
    }

    /// The call's number, from 1, in the order the answers were decided.
    public let number: Int

    /// When it arrived, in epoch milliseconds.
    public let receivedAt: Double

    /// The request as received.
    public let request: HTTPRequestMessage

    /// Whether it is the follow-up of a redirect the stand-in sent (the `redirect` defect); not graded.
    public let followsRedirect: Bool

    /// The status answered, or `nil` when the connection was dropped.
    public let status: Int?

    /// What the answer was, for a person: `token`, `403 Invalid secret`, `dropped`…; never a token.
    public let outcome: String

    /// The token Cal.com would take from the answer (whatever the status), or `nil`.
    public let issued: IssuedToken?

    /// The last token Cal.com would have taken for the same user and app before this call arrived, or `nil`.
    public let prior: IssuedToken?

    /// Makes a record.
    public init(
        number: Int,
        receivedAt: Double,
        request: HTTPRequestMessage,
        followsRedirect: Bool,
        status: Int?,
        outcome: String,
        issued: IssuedToken?,
        prior: IssuedToken?
    ) {
        self.number = number
        self.receivedAt = receivedAt
        self.request = request
        self.followsRedirect = followsRedirect
        self.status = status
        self.outcome = outcome
        self.issued = issued
        self.prior = prior
    }

    /// The first value of a form field, read leniently; `nil` for a JSON body or a missing field.
    public func formField(_ name: String) -> String? {
        guard !request.bodyLooksLikeJSON else {
            return nil
        }
        return FormEncoding.decode(request.bodyText).first { $0.0 == name }?.1
    }
}

extension HTTPRequestMessage {
    /// Whether the body parses as a JSON object.
    var bodyLooksLikeJSON: Bool {
        (try? JSONParser.parse(bodyText))?.objectValue != nil
    }
}
