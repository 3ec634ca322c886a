import Glibc

/// A point in time on the monotonic clock, with nanosecond resolution.
///
/// Deadlines ignore wall-clock changes. ``distantFuture`` never passes.
public struct Deadline: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since an arbitrary fixed point (the system's monotonic clock origin).
    public let nanoseconds: UInt64

    /// Makes a deadline from a monotonic clock reading.
    ///
    /// - Parameter nanoseconds: Nanoseconds on the `CLOCK_MONOTONIC` scale.
    public init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// The current time.
    public static var now: Deadline {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Deadline(nanoseconds: UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec))
    }

    /// A deadline that never passes.
    public static let distantFuture = Deadline(nanoseconds: .max)

    /// The deadline that lies a duration from now.
    ///
    /// - Parameter duration: How long from now; negative durations give now.
    /// - Returns: The deadline, saturated at ``distantFuture``.
    public static func after(_ duration: Duration) -> Deadline {
        now.advanced(by: duration)
    }

    /// The deadline a duration after this one.
    ///
    /// - Parameter duration: How long after; negative durations give this deadline.
    /// - Returns: The deadline, saturated at ``distantFuture``.
    public func advanced(by duration: Duration) -> Deadline {
        let delta = Self.nanoseconds(of: duration)
        let (sum, overflow) = nanoseconds.addingReportingOverflow(delta)
        return overflow ? .distantFuture : Deadline(nanoseconds: sum)
    }

    /// Whether the deadline is now or in the past.
    public var hasPassed: Bool {
        self != .distantFuture && self <= .now
    }

    /// The time left until the deadline, zero once it has passed.
    public var remaining: Duration {
        let current = Deadline.now
        guard self > current else {
            return .zero
        }
        return .nanoseconds(Int64(clamping: nanoseconds - current.nanoseconds))
    }

    /// The duration from an earlier deadline to this one, zero if `earlier` is later.
    ///
    /// - Parameter earlier: The start.
    /// - Returns: The elapsed time.
    public func duration(since earlier: Deadline) -> Duration {
        guard self > earlier else {
            return .zero
        }
        return .nanoseconds(Int64(clamping: nanoseconds - earlier.nanoseconds))
    }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public var description: String {
        self == .distantFuture ? "never" : "\(remaining) from now"
    }

    static func nanoseconds(of duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) {
            return 0
        }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow {
            return .max
        }
        let (sum, overflowSum) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return overflowSum ? .max : sum
    }
}
