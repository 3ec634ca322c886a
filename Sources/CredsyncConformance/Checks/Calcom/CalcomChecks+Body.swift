import Credsync
import CredsyncWire

// CAL-010 to CAL-018: the body, its schema and the lookups of user and app.
extension CalcomChecks {
    /// A body that is not JSON: a push cut short.
    static let invalidJSONBody = Array("{\"userId\": 1, \"appSlug\": ".utf8)

    /// Keys that are no envelope at all.
    static let undecryptableKeys = "credsync-probe-not-an-envelope"

    static func invalidJSONAnswer(_ probe: CalcomProbe) async -> CalcomProbe.Answer {
        await probe.shared("invalid-json") {
            [await probe.webhook(secret: probe.secretHeader, body: invalidJSONBody)]
        }[0]
    }

    /// The schema violations, each for the unknown user, so that an instance that lets one through reaches the
    /// user lookup and answers 404 instead, writing nothing.
    static func schemaViolations(_ probe: CalcomProbe) -> [(String, JSONValue)] {
        let user = Double(CalcomProbeConfiguration.unknownUserId)
        let app = JSONValue.string(probe.anyAppSlug)
        let keys = JSONValue.string(probe.canaryKeys())
        return [
            ("userId as a string", CalcomProbe.body(userId: .string(String(Int(user))), appSlug: app, keys: keys)),
            ("userId as a fraction", CalcomProbe.body(userId: .number(user + 0.5), appSlug: app, keys: keys)),
            ("userId missing", CalcomProbe.body(userId: nil, appSlug: app, keys: keys)),
            ("appSlug missing", CalcomProbe.body(userId: .number(user), appSlug: nil, keys: keys)),
            ("appSlug as a number", CalcomProbe.body(userId: .number(user), appSlug: .number(7), keys: keys)),
            ("keys missing", CalcomProbe.body(userId: .number(user), appSlug: app, keys: nil)),
            ("keys as an object", CalcomProbe.body(userId: .number(user), appSlug: app, keys: .object(JSONObject()))),
        ]
    }

    static func schemaAnswers(_ probe: CalcomProbe) async -> [(label: String, answer: CalcomProbe.Answer)] {
        let violations = schemaViolations(probe)
        let answers = await probe.shared("schema") {
            var answers: [CalcomProbe.Answer] = []
            for (_, body) in violations {
                answers.append(await probe.push(body))
            }
            return answers
        }
        return zip(violations, answers).map { ($0.0, $1) }
    }

    static var bodyChecks: [Check<CalcomProbe>] {
        [
            check("CAL-010") { probe in
                let answer = await invalidJSONAnswer(probe)
                return grade(
                    probe,
                    [("a body that is not JSON", answer, expect(.invalidJSON, probe))],
                    expected: "a body that is not JSON rejected"
                )
            },
            check("CAL-011") { probe in
                let answer = await invalidJSONAnswer(probe)
                return gradeStatus(
                    probe,
                    [("a body that is not JSON", answer)],
                    expected: "a body that is not JSON answered 4xx, not 5xx",
                    where: { $0 < 500 }
                )
            },
            check("CAL-012") { probe in
                let answers = await schemaAnswers(probe)
                return grade(
                    probe,
                    answers.map { ($0.label, $0.answer, expect(.schemaViolation, probe)) },
                    expected: "every schema violation rejected"
                )
            },
            check("CAL-013") { probe in
                let answers = await schemaAnswers(probe)
                return gradeStatus(
                    probe,
                    answers,
                    expected: "schema violations answered 4xx, not 5xx",
                    where: { $0 < 500 }
                )
            },
            check("CAL-014") { probe in
                var body = unknownUserBody(probe).objectValue ?? JSONObject()
                body["credsyncProbe"] = true
                body["platform"] = .object(JSONObject([("name", "credsync")]))
                let plain = await probe.push(unknownUserBody(probe))
                let extra = await probe.push(.object(body))
                let expected = "extra fields ignored: the same answer as without them"
                guard case .success(let without) = plain, case .success(let with) = extra else {
                    return .error("no answer: \(probe.describe(plain)); \(probe.describe(extra))", expected: expected)
                }
                return .expect(
                    without.status == with.status,
                    expected: expected,
                    observed: "without: \(probe.describe(plain)); with: \(probe.describe(extra))"
                )
            },
        ]
    }

