/// A binary min-heap of deadlines, each naming the registration to call back.
struct TimerQueue {
    private var heap: [(deadline: Deadline, registration: Registration)] = []

    /// The earliest deadline, if any.
    var earliest: Deadline? {
        heap.first?.deadline
    }

    mutating func push(_ deadline: Deadline, _ registration: Registration) {
        heap.append((deadline, registration))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else {
                break
            }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns every entry due at `now`, earliest first.
    mutating func popDue(now: Deadline) -> [(Deadline, Registration)] {
        var due: [(Deadline, Registration)] = []
        while let first = heap.first, first.deadline <= now {
            due.append(first)
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
            siftDown(from: 0)
        }
        return due
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].deadline < heap[smallest].deadline {
                smallest = left
            }
            if right < heap.count && heap[right].deadline < heap[smallest].deadline {
                smallest = right
            }
            if smallest == parent {
                return
            }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
