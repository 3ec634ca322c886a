import Credsync
import CredsyncWire

// CAL-023 to CAL-025: what valid pushes store.
extension CalcomChecks {
    /// The first and the second valid push of the canary for the test user and app, sent once a run.
    @discardableResult
    static func firstPushes(_ probe: CalcomProbe) async -> [CalcomProbe.Answer] {
        await probe.shared("first-pushes") {
            let body = canaryBody(probe, appSlug: probe.configuration.appSlug ?? "")
            let first = await probe.push(body)
            noteWrite(probe, first, what: "canary credential")
            let second = await probe.push(body)
            noteWrite(probe, second, what: "canary credential")
            return [first, second]
        }
    }

    /// A valid push of the canary for the test user.
    static func canaryBody(_ probe: CalcomProbe, appSlug: String) -> JSONValue {
        CalcomProbe.body(
            userId: .number(Double(probe.configuration.userId ?? 0)),
            appSlug: .string(appSlug),
            keys: .string(probe.canaryKeys())
        )
    }

    /// Records what a 200 answer wrote.
    static func noteWrite(_ probe: CalcomProbe, _ answer: CalcomProbe.Answer, what: String, appSlug: String? = nil) {
        guard case .success(let response) = answer, response.status == 200 else {
            return
        }
        let user = probe.configuration.userId.map(String.init) ?? "?"
        let app = appSlug ?? probe.configuration.appSlug ?? "?"
        let message = (try? JSONParser.parse(response.body))?["message"]?.stringValue ?? "200"
        probe.recordWrite("webhook push (\(what)) for user \(user), app \(app): \(message)")
    }

    /// The number of credentials API v1 lists for the test user and an app, or `nil` without an API key, an
    /// answer, or a listing filtered by the app.
    static func storedCount(_ probe: CalcomProbe, appSlug: String) async -> Int? {
        guard let key = probe.configuration.apiKey, let user = probe.configuration.userId else {
            return nil
        }
        let query = "apiKey=\(percentEncoded(key))&userId=\(user)&appSlug=\(percentEncoded(appSlug))"
        let answer = await probe.send(
            "GET",
            path: "/api/v1/credential-sync?" + query,
            headers: [(probe.configuration.headerName ?? Edition.current.defaultHeaderName, probe.configuration.secret)]
        )
        guard case .success(let response) = answer, response.status == 200,
            case .array(let credentials)? = (try? JSONParser.parse(response.body))?["credentials"]
        else {
            return nil
        }
        // A listing that holds other apps is not filtered (see CAL-034), so its length counts nothing.
        guard credentials.allSatisfy({ $0["appId"]?.stringValue == appSlug }) else {
            return nil
        }
        return credentials.count
    }

    static func percentEncoded(_ text: String) -> String {
        PercentEncoding.encode(text.utf8)
    }

    static var writeChecks: [Check<CalcomProbe>] {
        [
            check("CAL-023", needs: [.userAndApp, .writes]) { probe in
                let user = probe.configuration.userId ?? 0
                let first = await firstPushes(probe)[0]
                let outcome = grade(
                    probe,
                    [("the first push of the canary", first, expect(.credentialCreated, probe, userId: user))],
                    expected: "a first push creates the credential (the test user must have none for the app)"
                )
                guard outcome.kind == .satisfied, probe.configuration.apiKey != nil else {
                    return outcome
                }
                let count = await storedCount(probe, appSlug: probe.configuration.appSlug ?? "")
                return .expect(
                    count.map { $0 >= 1 } ?? true,
                    expected: "the credential listed by API v1 after a first push",
                    observed: "created; API v1 lists \(count.map(String.init) ?? "an unreadable number of") credentials"
                )
            },
            check("CAL-024", needs: [.userAndApp, .writes]) { probe in
                let user = probe.configuration.userId ?? 0
                let second = await firstPushes(probe)[1]
                let outcome = grade(
                    probe,
                    [("the second push of the canary", second, expect(.credentialUpdated, probe, userId: user))],
                    expected: "a later push updates the credential in place"
                )
                guard outcome.kind == .satisfied, probe.configuration.apiKey != nil else {
                    return outcome
                }
                let count = await storedCount(probe, appSlug: probe.configuration.appSlug ?? "")
                if count == 0 {
                    return .skip("not observable: API v1 lists no credential to update after two pushes (see CAL-023)")
                }
                return .expect(
                    count.map { $0 == 1 } ?? true,
                    expected: "one credential for the user and app after two pushes",
                    observed: "updated; API v1 lists \(count.map(String.init) ?? "an unreadable number of") credentials"
                )
            },
            check("CAL-025", needs: [.user, .writes]) { probe in
                guard let slug = probe.configuration.raceAppSlug else {
                    return .skip(
                        "needs a second installed app for which the test user has no credential",
                        enableWith: "--race-app-slug"
                    )
                }
                let body = canaryBody(probe, appSlug: slug)
                let answers = await withTaskGroup(of: CalcomProbe.Answer.self) { group in
                    for _ in 0..<6 {
                        group.addTask { await probe.push(body) }
                    }
                    var answers: [CalcomProbe.Answer] = []
                    for await answer in group {
                        answers.append(answer)
                    }
                    return answers
                }
                let expected = "six concurrent first pushes: one created, five updated, one credential stored"
                var created = 0
                var updated = 0
                let user = probe.configuration.userId ?? 0
                for answer in answers {
                    noteWrite(probe, answer, what: "concurrent canary credential", appSlug: slug)
                    guard case .success(let response) = answer else {
                        return .error("no answer: \(probe.describe(answer))", expected: expected)
                    }
                    if expect(.credentialCreated, probe, userId: user).matches(response) {
                        created += 1
                    } else if expect(.credentialUpdated, probe, userId: user).matches(response) {
                        updated += 1
                    } else {
                        return .fail(expected: expected, observed: "a push answered \(probe.describe(answer))")
                    }
                }
                let sequential = await firstPushes(probe)
                let user0 = probe.configuration.userId ?? 0
                let baseline =
                    sequential.count == 2
                    && (try? sequential[0].get()).map { expect(.credentialCreated, probe, userId: user0).matches($0) }
                        == true
                    && (try? sequential[1].get()).map { expect(.credentialUpdated, probe, userId: user0).matches($0) }
                        == true
                guard baseline else {
                    return .skip(
                        "not observable: one push after another is not answered created then updated"
                            + " (see CAL-023, CAL-024)"
                    )
                }
                if created == 0 {
                    return .skip("the test user already had a credential for \(slug), so no push was a first one")
                }
                let count = await storedCount(probe, appSlug: slug)
                var observed = "\(created) created, \(updated) updated"
                if let count {
                    observed += "; API v1 lists \(count) credentials"
                }
                return .expect(created == 1 && (count ?? 1) == 1, expected: expected, observed: observed)
            },
        ]
    }
}