    static var lookupChecks: [Check<CalcomProbe>] {
        [
            check("CAL-015") { probe in
                let keys = JSONValue.string(probe.canaryKeys())
                let app = JSONValue.string(probe.anyAppSlug)
                let unknown = CalcomProbeConfiguration.unknownUserId
                let first = await probe.push(
                    CalcomProbe.body(userId: .number(Double(unknown)), appSlug: app, keys: keys)
                )
                let negative = await probe.push(CalcomProbe.body(userId: .number(-1), appSlug: app, keys: keys))
                return grade(
                    probe,
                    [
                        ("user \(unknown)", first, expect(.userNotFound, probe)),
                        ("user -1", negative, expect(.userNotFound, probe)),
                    ],
                    expected: "a user that does not exist: 404 User not found"
                )
            },
            check("CAL-016", needs: [.user]) { probe in
                let user = JSONValue.number(Double(probe.configuration.userId ?? 0))
                let keys = JSONValue.string(probe.canaryKeys())
                var cases: [(String, CalcomProbe.Answer, CalcomExpectedAnswer)] = []
                for slug in [CalcomProbeConfiguration.unknownAppSlug, ""] {
                    let answer = await probe.push(CalcomProbe.body(userId: user, appSlug: .string(slug), keys: keys))
                    cases.append(("app slug '\(slug)'", answer, expect(.appNotFound, probe)))
                }
                return grade(probe, cases, expected: "an app slug that matches no app: 404 App not found")
            },
            check("CAL-017", needs: [.user]) { probe in
                guard let slug = probe.configuration.metadatalessAppSlug else {
                    return .skip(
                        "needs the slug of an App row without app-store metadata",
                        enableWith: "--metadataless-app"
                    )
                }
                let user = JSONValue.number(Double(probe.configuration.userId ?? 0))
                let body = CalcomProbe.body(userId: user, appSlug: .string(slug), keys: .string(probe.canaryKeys()))
                let answer = await probe.push(body)
                return grade(
                    probe,
                    [("app slug '\(slug)'", answer, expect(.appWithoutMetadata, probe))],
                    expected: "an app without metadata: 404 App not found. Ensure that you have the correct app slug"
                )
            },
            check("CAL-018") { probe in
                let unknown = Double(CalcomProbeConfiguration.unknownUserId)
                let app = JSONValue.string(probe.anyAppSlug)
                var pairs: [(String, JSONValue?, JSONValue?)] = [("an unknown user", .number(unknown), app)]
                if let user = probe.configuration.userId {
                    pairs.append(
                        ("an unknown app", .number(Double(user)), .string(CalcomProbeConfiguration.unknownAppSlug))
                    )
                }
                let expected = "user and app looked up before the keys are decrypted: the lookup's 404 either way"
                var observed: [String] = []
                var unobservable: [String] = []
                for (label, user, slug) in pairs {
                    let valid = await probe.push(
                        CalcomProbe.body(userId: user, appSlug: slug, keys: .string(probe.canaryKeys()))
                    )
                    let broken = await probe.push(
                        CalcomProbe.body(userId: user, appSlug: slug, keys: .string(undecryptableKeys))
                    )
                    guard case .success(let lookup) = valid, case .success(let answer) = broken else {
                        return .error("\(label): no answer", expected: expected)
                    }
                    guard lookup.status == 404 else {
                        unobservable.append(label)
                        continue
                    }
                    if answer.status != 404 || answer.body != lookup.body {
                        return .fail(
                            expected: expected,
                            observed: "\(label) with undecryptable keys: \(probe.describe(broken))"
                        )
                    }
                    observed.append("\(label): 404 before decryption")
                }
                guard !observed.isEmpty else {
                    return .skip(
                        "not observable: the lookup itself does not refuse "
                            + unobservable.joined(separator: " or ") + " (see CAL-015, CAL-016)"
                    )
                }
                if !unobservable.isEmpty {
                    observed.append(
                        unobservable.joined(separator: " and ") + ": not observable, the lookup itself does not"
                            + " refuse (see CAL-015, CAL-016)"
                    )
                }
                return .pass(expected: expected, observed: observed.joined(separator: "; "))
            },
        ]
    }
}
