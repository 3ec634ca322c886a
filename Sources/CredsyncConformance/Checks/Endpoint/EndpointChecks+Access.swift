import Credsync
import CredsyncWire
import Foundation

extension EndpointChecks {
    /// END-009 to END-017: what the endpoint reads, and what it refuses.
    static let accessChecks: [Check<EndpointTarget>] = [
        check("END-009") { target in
            let expected = "a token for the form body calcomUserId=…&appSlug=… Cal.com sends"
            let form = await target.answer(.valid)
            guard form.response != nil else {
                return .error("\(form.call) got no answer: \(form.error.map(String.init(describing:)) ?? "")")
            }
            // A form call answered 2xx was read; what its answer holds is END-003's business.
            if form.carriesToken || form.isSuccess {
                return .pass(expected: expected, observed: "the form call got \(form.summary)")
            }
            if target.encoding == .json {
                let json = await target.answer(.validJSON)
                return .fail(
                    expected: expected,
                    observed: "the form call got \(form.summary); the same fields as JSON got \(json.summary)"
                )
            }
            return .skip("neither a form nor a JSON body got a token (the form call got \(form.summary)); see END-001")
        },
        check("END-010") { target in
            await refusals([.withoutSecret], expected: "no token without the secret (403)", of: target)
        },
        check("END-011") { target in
            await refusals(
                [.wrongSecret, .secretInOtherCase],
                expected: "no token for a wrong secret or the secret in another case (403)",
                of: target
            )
        },
        check("END-012") { target in
            let expected = "the secret under calcom-webhook-secret earns no token"
            guard target.applies(.legacyHeaderOnly) else {
                return .skip("the secret's configured header is calcom-webhook-secret itself")
            }
            let legacy = await target.answer(.legacyHeaderOnly)
            let without = await target.answer(.withoutSecret)
            guard legacy.response != nil else {
                return .error("\(legacy.call) got no answer: \(legacy.error.map(String.init(describing:)) ?? "")")
            }
            if legacy.isRefusal {
                return .pass(expected: expected, observed: "calcom-webhook-secret only: \(legacy.summary)")
            }
            // An endpoint that hands out tokens without any secret fails END-010; the legacy header earns nothing more.
            if without.response != nil && !without.isRefusal {
                return .pass(
                    expected: expected,
                    observed: "calcom-webhook-secret only: \(legacy.summary), as with no secret at all (see END-010)"
                )
            }
            return .fail(
                expected: expected,
                observed: "calcom-webhook-secret only: \(legacy.summary); with no secret: \(without.summary)"
            )
        },
        check("END-013") { target in
            let expected = "a token for the legacy call, which carries no secret"
            let answer = await target.answer(.withoutSecret)
            guard answer.response != nil else {
                return .error("\(answer.call) got no answer: \(answer.error.map(String.init(describing:)) ?? "")")
            }
            return .expect(answer.carriesToken, expected: expected, observed: "no secret: \(answer.summary)")
        },
        check("END-014") { target in
            await refusals(
                [.unknownUser, .userMissing, .userMalformed],
                expected: "no token for an unknown, missing or non-decimal calcomUserId",
                of: target
            )
        },
        check("END-015") { target in
            await refusals(
                [.unknownApp, .appMissing, .appEmpty],
                expected: "no token for an unknown, missing or empty appSlug",
                of: target
            )
        },
        check("END-016") { target in
            let expected = "refusals answered 4xx, with no internal detail"
            let (answers, failed) = await answers(EndpointCall.rejections, of: target)
            let refused = answers.filter(\.isRefusal)
            guard !refused.isEmpty else {
                if let failure = failed.first, let error = failure.error {
                    return .error("\(failure.call) got no answer: \(error)", expected: expected)
                }
                return .skip("no call was refused; see END-010 to END-015")
            }
            let serverErrors = refused.filter { ($0.status ?? 0) >= 500 }
            let leaky = refused.filter { internalDetail(in: $0) != nil }
            if serverErrors.isEmpty && leaky.isEmpty {
                let statuses = Set(refused.compactMap(\.status)).sorted().map(String.init).joined(separator: ", ")
                return .pass(expected: expected, observed: "\(refused.count) refusals, status \(statuses)")
            }
            var observed: [String] = serverErrors.map { "\($0.call.shortName): \($0.status ?? 0)" }
            observed += leaky.compactMap { answer in
                internalDetail(in: answer).map { "\(answer.call.shortName): the body shows \($0)" }
            }
            return .fail(expected: expected, observed: observed.joined(separator: "; "))
        },
        check("END-017") { target in
            let expected = "no error \"invalid_grant\" in refusals"
            let (answers, failed) = await answers(EndpointCall.rejections, of: target)
            let refused = answers.filter(\.isRefusal)
            guard !refused.isEmpty else {
                if let failure = failed.first, let error = failure.error {
                    return .error("\(failure.call) got no answer: \(error)", expected: expected)
                }
                return .skip("no call was refused; see END-010 to END-015")
            }
            let grants = refused.filter { $0.object?["error"]?.stringValue == "invalid_grant" }
            return .expect(
                grants.isEmpty,
                expected: expected,
                observed: grants.isEmpty
                    ? "\(refused.count) refusals, none with invalid_grant"
                    : "invalid_grant in " + grants.map(\.call.shortName).joined(separator: ", ")
            )
        },
    ]

    /// What in a refusal's body gives away the endpoint's inside, or `nil` when nothing does.
    static func internalDetail(in answer: EndpointAnswer) -> String? {
        guard let body = answer.response?.body, !body.isEmpty else {
            return nil
        }
        let text = String(decoding: body, as: UTF8.self).lowercased()
        let markers: [(String, String)] = [
            ("\n    at ", "a stack trace"), ("\\n    at ", "a stack trace"), ("\"stack\"", "a stack trace"),
            ("traceback (most recent call last)", "a Python traceback"), ("node_modules", "a node_modules path"),
            ("prismaclient", "a Prisma error"), ("sqlstate", "a database error"), ("econnrefused", "a network error"),
            ("typeerror:", "a JavaScript error"), ("referenceerror:", "a JavaScript error"),
            ("syntaxerror:", "a JavaScript error"), ("exception", "an exception"),
        ]
        return markers.first { text.contains($0.0) }?.1
    }
}
