import Foundation
import Glibc
import Synchronization

/// One epoll instance and the thread that waits on it.
///
/// The poller only wakes tasks: it resumes the continuation of whoever waits for a socket, and times out waits whose
/// deadline passed. Reads, writes and parsing happen in the woken tasks on Swift's cooperative pool.
final class Poller: Sendable {
    /// The process-wide poller.
    static let shared = Poller()

    private struct Timers {
        var queue = TimerQueue()
        /// When the poller thread will next wake by itself; `.distantFuture` while it sleeps without a timeout.
        var sleepingUntil: Deadline?
    }

    private let epollDescriptor: Int32
    private let wakeDescriptor: Int32
    private let timers = Mutex(Timers())
    private let retired = Mutex<[Unmanaged<Registration>]>([])

    private init() {
        // Writes to a socket the peer has reset must fail with EPIPE rather than kill the process; TLS writes go
        // through OpenSSL, which cannot pass MSG_NOSIGNAL.
        signal(SIGPIPE, SIG_IGN)

        epollDescriptor = LinuxSystemCalls.epollCreate1(LinuxSystemCalls.closeOnExec)
        precondition(epollDescriptor >= 0, "epoll_create1 failed: \(String(cString: strerror(errno)))")
        wakeDescriptor = LinuxSystemCalls.eventDescriptor(
            0,
            LinuxSystemCalls.closeOnExec | LinuxSystemCalls.nonblocking
        )
        precondition(wakeDescriptor >= 0, "eventfd failed: \(String(cString: strerror(errno)))")
        let added = control(LinuxSystemCalls.epollAdd, wakeDescriptor, LinuxSystemCalls.epollIn, data: 0)
        precondition(added == 0, "epoll_ctl failed: \(String(cString: strerror(errno)))")

        let thread = Thread { [self] in
            run()
        }
        thread.name = "credsync-poller"
        thread.start()
    }

    /// Registers a nonblocking descriptor for edge-triggered read and write readiness.
    ///
    /// - Returns: The registration, or `nil` with `errno` set.
    func register(_ descriptor: Int32) -> Registration? {
        let registration = Registration(poller: self)
        let unmanaged = Unmanaged.passRetained(registration)
        let events =
            LinuxSystemCalls.epollIn | LinuxSystemCalls.epollOut | LinuxSystemCalls.epollReadHangUp
            | LinuxSystemCalls.epollEdgeTriggered
        let data = UInt64(UInt(bitPattern: unmanaged.toOpaque()))
        guard control(LinuxSystemCalls.epollAdd, descriptor, events, data: data) == 0 else {
            unmanaged.release()
            return nil
        }
        return registration
    }

    /// Removes a descriptor; call before closing it.
    ///
    /// The registration stays alive until the poller thread has finished the batch of events it may be handling.
    func deregister(_ descriptor: Int32, _ registration: Registration) {
        _ = control(LinuxSystemCalls.epollDelete, descriptor, 0, data: 0)
        registration.close()
        retired.withLock { $0.append(Unmanaged.passUnretained(registration)) }
    }

    /// Asks the poller to call back `registration` once `deadline` has passed.
    func schedule(_ registration: Registration, at deadline: Deadline) {
        let wake = timers.withLock { timers in
            timers.queue.push(deadline, registration)
            if let sleepingUntil = timers.sleepingUntil, deadline < sleepingUntil {
                timers.sleepingUntil = deadline
                return true
            }
            return false
        }
        if wake {
            var one: UInt64 = 1
            _ = Glibc.write(wakeDescriptor, &one, 8)
        }
    }

    private func control(_ operation: Int32, _ descriptor: Int32, _ events: UInt32, data: UInt64) -> Int32 {
        var event = [UInt8](repeating: 0, count: LinuxSystemCalls.epollEventSize)
        return event.withUnsafeMutableBytes { bytes in
            bytes.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: data, toByteOffset: LinuxSystemCalls.epollDataOffset, as: UInt64.self)
            return LinuxSystemCalls.epollControl(epollDescriptor, operation, descriptor, bytes.baseAddress)
        }
    }

    private func run() {
        let capacity = 256
        let size = LinuxSystemCalls.epollEventSize
        let events = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * size, alignment: 8)

        while true {
            // Events fetched before a deregistration have all been handled by now.
            let released = retired.withLock { retired in
                defer { retired.removeAll(keepingCapacity: true) }
                return retired
            }
            for registration in released {
                registration.release()
            }

            let timeout = timers.withLock { timers -> Int32 in
                guard let next = timers.queue.earliest else {
                    timers.sleepingUntil = .distantFuture
                    return -1
                }
                timers.sleepingUntil = next
                let nanoseconds = next.nanoseconds &- min(next.nanoseconds, Deadline.now.nanoseconds)
                return Int32(clamping: (nanoseconds + 999_999) / 1_000_000)
            }

            let count = LinuxSystemCalls.epollWait(epollDescriptor, events.baseAddress, Int32(capacity), timeout)
            timers.withLock { $0.sleepingUntil = nil }
            if count < 0 && errno != EINTR {
                fatalError("epoll_wait failed: \(String(cString: strerror(errno)))")
            }

            for index in 0..<max(0, Int(count)) {
                let flags = events.loadUnaligned(fromByteOffset: index * size, as: UInt32.self)
                let data = events.loadUnaligned(
                    fromByteOffset: index * size + LinuxSystemCalls.epollDataOffset,
                    as: UInt64.self
                )
                if data == 0 {
                    var value: UInt64 = 0
                    _ = Glibc.read(wakeDescriptor, &value, 8)
                    continue
                }
                let pointer = UnsafeRawPointer(bitPattern: UInt(data))!
                Unmanaged<Registration>.fromOpaque(pointer).takeUnretainedValue().signal(flags)
            }

            fireTimers()
        }
    }

    private func fireTimers() {
        let now = Deadline.now
        let due = timers.withLock { $0.queue.popDue(now: now) }
        for (deadline, registration) in due {
            if let next = registration.timerFired(scheduledAt: deadline, now: now) {
                timers.withLock { $0.queue.push(next, registration) }
            }
        }
    }
}
