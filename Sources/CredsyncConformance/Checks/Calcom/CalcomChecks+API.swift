import Credsync
import CredsyncWire

// CAL-030 to CAL-037: API v1 /credential-sync. Writes go only to the test user, and every credential the probe
// makes through API v1 is deleted again.
extension CalcomChecks {
    static let apiPath = "/api/v1/credential-sync"

    static func apiSecretHeader(_ probe: CalcomProbe) -> [(String, String)] {
        [(probe.configuration.headerName ?? Edition.current.defaultHeaderName, probe.configuration.secret)]
    }

    /// Sends one API v1 call: the apiKey first in the query, then the other parameters.
    static func apiCall(
        _ probe: CalcomProbe,
        _ method: String,
        apiKey: String?,
        query: [(String, String)],
        secret: [(String, String)],
        body: JSONValue? = nil
    ) async -> CalcomProbe.Answer {
        var parameters = apiKey.map { [("apiKey", $0)] } ?? []
        parameters += query
        let text = parameters.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
        var headers = secret
        var bytes: [UInt8] = []
        if let body {
            headers.insert(("Content-Type", "application/json"), at: 0)
            bytes = Array(body.serialized.utf8)
        }
        return await probe.send(method, path: apiPath + (text.isEmpty ? "" : "?" + text), headers: headers, body: bytes)
    }

    static func apiGet(_ probe: CalcomProbe, apiKey: String?, userId: String, secret: [(String, String)]) async
        -> CalcomProbe.Answer
    {
        await apiCall(probe, "GET", apiKey: apiKey, query: [("userId", userId)], secret: secret)
    }

    /// An admin call with the right secret.
    static func apiAdmin(
        _ probe: CalcomProbe,
        _ method: String,
        query: [(String, String)],
        body: JSONValue? = nil
    ) async -> CalcomProbe.Answer {
        await apiCall(
            probe,
            method,
            apiKey: probe.configuration.apiKey,
            query: query,
            secret: apiSecretHeader(probe),
            body: body
        )
    }

    /// A POST body `{appSlug, encryptedKey}` with a plaintext sealed under the instance's key.
    static func apiPostBody(_ probe: CalcomProbe, appSlug: String, plaintext: String) -> JSONValue {
        .object(JSONObject([("appSlug", .string(appSlug)), ("encryptedKey", .string(probe.seal(plaintext)))]))
    }

    /// The id of the credential a 200 answer names under `member`, such as `credential`.
    static func credentialId(_ answer: CalcomProbe.Answer, member: String = "credential") -> Int? {
        guard case .success(let response) = answer, response.status == 200,
            case .number(let id)? = (try? JSONParser.parse(response.body))?[member]?["id"]
        else {
            return nil
        }
        return Int(exactly: id)
    }

    /// Creates the canary credential for the test user through API v1 POST; the id, or `nil`.
    static func apiCreate(_ probe: CalcomProbe, what: String) async -> (CalcomProbe.Answer, Int?) {
        let user = String(probe.configuration.userId ?? 0)
        let app = probe.anyAppSlug
        let answer = await apiAdmin(
            probe,
            "POST",
            query: [("userId", user)],
            body: apiPostBody(probe, appSlug: app, plaintext: probe.canary.document.serialized)
        )
        let id = credentialId(answer)
        if let id {
            probe.recordWrite("API v1 POST (\(what)) for user \(user), app \(app): credential \(id)")
        }
        return (answer, id)
    }

    /// Deletes a credential the probe made, for the test user.
    static func apiCleanUp(_ probe: CalcomProbe, _ id: Int?) async {
        guard let id else {
            return
        }
        let user = String(probe.configuration.userId ?? 0)
        let answer = await apiAdmin(probe, "DELETE", query: [("userId", user), ("credentialId", String(id))])
        let outcome = credentialId(answer, member: "credentialDeleted") == id ? "deleted" : "NOT deleted"
        probe.recordWrite("API v1 DELETE for user \(user), credential \(id): \(outcome)")
    }

    /// The `credentials` array of a 200 GET answer.
    static func listedCredentials(_ answer: CalcomProbe.Answer) -> [JSONValue]? {
        guard case .success(let response) = answer, response.status == 200,
            case .array(let items)? = (try? JSONParser.parse(response.body))?["credentials"]
        else {
            return nil
        }
        return items
    }

    private static func apiJSON(_ status: Int, _ body: JSONValue) -> CalcomExpectedAnswer {
        CalcomExpectedAnswer(status: status, mediaType: "application/json", body: .json(body))
    }

    private static func apiStatus(_ status: Int) -> CalcomExpectedAnswer {
        CalcomExpectedAnswer(status: status, mediaType: nil, checksMediaType: false, body: .any)
    }

