/// Finds the word someone probably meant.
enum Spelling {
    /// The candidate closest to a word, if one is close enough to suggest.
    ///
    /// - Parameters:
    ///   - word: What was typed.
    ///   - candidates: What exists.
    /// - Returns: The closest candidate within a third of the word's length in edits, or one the word is a
    ///   prefix of.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { (candidate: $0, distance: distance(word, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else {
            return nil
        }
        if best.distance <= max(1, word.count / 3) {
            return best.candidate
        }
        return candidates.first { !word.isEmpty && $0.hasPrefix(word) }
    }

    /// The Levenshtein distance between two words.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty || right.isEmpty {
            return max(left.count, right.count)
        }
        var previous = Array(0...right.count)
        for (i, leftCharacter) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightCharacter) in right.enumerated() {
                let substitution = previous[j] + (leftCharacter == rightCharacter ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            previous = current
        }
        return previous[right.count]
    }
}
