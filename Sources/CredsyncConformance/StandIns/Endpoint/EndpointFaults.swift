/// Faults the sync endpoint stand-in injects into otherwise normal answers, to see how a caller copes.
public struct EndpointFaults: Sendable, Hashable {
    /// Every how many calls one fails (the Nth, 2Nth…); `nil` with ``status`` or ``drop`` set fails every call.
    public var failEvery: Int?

    /// The status a failing call gets, with `{"message":"injected failure"}`; 500 when `nil`.
    public var status: Int?

    /// Whether a failing call gets no answer at all: the connection is closed.
    public var drop: Bool

    /// How long every answer is held back.
    public var delay: Duration

    /// Makes a fault plan.
    ///
    /// - Parameters:
    ///   - failEvery: Every how many calls one fails.
    ///   - status: The status of a failing call.
    ///   - drop: Whether failing calls are dropped instead.
    ///   - delay: The delay before every answer.
    public init(failEvery: Int? = nil, status: Int? = nil, drop: Bool = false, delay: Duration = .zero) {
        self.failEvery = failEvery
        self.status = status
        self.drop = drop
        self.delay = delay
    }

    /// No fault.
    public static let none = EndpointFaults()

    /// Whether any call fails.
    public var failsCalls: Bool {
        failEvery != nil || status != nil || drop
    }

    /// Whether the call with this 1-based number fails.
    ///
    /// - Parameter number: The call's number, from 1.
    /// - Returns: Whether it gets the injected failure.
    public func fails(call number: Int) -> Bool {
        guard failsCalls else {
            return false
        }
        guard let failEvery else {
            return true
        }
        return number % failEvery == 0
    }
}
