import Dispatch
import Foundation
import Synchronization

/// The threads that run the wire layer's tasks: every server connection and every client exchange.
///
/// Swift's cooperative pool has one thread per core, and whatever else the process runs queues there too: a
/// process busy with CPU work (a test suite, a report writer) would make a stand-in answer late and a probe read an
/// answer that came at once as a timeout. Tasks that prefer this executor run on threads of their own, scheduled by
/// the kernel beside the pool rather than queued behind it. Handlers run here too, so they should not block.
final class WireExecutor: TaskExecutor, Sendable {
    /// The process-wide executor.
    static let shared = WireExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private struct Queue {
        var jobs: [UnownedJob] = []
        var head = 0

        mutating func push(_ job: UnownedJob) {
            jobs.append(job)
        }

        mutating func pop() -> UnownedJob? {
            guard head < jobs.count else {
                return nil
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1_024 {
                jobs.removeFirst(head)
                head = 0
            }
            return job
        }
    }

    private let queue = Mutex(Queue())
    private let pending = DispatchSemaphore(value: 0)

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in
                run()
            }
            thread.name = "credsync-wire-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.push(job) }
        pending.signal()
    }

    private func run() {
        let executor = asUnownedTaskExecutor()
        while true {
            pending.wait()
            if let job = queue.withLock({ $0.pop() }) {
                job.runSynchronously(on: executor)
            }
        }
    }
}
