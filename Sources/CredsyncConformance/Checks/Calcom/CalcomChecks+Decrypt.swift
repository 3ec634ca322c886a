import Credsync
import CredsyncWire

// CAL-019 to CAL-022: keys that do not decrypt, plaintexts that are not credentials, and hex case.
extension CalcomChecks {
    /// The refused vectors carried over to the instance's key and pushed for the test user and app.
    static func decryptAnswers(_ probe: CalcomProbe) async -> [(label: String, answer: CalcomProbe.Answer)] {
        let transplants = VectorTransplant.refusedVectors(under: probe.configuration.key)
        let user = JSONValue.number(Double(probe.configuration.userId ?? 0))
        let app = JSONValue.string(probe.configuration.appSlug ?? "")
        let answers = await probe.shared("decrypt") {
            // Eight at a time: the vectors are many, and none of them can write.
            await withTaskGroup(of: (Int, CalcomProbe.Answer).self) { group in
                var answers = [CalcomProbe.Answer?](repeating: nil, count: transplants.count)
                var next = 0
                var done = 0
                while next < transplants.count || !group.isEmpty {
                    while next < transplants.count && next - done < 8 {
                        let index = next
                        let keys = JSONValue.string(transplants[index].envelope)
                        group.addTask {
                            (index, await probe.push(CalcomProbe.body(userId: user, appSlug: app, keys: keys)))
                        }
                        next += 1
                    }
                    if let (index, answer) = await group.next() {
                        answers[index] = answer
                        done += 1
                    }
                }
                return answers.compactMap { $0 }
            }
        }
        return zip(transplants, answers).map {
            ("vector \($0.0.tcId) (\($0.0.layer): \($0.0.comment))", $0.1)
        }
    }

    static var decryptChecks: [Check<CalcomProbe>] {
        [
            check("CAL-019", needs: [.userAndApp]) { probe in
                if probe.configuration.allowWrites {
                    // First, so that keys stored by mistake cannot pass for the first credential of CAL-023.
                    await firstPushes(probe)
                }
                let answers = await decryptAnswers(probe)
                guard !answers.isEmpty else {
                    return .error("the bundled envelope_decrypt.json vectors could not be read")
                }
                return grade(
                    probe,
                    answers.map { ($0.label, $0.answer, expect(.decryptFailure, probe)) },
                    expected: "every refused vector of envelope_decrypt.json rejected without a write"
                )
            },
            check("CAL-020", needs: [.userAndApp]) { probe in
                let answers = await decryptAnswers(probe)
                return gradeStatus(
                    probe,
                    answers,
                    expected: "keys that do not decrypt answered 4xx, not 5xx",
                    where: { $0 < 500 }
                )
            },
            check("CAL-021", needs: [.userAndApp, .writes]) { probe in
                // After the first pushes, so that a stored scalar cannot pass for the first credential.
                await firstPushes(probe)
                let user = JSONValue.number(Double(probe.configuration.userId ?? 0))
                let app = JSONValue.string(probe.configuration.appSlug ?? "")
                let plaintexts = ["null", "123", "\"str\"", "true", "[]", "{}", "{\"access_token\":42}"]
                var cases: [(label: String, answer: CalcomProbe.Answer)] = []
                for plaintext in plaintexts {
                    let body = CalcomProbe.body(userId: user, appSlug: app, keys: .string(probe.seal(plaintext)))
                    let answer = await probe.push(body)
                    if case .success(let response) = answer, response.status == 200 {
                        probe.recordWrite(
                            "webhook stored the plaintext \(plaintext) as the key of user \(user.serialized)'s"
                                + " \(app.serialized) credential"
                        )
                    }
                    cases.append(("keys decrypting to \(plaintext)", answer))
                }
                return gradeStatus(
                    probe,
                    cases,
                    expected: "plaintexts that are not an object with a string access_token refused, not stored",
                    where: { !(200..<300).contains($0) }
                )
            },
            check("CAL-022", needs: [.userAndApp, .writes]) { probe in
                await firstPushes(probe)
                let user = probe.configuration.userId ?? 0
                let keys = probe.canaryKeys().uppercased()
                let body = CalcomProbe.body(
                    userId: .number(Double(user)),
                    appSlug: .string(probe.configuration.appSlug ?? ""),
                    keys: .string(keys)
                )
                let answer = await probe.push(body)
                noteWrite(probe, answer, what: "uppercase-hex canary credential")
                let stored = [
                    expect(.credentialUpdated, probe, userId: user), expect(.credentialCreated, probe, userId: user),
                ]
                let expected = "uppercase hex decrypted and stored like lowercase: 200 Credentials updated (or created)"
                switch answer {
                case .failure(let error):
                    return .error("no answer: \(error.shortDescription)", expected: expected)
                case .success(let response):
                    return .expect(
                        stored.contains { $0.matches(response) },
                        expected: expected,
                        observed: probe.describe(answer)
                    )
                }
            },
        ]
    }
}
