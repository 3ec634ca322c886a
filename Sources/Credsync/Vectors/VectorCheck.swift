/// Collects what a vector expects, what happened and the differences, without ever recording a key or a
/// plaintext: texts are compared and described by length only.
struct VectorCheck {
    private(set) var expected: [String] = []
    private(set) var observed: [String] = []
    private(set) var problems: [String] = []

    /// Compares two short values that are safe to show (verdicts, error codes, key-check values, hex of
    /// ciphertexts and envelopes).
    mutating func compare(_ what: String, expected: String, observed: String) {
        self.expected.append("\(what) \(expected)")
        self.observed.append("\(what) \(observed)")
        if expected != observed {
            problems.append("\(what): expected \(expected), observed \(observed)")
        }
    }

    /// Compares two texts that may hold tokens, showing only their lengths and where they part.
    mutating func compareHidden(_ what: String, expected: String, observed: String?) {
        let expectedUnits = Array(expected.utf8)
        self.expected.append("\(what) of \(expectedUnits.count) bytes")
        guard let observed else {
            self.observed.append("no \(what)")
            problems.append("\(what): expected \(expectedUnits.count) bytes, observed none")
            return
        }
        let observedUnits = Array(observed.utf8)
        guard expectedUnits != observedUnits else {
            self.observed.append("\(what) of \(observedUnits.count) bytes")
            return
        }
        let position = zip(expectedUnits, observedUnits).prefix { $0 == $1 }.count
        self.observed.append("another \(what) of \(observedUnits.count) bytes")
        problems.append(
            "\(what): expected \(expectedUnits.count) bytes, observed \(observedUnits.count), first difference at "
                + "byte \(position)"
        )
    }

    /// Records a problem that is not a comparison.
    mutating func fail(_ problem: String) {
        problems.append(problem)
    }
}
