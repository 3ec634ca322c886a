public import Credsync

/// What the REF-* checks grade: the calls a sync endpoint stand-in received and what they are judged against.
public struct RefreshCallLog: Sendable {
    /// The edition the caller should speak.
    public let edition: Edition

    /// The configured endpoint path.
    public let path: String

    /// The header the secret should come under.
    public let headerName: String

    /// The shared secret, when known.
    public let secret: String?

    /// The (user, app) pairs the endpoint holds: the users and apps a faithful caller asks for.
    public let grants: [EndpointGrant]

    /// How soon after an answer a call for the same pair may cross it on the wire.
    public let crossingAllowance: Duration

    /// The calls, in order.
    public let calls: [RefreshCall]

    /// Makes a log.
    public init(
        edition: Edition,
        path: String,
        headerName: String,
        secret: String?,
        grants: [EndpointGrant],
        crossingAllowance: Duration = .milliseconds(250),
        calls: [RefreshCall]
    ) {
        self.edition = edition
        self.path = path
        self.headerName = headerName
        self.secret = secret
        self.grants = grants
        self.crossingAllowance = crossingAllowance
        self.calls = calls
    }

    /// The calls that are graded: all but the follow-ups of the stand-in's own redirects.
    public var gradedCalls: [RefreshCall] {
        calls.filter { !$0.followsRedirect }
    }
}
