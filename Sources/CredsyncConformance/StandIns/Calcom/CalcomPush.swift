import Credsync

/// One push the stand-in received: what it answered and how the push was graded.
public struct CalcomPush: Sendable {
    /// The push's number in the run, from 1.
    public let number: Int

    /// The method and target as received.
    public let method: String, target: String

    /// The body's userId as JSON text, when there is one (clipped).
    public let userId: String?

    /// The body's appSlug, when it is a string (clipped).
    public let appSlug: String?

    /// The status answered; 0 when the connection was dropped.
    public let status: Int

    /// What the answer was: a webhook branch name such as `credential-created`, or `injected-fault`, `dropped`.
    public let answer: String

    /// Whether a credential was written before the answer.
    public let wrote: Bool

    /// The graded SND-* results for this push.
    public let results: [CheckResult]

    /// The push as one report line, such as `push #3 user 1 google-calendar → 200 credential-created | SND-011
    /// fail (IV reused from an earlier push)`. It holds no secret, key or token.
    public var line: String {
        var head = "push #\(number)"
        if let userId {
            head += " user \(userId)"
        }
        if let appSlug {
            head += " \(appSlug)"
        }
        if method != "POST" || target.split(separator: "?").first.map(String.init) != Edition.webhookPath {
            head += " (\(method) \(SenderChecks.shown(target)))"
        }
        head += status == 0 ? " → no answer, \(answer)" : " → \(status) \(answer)"
        let notable = results.filter { $0.verdict != .pass && $0.verdict != .skip }
        if notable.isEmpty {
            let passed = results.filter { $0.verdict == .pass }.count
            return head + " | ok (\(passed) pass, \(results.count - passed) skip)"
        }
        let verdicts = notable.map {
            "\($0.id) \($0.verdict.rawValue) (\($0.observed.isEmpty ? $0.reason ?? "" : $0.observed))"
        }
        return head + " | " + verdicts.joined(separator: ", ")
    }
}
