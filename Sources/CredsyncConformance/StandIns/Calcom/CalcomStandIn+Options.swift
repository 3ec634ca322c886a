public import Credsync
import Foundation

extension CalcomStandIn {
    /// Faults injected into the answers, to exercise a platform's retry logic.
    public struct Faults: Sendable, Hashable {
        /// Fault every Nth push (1 = every push); `nil` for no fault.
        public var every: Int?

        /// The status a faulted push gets.
        public var status: Int

        /// Whether a faulted push gets no answer at all: the connection is closed.
        public var drop: Bool

        /// How long every answer waits.
        public var delay: Duration

        /// Makes a fault plan.
        ///
        /// - Parameters:
        ///   - every: Fault every Nth push, or `nil`.
        ///   - status: The status of a faulted answer.
        ///   - drop: Drop the connection instead of answering a faulted push.
        ///   - delay: The wait before every answer.
        public init(every: Int? = nil, status: Int = 503, drop: Bool = false, delay: Duration = .zero) {
            self.every = every
            self.status = status
            self.drop = drop
            self.delay = delay
        }

        /// Whether a push is faulted.
        ///
        /// - Parameter number: The push's number, from 1.
        /// - Returns: Whether it gets the fault.
        public func applies(to number: Int) -> Bool {
            guard let every, every > 0 else {
                return false
            }
            return number % every == 0
        }
    }

    /// How a stand-in Cal.com is set up.
    public struct Options: Sendable {
        /// The secret, header name, key and edition, as Cal.com derives them.
        public var settings: WebhookSettings

        /// The users and apps.
        public var seed: CalcomSeed

        /// The credential database file; `nil` keeps credentials in memory.
        public var databasePath: String?

        /// The address to listen on.
        public var host: String

        /// The port; 0 picks a free one.
        public var port: Int

        /// The planted defects.
        public var defects: Set<CalcomDefect>

        /// Whether to meet the SHOULDs today's Cal.com misses (4xx for client errors, JSON error bodies, tokenless
        /// keys refused, non-JSON content types refused) instead of answering exactly as Cal.com does.
        public var fixesKnownMisses: Bool

        /// The injected faults.
        public var faults: Faults

        /// The API key of a system-wide admin that API v1 `/credential-sync` takes, such as `cal_…`; `nil` for
        /// none, so that every key is unknown.
        public var adminAPIKey: String?

        /// The API key of a user who is not a system-wide admin: valid, but refused by `/credential-sync`.
        public var memberAPIKey: String?

        /// The clock, in epoch milliseconds, against which expiries are judged.
        public var now: @Sendable () -> Double

        /// Makes options.
        ///
        /// - Parameters:
        ///   - settings: The webhook's settings.
        ///   - seed: The users and apps.
        ///   - databasePath: A database file, or `nil` for memory.
        ///   - host: The address to listen on.
        ///   - port: The port, 0 for any.
        ///   - defects: Defects to plant.
        ///   - fixesKnownMisses: Meet the SHOULDs Cal.com misses.
        ///   - faults: Faults to inject.
        ///   - adminAPIKey: A system-wide admin's API key for API v1.
        ///   - memberAPIKey: A non-admin user's API key for API v1.
        public init(
            settings: WebhookSettings,
            seed: CalcomSeed = .standard,
            databasePath: String? = nil,
            host: String = "127.0.0.1",
            port: Int = 0,
            defects: Set<CalcomDefect> = [],
            fixesKnownMisses: Bool = false,
            faults: Faults = Faults(),
            adminAPIKey: String? = nil,
            memberAPIKey: String? = nil
        ) {
            self.settings = settings
            self.seed = seed
            self.databasePath = databasePath
            self.host = host
            self.port = port
            self.defects = defects
            self.fixesKnownMisses = fixesKnownMisses
            self.faults = faults
            self.adminAPIKey = adminAPIKey
            self.memberAPIKey = memberAPIKey
            self.now = { Date().timeIntervalSince1970 * 1000 }
        }
    }
}

extension CalcomStandIn.Options {
    /// The secrets these options hold, for a tripwire: the secret, the key and the API keys.
    public var secrets: [Tripwire.Secret] {
        var secrets: [Tripwire.Secret] = []
        if !settings.secret.isEmpty {
            secrets.append(Tripwire.Secret(label: settings.edition.secretVariable, value: settings.secret))
        }
        if let key = settings.key {
            secrets.append(Tripwire.Secret(label: Edition.keyVariable, bytes: key.bytes))
        }
        for (label, key) in [("admin API key", adminAPIKey), ("member API key", memberAPIKey)] {
            if let key, !key.isEmpty {
                secrets.append(Tripwire.Secret(label: label, value: key))
            }
        }
        return secrets
    }
}
