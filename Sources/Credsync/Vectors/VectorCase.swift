/// One vector, ready to run against the Swift implementation.
public struct VectorCase: Sendable, CustomStringConvertible {
    enum Body: Sendable {
        case aes(AESVectorGroup, AESVectorGroup.Test)
        case encrypt(EnvelopeEncryptVectorGroup, EnvelopeEncryptVectorGroup.Test)
        case decrypt(EnvelopeDecryptVectorGroup, EnvelopeDecryptVectorGroup.Test)
        case key(EnvelopeKeyVectorGroup.Test)
        case keyCheckValue(KeyCheckValueVectorGroup.Test)
    }

    /// The vector file's name, such as `envelope_key.json`.
    public let file: String

    /// The vector's common fields.
    public let test: VectorTestSummary

    let body: Body

    /// The vector's id.
    public var tcId: Int {
        test.tcId
    }

    public var description: String {
        "\(file) tcId \(test.tcId): \(test.comment)"
    }

    /// Runs the vector.
    ///
    /// - Returns: What it expected, what happened, and every difference.
    public func run() -> VectorResult {
        var check = VectorCheck()
        switch body {
        case .aes(let group, let test): Self.run(group, test, &check)
        case .encrypt(let group, let test): Self.run(group, test, &check)
        case .decrypt(let group, let test): Self.run(group, test, &check)
        case .key(let test): Self.run(test, &check)
        case .keyCheckValue(let test): Self.run(test, &check)
        }
        return VectorResult(
            file: file,
            tcId: test.tcId,
            comment: test.comment,
            flags: test.flags,
            expected: check.expected.joined(separator: "; "),
            observed: check.observed.joined(separator: "; "),
            problems: check.problems
        )
    }

    /// The runnable cases of a decoded file, in file order.
    static func cases(of vectors: VectorFile, file: String) -> [VectorCase] {
        vectors.testGroups.flatMap { group -> [VectorCase] in
            switch group {
            case .aes(let group):
                group.tests.map { VectorCase(file: file, group: .aes(group), body: .aes(group, $0)) }
            case .encrypt(let group):
                group.tests.map { VectorCase(file: file, group: .encrypt(group), body: .encrypt(group, $0)) }
            case .decrypt(let group):
                group.tests.map { VectorCase(file: file, group: .decrypt(group), body: .decrypt(group, $0)) }
            case .key(let group):
                group.tests.map { VectorCase(file: file, group: .key(group), body: .key($0)) }
            case .keyCheckValue(let group):
                group.tests.map { VectorCase(file: file, group: .keyCheckValue(group), body: .keyCheckValue($0)) }
            }
        }
    }

    private init(file: String, group: VectorGroup, body: Body) {
        self.file = file
        self.body = body
        let tcId: Int
        switch body {
        case .aes(_, let test): tcId = test.tcId
        case .encrypt(_, let test): tcId = test.tcId
        case .decrypt(_, let test): tcId = test.tcId
        case .key(let test): tcId = test.tcId
        case .keyCheckValue(let test): tcId = test.tcId
        }
        // The summary comes from the group's own list, so the two can never disagree.
        test = group.tests.first { $0.tcId == tcId }!
    }
}
