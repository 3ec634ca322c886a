import Credsync
import CredsyncWire

// CAL-030 to CAL-037: API v1 /credential-sync, read-only checks.
extension CalcomChecks {
    static let apiPath = "/api/v1/credential-sync"

    static func apiSecretHeader(_ probe: CalcomProbe) -> [(String, String)] {
        [(probe.configuration.headerName ?? Edition.current.defaultHeaderName, probe.configuration.secret)]
    }

    static func apiGet(_ probe: CalcomProbe, apiKey: String?, userId: String, secret: [(String, String)]) async
        -> CalcomProbe.Answer
    {
        var query = "userId=\(percentEncoded(userId))"
        if let apiKey {
            query = "apiKey=\(percentEncoded(apiKey))&" + query
        }
        return await probe.send("GET", path: apiPath + "?" + query, headers: secret)
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
                        (
                            "no apiKey", missing,
                            CalcomExpectedAnswer(
                                status: 401,
                                mediaType: "application/json",
                                body: .json(["message": "No apiKey provided"])
                            )
                        ),
                        (
                            "an unknown apiKey", unknown,
                            CalcomExpectedAnswer(
                                status: 401,
                                mediaType: "application/json",
                                body: .json(["error": "Your API key is not valid."])
                            )
                        ),
                    ],
                    expected: "API v1 refuses a missing or unknown apiKey with 401"
                )
            },
            check("CAL-031", needs: [.apiKey]) { _ in
                .skip("needs the API key of a user who is not a system-wide admin; not taken by this probe")
            },
            check("CAL-032", needs: [.apiKey]) { _ in
                .skip("applies to an instance switched off", enableWith: "--expect-disabled")
            },
            check("CAL-033", needs: [.apiKey]) { probe in
                let user = String(probe.configuration.userId ?? 1)
                let name = probe.configuration.headerName ?? Edition.current.defaultHeaderName
                let expected = CalcomExpectedAnswer(
                    status: 401,
                    mediaType: "application/json",
                    body: .json(["message": "Invalid credential sync secret"])
                )
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
                let key = probe.configuration.apiKey
                let secret = apiSecretHeader(probe)
                let listed = await apiGet(
                    probe,
                    apiKey: key,
                    userId: String(probe.configuration.userId ?? 1),
                    secret: secret
                )
                let notNumber = await apiGet(probe, apiKey: key, userId: "credsync", secret: secret)
                return grade(
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
                            "a userId that is not a number", notNumber,
                            CalcomExpectedAnswer(status: 400, mediaType: nil, checksMediaType: false, body: .any)
                        ),
                    ],
                    expected: "GET lists a user's credentials; a userId that is not a number gets 400"
                )
            },
            check("CAL-035", needs: [.apiKey, .writes]) { _ in
                .skip("API v1 POST always creates a credential; not exercised by this probe")
            },
            check("CAL-036", needs: [.apiKey, .writes]) { _ in
                .skip("needs a credential of another user to aim PATCH and DELETE at; not exercised by this probe")
            },
            check("CAL-037", needs: [.apiKey, .writes]) { _ in
                .skip("API v1 POST always creates a credential; not exercised by this probe")
            },
        ]
    }
}
