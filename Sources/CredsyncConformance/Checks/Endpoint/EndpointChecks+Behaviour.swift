import Credsync
import CredsyncWire

extension EndpointChecks {
    /// END-018 to END-020: redirects, latency and simultaneous calls.
    static let behaviourChecks: [Check<EndpointTarget>] = [
        check("END-018") { target in
            let expected = "an answer at the URL itself, not a 3xx"
            let answer = await target.tokenAnswer()
            guard let response = try? answer.first.response() else {
                return .error("\(answer.call) got no answer: \(answer.error.map(String.init(describing:)) ?? "")")
            }
            guard (300..<400).contains(response.status) else {
                return .pass(expected: expected, observed: "status \(response.status)")
            }
            let location = response.headers["Location"]
            let whereTo: String
            if answer.followed != nil {
                whereTo = "to the same origin (followed once, as fetch would, to judge the answer)"
            } else if location == nil {
                whereTo = "without a Location"
            } else {
                whereTo = "not followed: credsync does not send the secret on to another origin or change the method"
            }
            return .fail(expected: expected, observed: "status \(response.status) \(whereTo)")
        },
        check("END-019") { target in
            let budget = target.configuration.latencyBudget
            let expected = "an answer within \(milliseconds(budget)) ms"
            let answer = await target.tokenAnswer()
            guard answer.response != nil else {
                return .error(
                    "\(answer.call) got no answer: \(answer.error.map(String.init(describing:)) ?? "")",
                    expected: expected
                )
            }
            let observed = "answered in \(milliseconds(answer.duration)) ms"
            return .expect(answer.duration <= budget, expected: expected, observed: observed)
        },
        check("END-020") { target in
            let count = target.configuration.concurrency
            let expected = "\(count) simultaneous valid calls each answered as the lone one"
            let lone = await target.tokenAnswer()
            guard lone.response != nil else {
                return .error(
                    "\(lone.call) got no answer: \(lone.error.map(String.init(describing:)) ?? "")",
                    expected: expected
                )
            }
            guard lone.isSuccess || lone.carriesToken else {
                return .skip("the lone valid call got \(lone.summary), no success to repeat; see END-001")
            }
            var answers: [EndpointAnswer] = []
            for number in 1...count {
                answers.append(await target.answer(.concurrent(number)))
            }
            let differing = answers.filter { $0.status != lone.status || $0.carriesToken != lone.carriesToken }
            if differing.isEmpty {
                return .pass(expected: expected, observed: "all \(count) got \(lone.summary)")
            }
            let failed = differing.filter { $0.response == nil }
            if failed.count == differing.count, let error = failed.first?.error {
                return .error("\(failed.count) of \(count) simultaneous calls got no answer: \(error)")
            }
            let summaries = Dictionary(grouping: differing, by: \.summary).map { "\($0.value.count) got \($0.key)" }
                .sorted()
            return .fail(
                expected: expected,
                observed: "the lone call got \(lone.summary); of \(count) simultaneous ones "
                    + summaries.joined(separator: ", ")
            )
        },
    ]

    /// A duration in whole milliseconds.
    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
