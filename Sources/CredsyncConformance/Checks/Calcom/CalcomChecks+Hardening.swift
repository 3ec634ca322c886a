import Credsync
import CredsyncWire

// CAL-026 to CAL-029: content type, JSON answers, error detail, timing.
extension CalcomChecks {
    /// What must never appear in an error body: stack frames, database, runtime and OpenSSL messages, paths.
    static let internalDetail = [
        "\n    at ", "    at ", "prisma", "PrismaClient", "node_modules", "/app/", "/src/", ".ts:", ".js:",
        "ERR_OSSL", "ERR_CRYPTO", "bad decrypt", "EVP_", "SyntaxError", "TypeError", "ZodError", "stack",
        "Unexpected token", "invalid initialization vector",
    ]

    /// The error answers the hardening checks look at, each sent once a run.
    static func errorAnswers(_ probe: CalcomProbe) async -> [(label: String, answer: CalcomProbe.Answer)] {
        var answers: [(label: String, answer: CalcomProbe.Answer)] = []
        let missing = await probe.shared("missing-secret") {
            [await probe.webhook(secret: [], body: Array(unknownUserBody(probe).serialized.utf8))]
        }
        answers.append(("no secret header", missing[0]))
        answers.append(("a body that is not JSON", await invalidJSONAnswer(probe)))
        if let first = await schemaAnswers(probe).first {
            answers.append(("a schema violation (\(first.label))", first.answer))
        }
        let unknown = await probe.shared("unknown-user") { [await probe.push(unknownUserBody(probe))] }
        answers.append(("an unknown user", unknown[0]))
        if probe.configuration.userId != nil, probe.configuration.appSlug != nil {
            if let first = await decryptAnswers(probe).first {
                answers.append(("keys that do not decrypt (\(first.label))", first.answer))
            }
        }
        return answers
    }

    static var hardeningChecks: [Check<CalcomProbe>] {
        [
            check("CAL-026") { probe in
                let body = Array(unknownUserBody(probe).serialized.utf8)
                let taken = expect(.userNotFound, probe)
                let expected = "a JSON body under text/plain or no content type refused, not taken as JSON"
                for (label, type) in [("text/plain", Optional("text/plain")), ("no content type", nil)] {
                    let answer = await probe.webhook(secret: probe.secretHeader, contentType: type, body: body)
                    switch answer {
                    case .failure(let error):
                        return .error("\(label): no answer: \(error.shortDescription)", expected: expected)
                    case .success(let response) where taken.matches(response) || response.status == 200:
                        return .fail(
                            expected: expected,
                            observed: "\(label): taken as JSON: \(probe.describe(answer))"
                        )
                    default:
                        continue
                    }
                }
                return .pass(expected: expected, observed: "neither taken as JSON")
            },
            check("CAL-027") { probe in
                let expected = "every answer with a body is application/json"
                for (label, answer) in await errorAnswers(probe) {
                    guard case .success(let response) = answer else {
                        return .error("\(label): \(probe.describe(answer))", expected: expected)
                    }
                    if !response.body.isEmpty && CalcomExpectedAnswer.mediaType(of: response) != "application/json" {
                        return .fail(expected: expected, observed: "\(label): \(probe.describe(answer))")
                    }
                }
                return .pass(expected: expected, observed: "every answer looked at is JSON")
            },
            check("CAL-028") { probe in
                let expected = "error bodies without stack traces, database, runtime or OpenSSL messages or secrets"
                let secrets = [
                    probe.configuration.secret, String(decoding: probe.configuration.key.bytes, as: UTF8.self),
                    probe.canary.accessToken, probe.canary.refreshToken,
                ]
                for (label, answer) in await errorAnswers(probe) {
                    guard case .success(let response) = answer else {
                        return .error("\(label): \(probe.describe(answer))", expected: expected)
                    }
                    let text = response.bodyText
                    if let found = internalDetail.first(where: { text.lowercased().contains($0.lowercased()) }) {
                        return .fail(expected: expected, observed: "\(label): the body holds '\(found)'")
                    }
                    if secrets.contains(where: { !$0.isEmpty && text.contains($0) }) {
                        return .fail(expected: expected, observed: "\(label): the body holds a secret or a token")
                    }
                }
                return .pass(expected: expected, observed: "no internal detail in the error bodies looked at")
            },
            check("CAL-029") { _ in
                .skip("the timing comparison is statistical and needs thousands of requests; it is not run by a probe")
            },
        ]
    }
}
