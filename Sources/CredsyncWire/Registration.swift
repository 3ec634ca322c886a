import Synchronization

/// What a wait on a socket ended with.
enum WaitOutcome: Sendable {
    /// The socket may be ready: try the operation again.
    case ready
    /// The deadline passed first.
    case timedOut
    /// The socket was closed locally while waiting.
    case closed
    /// The waiting task was cancelled.
    case cancelled
}

/// The poller's record of one file descriptor: readiness counters and at most one waiter per direction.
///
/// The descriptor is registered edge-triggered. Each edge bumps a counter; a waiter passes the counter value it saw
/// before its last failed attempt, so an edge that lands between that attempt and the wait is never lost.
final class Registration: Sendable {
    enum Direction: Sendable {
        case read
        case write
    }

    private struct Waiter {
        let continuation: UnsafeContinuation<WaitOutcome, Never>
        let deadline: Deadline
    }

    private struct State {
        var readWaiter: Waiter?
        var writeWaiter: Waiter?
        /// The deadline of this registration's live entry in the poller's timer queue.
        var timerDeadline: Deadline?
        var closed = false
    }

    private let readSequence = Atomic<UInt64>(0)
    private let writeSequence = Atomic<UInt64>(0)
    private let state = Mutex(State())
    let poller: Poller

    init(poller: Poller) {
        self.poller = poller
    }

    /// The counter to pass to ``wait(for:after:deadline:)`` after an attempt that would block.
    func sequence(_ direction: Direction) -> UInt64 {
        switch direction {
        case .read: readSequence.load(ordering: .sequentiallyConsistent)
        case .write: writeSequence.load(ordering: .sequentiallyConsistent)
        }
    }

    /// Waits until the descriptor signals readiness in one direction after `sequence`, or the deadline passes.
    func wait(for direction: Direction, after sequence: UInt64, deadline: Deadline) async -> WaitOutcome {
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<WaitOutcome, Never>) in
                let (immediate, timer) = install(continuation, direction, sequence, deadline)
                if let immediate {
                    continuation.resume(returning: immediate)
                }
                if let timer {
                    poller.schedule(self, at: timer)
                }
            }
        } onCancel: {
            resumeAll(with: .cancelled)
        }
    }

    private func install(
        _ continuation: UnsafeContinuation<WaitOutcome, Never>,
        _ direction: Direction,
        _ sequence: UInt64,
        _ deadline: Deadline
    ) -> (immediate: WaitOutcome?, timer: Deadline?) {
        state.withLock { state in
            if state.closed {
                return (.closed, nil)
            }
            if self.sequence(direction) != sequence {
                return (.ready, nil)
            }
            if Task.isCancelled {
                return (.cancelled, nil)
            }
            if deadline.hasPassed {
                return (.timedOut, nil)
            }

            let waiter = Waiter(continuation: continuation, deadline: deadline)
            switch direction {
            case .read: state.readWaiter = waiter
            case .write: state.writeWaiter = waiter
            }
            if deadline != .distantFuture, state.timerDeadline.map({ deadline < $0 }) ?? true {
                state.timerDeadline = deadline
                return (nil, deadline)
            }
            return (nil, nil)
        }
    }

    /// Called by the poller with the events epoll reported.
    func signal(_ events: UInt32) {
        let readable = events & (LinuxSystemCalls.epollIn | LinuxSystemCalls.epollReadHangUp) != 0
        let writable = events & LinuxSystemCalls.epollOut != 0
        let failed = events & (LinuxSystemCalls.epollError | LinuxSystemCalls.epollHangUp) != 0

        if readable || failed {
            readSequence.add(1, ordering: .sequentiallyConsistent)
        }
        if writable || failed {
            writeSequence.add(1, ordering: .sequentiallyConsistent)
        }

        let (reader, writer) = state.withLock { state in
            var reader: UnsafeContinuation<WaitOutcome, Never>?
            var writer: UnsafeContinuation<WaitOutcome, Never>?
            if readable || failed {
                reader = state.readWaiter.take()?.continuation
            }
            if writable || failed {
                writer = state.writeWaiter.take()?.continuation
            }
            return (reader, writer)
        }
        reader?.resume(returning: .ready)
        writer?.resume(returning: .ready)
    }

    /// Called by the poller when a timer entry for this registration comes due.
    ///
    /// - Returns: A later deadline to schedule, when a waiter still waits past `now`.
    func timerFired(scheduledAt due: Deadline, now: Deadline) -> Deadline? {
        let (expired, next) = state.withLock { state -> ([UnsafeContinuation<WaitOutcome, Never>], Deadline?) in
            guard state.timerDeadline == due else {
                return ([], nil)
            }
            state.timerDeadline = nil

            var expired: [UnsafeContinuation<WaitOutcome, Never>] = []
            if let waiter = state.readWaiter, waiter.deadline <= now {
                expired.append(waiter.continuation)
                state.readWaiter = nil
            }
            if let waiter = state.writeWaiter, waiter.deadline <= now {
                expired.append(waiter.continuation)
                state.writeWaiter = nil
            }

            let remaining = [state.readWaiter?.deadline, state.writeWaiter?.deadline].compactMap { $0 }.min()
            state.timerDeadline = remaining
            return (expired, remaining)
        }
        for continuation in expired {
            continuation.resume(returning: .timedOut)
        }
        return next
    }

    /// Marks the registration closed and wakes any waiter with `.closed`.
    func close() {
        resumeAll(with: .closed, closing: true)
    }

    private func resumeAll(with outcome: WaitOutcome, closing: Bool = false) {
        let waiters = state.withLock { state in
            if closing {
                state.closed = true
            }
            let waiters = [state.readWaiter?.continuation, state.writeWaiter?.continuation]
            state.readWaiter = nil
            state.writeWaiter = nil
            return waiters
        }
        for continuation in waiters {
            continuation?.resume(returning: outcome)
        }
    }
}