    static var apiChecks: [Check<CalcomProbe>] {
        [
            check("CAL-030", needs: [.apiKey]) { probe in
                let secret = apiSecretHeader(probe)
                let user = String(probe.configuration.userId ?? 1)
                let missing = await apiGet(probe, apiKey: nil, userId: user, secret: secret)
                let unknown = await apiGet(probe, apiKey: "cal_credsyncprobeunknownkey", userId: user, secret: secret)
                return grade(
                    probe,
                    [
                        ("no apiKey", missing, apiJSON(401, ["message": "No apiKey provided"])),
                        ("an unknown apiKey", unknown, apiJSON(401, ["error": "Your API key is not valid."])),
                    ],
                    expected: "API v1 refuses a missing or unknown apiKey with 401"
                )
            },
            check("CAL-031", needs: [.apiKey]) { probe in
                guard let key = probe.configuration.nonAdminAPIKey else {
                    return .skip(
                        "needs the API key of a user who is not a system-wide admin",
                        enableWith: "--non-admin-api-key-env"
                    )
                }
                let user = String(probe.configuration.userId ?? 1)
                let answer = await apiGet(probe, apiKey: key, userId: user, secret: apiSecretHeader(probe))
                let refused: JSONValue = ["error": "Only admin API keys can access credential syncing endpoints"]
                return grade(
                    probe,
                    [("a key that is not a system-wide admin's", answer, apiJSON(403, refused))],
                    expected: "API v1 refuses a key that is not a system-wide admin's with 403"
                )
            },
            check("CAL-032", needs: [.apiKey]) { probe in
                guard probe.configuration.expectDisabled else {
                    return .skip("applies to an instance switched off", enableWith: "--expect-disabled")
                }
                let user = String(probe.configuration.userId ?? 1)
                let answer = await apiGet(
                    probe,
                    apiKey: probe.configuration.apiKey,
                    userId: user,
                    secret: apiSecretHeader(probe)
                )
                return grade(
                    probe,
                    [
                        (
                            "an admin key with the right secret", answer,
                            apiJSON(501, ["error": "Credential syncing is not enabled"])
                        )
                    ],
                    expected: "API v1 answers 501 while credential syncing is switched off"
                )
            },
            check("CAL-033", needs: [.apiKey]) { probe in
                let user = String(probe.configuration.userId ?? 1)
                let name = probe.configuration.headerName ?? Edition.current.defaultHeaderName
                let expected = apiJSON(401, ["message": "Invalid credential sync secret"])
                let key = probe.configuration.apiKey
                let missing = await apiGet(probe, apiKey: key, userId: user, secret: [])
                let wrong = await apiGet(probe, apiKey: key, userId: user, secret: [(name, "credsync-probe-wrong")])
                return grade(
                    probe,
                    [("no secret header", missing, expected), ("a wrong secret", wrong, expected)],
                    expected: "API v1 refuses an admin key without the right secret with 401"
                )
            },
            check("CAL-034", needs: [.apiKey, .user]) { probe in
                let user = String(probe.configuration.userId ?? 1)
                let listed = await apiAdmin(probe, "GET", query: [("userId", user)])
                let app = probe.anyAppSlug
                let oneApp = await apiAdmin(probe, "GET", query: [("userId", user), ("appSlug", app)])
                // A user no check ever writes for, so that even an instance that wrongly takes pushes for unknown
                // users (CAL-015) has no credential for it.
                let otherUser = await apiAdmin(
                    probe,
                    "GET",
                    query: [("userId", String(CalcomProbeConfiguration.unknownUserId - 1))]
                )
                let notNumber = await apiAdmin(probe, "GET", query: [("userId", "credsync")])
                let expected =
                    "GET lists only the user's (and the app's) credentials; a userId that is not a number gets 400"
                let shape = grade(
                    probe,
                    [
                        (
                            "the test user's credentials", listed,
                            CalcomExpectedAnswer(
                                status: 200,
                                mediaType: "application/json",
                                body: .jsonWithKey("credentials")
                            )
                        ),
                        (
                            "the test user's credentials of \(app)", oneApp,
                            CalcomExpectedAnswer(
                                status: 200,
                                mediaType: "application/json",
                                body: .jsonWithKey("credentials")
                            )
                        ),
                        (
                            "the credentials of a user that does not exist", otherUser,
                            apiJSON(200, ["credentials": []])
                        ),
                        ("a userId that is not a number", notNumber, apiStatus(400)),
                    ],
                    expected: expected
                )
                guard shape.kind == .satisfied, let items = listedCredentials(listed),
                    let appItems = listedCredentials(oneApp)
                else {
                    return shape
                }
                let wellFormed = (items + appItems).allSatisfy { item in
                    if case .number = item["id"], item["appId"]?.stringValue != nil,
                        item["appSlug"]?.stringValue != nil
                    {
                        return true
                    }
                    return false
                }
                guard wellFormed else {
                    return .fail(
                        expected: "every listed credential is {id, appId, appSlug}",
                        observed: "the test user's credentials: \(probe.describe(listed))"
                    )
                }
                if let stray = appItems.first(where: { $0["appId"]?.stringValue != app }) {
                    return .fail(
                        expected: "GET with appSlug=\(app) lists only that app's credentials",
                        observed: "it lists one of \(stray["appId"]?.serialized ?? "no app")"
                    )
                }
                let note =
                    items.count == appItems.count
                    ? "; the test user has no credential of another app, so the app filter had nothing to leave out"
                    : ""
                return .pass(
                    expected: expected,
                    observed: "the test user's \(items.count) listed, \(appItems.count) of \(app), none for another"
                        + " user, 400 for a userId that is not a number\(note)"
                )
            },
            check("CAL-035", needs: [.apiKey, .userAndApp, .writes]) { probe in
                let user = String(probe.configuration.userId ?? 0)
                let tokenless = JSONValue.object(
                    JSONObject([("token_type", "Bearer"), ("expiry_date", .number(4_102_444_800_000))])
                )
                let refused = await apiAdmin(
                    probe,
                    "POST",
                    query: [("userId", user)],
                    body: apiPostBody(probe, appSlug: probe.anyAppSlug, plaintext: tokenless.serialized)
                )
                let wrongly = credentialId(refused)
                if let wrongly {
                    probe.recordWrite("API v1 POST (tokenless keys) for user \(user): credential \(wrongly)")
                }
                await apiCleanUp(probe, wrongly)
                let (created, id) = await apiCreate(probe, what: "canary credential")
                await apiCleanUp(probe, id)
                let expected = "POST refuses keys without a string access_token with 400 and creates otherwise"
                let outcome = grade(
                    probe,
                    [
                        ("keys without an access_token", refused, apiStatus(400)),
                        (
                            "the canary keys", created,
                            CalcomExpectedAnswer(
                                status: 200,
                                mediaType: "application/json",
                                body: .jsonWithKey("credential")
                            )
                        ),
                    ],
                    expected: expected
                )
                guard outcome.kind == .satisfied else {
                    return outcome
                }
                let type = (try? created.get()).flatMap { try? JSONParser.parse($0.body) }?["credential"]?["type"]
                return .expect(
                    id != nil && type?.stringValue != nil,
                    expected: "the created credential answered as {\"credential\":{\"id\",\"type\"}}",
                    observed: "tokenless keys refused; the canary answered \(probe.describe(created))"
                )
            },
            check("CAL-036", needs: [.apiKey, .userAndApp, .writes]) { probe in
                let (created, made) = await apiCreate(probe, what: "credential to aim PATCH and DELETE at")
                guard let id = made else {
                    return .skip(
                        "not observable: API v1 POST made no credential (see CAL-035): \(probe.describe(created))"
                    )
                }
                let user = String(probe.configuration.userId ?? 0)
                let other = String(CalcomProbeConfiguration.unknownUserId)
                let credential = String(id)
                let patch = apiPostBody(probe, appSlug: probe.anyAppSlug, plaintext: probe.canary.document.serialized)
                let body = JSONValue.object(JSONObject([("encryptedKey", patch["encryptedKey"] ?? "")]))
                let patchOther = await apiAdmin(
                    probe,
                    "PATCH",
                    query: [("userId", other), ("credentialId", credential)],
                    body: body
                )
                let deleteOther = await apiAdmin(
                    probe,
                    "DELETE",
                    query: [("userId", other), ("credentialId", credential)]
                )
                let patchOwn = await apiAdmin(
                    probe,
                    "PATCH",
                    query: [("userId", user), ("credentialId", credential)],
                    body: body
                )
                let deleteOwn = await apiAdmin(
                    probe,
                    "DELETE",
                    query: [("userId", user), ("credentialId", credential)]
                )
                let deleted = credentialId(deleteOwn, member: "credentialDeleted") == id
                probe.recordWrite(
                    "API v1 DELETE for user \(user), credential \(id): \(deleted ? "deleted" : "NOT deleted")"
                )
                let outcome = gradeStatus(
                    probe,
                    [("PATCH as another user", patchOther), ("DELETE as another user", deleteOther)],
                    expected: "PATCH and DELETE as another user answer 404",
                    where: { $0 == 404 }
                )
                guard outcome.kind == .satisfied else {
                    return outcome
                }
                return .expect(
                    credentialId(patchOwn) == id && deleted,
                    expected: "PATCH and DELETE as the owner answer 200 with the credential",
                    observed: "another user got 404 twice; the owner: PATCH \(probe.describe(patchOwn)), DELETE"
                        + " \(probe.describe(deleteOwn))"
                )
            },
            check("CAL-037", needs: [.apiKey, .user, .writes]) { probe in
                let user = String(probe.configuration.userId ?? 0)
                let answer = await apiAdmin(
                    probe,
                    "POST",
                    query: [("userId", user)],
                    body: apiPostBody(
                        probe,
                        appSlug: CalcomProbeConfiguration.unknownAppSlug,
                        plaintext: probe.canary.document.serialized
                    )
                )
                let wrongly = credentialId(answer)
                if let wrongly {
                    probe.recordWrite("API v1 POST (unknown app) for user \(user): credential \(wrongly)")
                }
                await apiCleanUp(probe, wrongly)
                return gradeStatus(
                    probe,
                    [("an app slug that names no app", answer)],
                    expected: "POST for an unknown app answered with a 4xx",
                    where: { (400..<500).contains($0) }
                )
            },
        ]
    }
}
