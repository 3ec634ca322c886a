public import Credsync

/// How the sync endpoint stand-in behaves: where it listens, whom it serves, how it answers and what it plants.
public struct EndpointStandInOptions: Sendable {
    /// The edition of the callers it expects: `current` requires the secret, `legacy` answers without one.
    public var edition: Edition

    /// The address to bind.
    public var host: String

    /// The port; 0 picks a free one.
    public var port: Int

    /// The path refresh calls must go to.
    public var path: String

    /// The (user, app) pairs it holds credentials for.
    public var grants: [EndpointGrant]

    /// How answers state the expiry.
    public var expiry: TokenExpiryShape

    /// How long handed-out tokens live.
    public var lifetime: Duration

    /// The shared secret; required in the current edition. In the legacy edition, only checked with
    /// ``EndpointDefect/requireSecret`` and when grading a caller that sends one.
    public var secret: String?

    /// The header carrying the secret; `nil` for the edition's default.
    public var headerName: String?

    /// The planted defects.
    public var defects: Set<EndpointDefect>

    /// The injected faults.
    public var faults: EndpointFaults

    /// How long ``EndpointDefect/slowResponse`` holds every answer back.
    public var slowResponseDelay: Duration

    /// How long ``EndpointDefect/refreshLockConflict`` holds the lock of a (user, app) pair.
    public var lockHold: Duration

    /// How soon after an answer a call for the same pair may arrive without counting as a refresh of a valid
    /// token: the caller's calls may cross the answer on the wire.
    public var crossingAllowance: Duration

    /// Called once per call, after its answer is decided; for per-call lines and counting.
    public var onCall: @Sendable (RefreshCall) -> Void

    /// Makes options; every parameter has the default of `credsync mock endpoint`.
    public init(
        edition: Edition = .current,
        host: String = "127.0.0.1",
        port: Int = 0,
        path: String = "/api/getToken",
        grants: [EndpointGrant] = EndpointGrant.defaults,
        expiry: TokenExpiryShape = .milliseconds,
        lifetime: Duration = .seconds(3600),
        secret: String? = nil,
        headerName: String? = nil,
        defects: Set<EndpointDefect> = [],
        faults: EndpointFaults = .none,
        slowResponseDelay: Duration = .seconds(6),
        lockHold: Duration = .milliseconds(300),
        crossingAllowance: Duration = .milliseconds(250),
        onCall: @escaping @Sendable (RefreshCall) -> Void = { _ in }
    ) {
        self.edition = edition
        self.host = host
        self.port = port
        self.path = path
        self.grants = grants
        self.expiry = expiry
        self.lifetime = lifetime
        self.secret = secret
        self.headerName = headerName
        self.defects = defects
        self.faults = faults
        self.slowResponseDelay = slowResponseDelay
        self.lockHold = lockHold
        self.crossingAllowance = crossingAllowance
        self.onCall = onCall
    }

    /// The header name in effect: the configured one, or the edition's default.
    public var effectiveHeaderName: String {
        headerName.flatMap { $0.isEmpty ? nil : $0 } ?? edition.defaultHeaderName
    }

    /// Checks the options before the stand-in starts.
    ///
    /// - Throws: ``EndpointStandInError`` with code `badOption`.
    public func validate() throws(EndpointStandInError) {
        if edition == .current && (secret ?? "").isEmpty {
            throw EndpointStandInError(
                .badOption,
                "the current edition needs the secret: set \(edition.secretVariable) (or use --env-file)"
            )
        }
        guard path.hasPrefix("/"), !path.contains("?"), !path.contains("#"), !path.contains(" ") else {
            throw EndpointStandInError(.badOption, "the path '\(path)' must start with / and carry no query")
        }
        guard !grants.isEmpty else {
            throw EndpointStandInError(.badOption, "grant at least one user and app")
        }
        guard lifetime > .zero else {
            throw EndpointStandInError(.badOption, "the token lifetime must be positive")
        }
        if let every = faults.failEvery, every < 1 {
            throw EndpointStandInError(.badOption, "--fail-every takes a positive number of calls")
        }
        if let status = faults.status, !(100...599).contains(status) {
            throw EndpointStandInError(.badOption, "--status takes an HTTP status from 100 to 599, not \(status)")
        }
        if let name = headerName, !name.isEmpty, !HeaderLookup.isValidName(name) {
            throw EndpointStandInError(.badOption, "'\(name)' is not a valid header name")
        }
    }
}
