import Credsync
import CredsyncWire
import Foundation

extension EndpointChecks {
    /// END-001 to END-008: the answer to Cal.com's call.
    static let answerChecks: [Check<EndpointTarget>] = [
        check("END-001") { target in
            let expected = "status 200"
            let answer = await target.tokenAnswer()
            guard let status = answer.status else {
                return .error("\(answer.call) got no answer: \(answer.error.map(String.init(describing:)) ?? "")")
            }
            return .expect(status == 200, expected: expected, observed: answer.summary + encodingNote(target))
        },
        check("END-002") { target in
            let expected = "Content-Type: application/json"
            let answer: EndpointAnswer
            switch await judgedAnswer(target) {
            case .success(let judged): answer = judged
            case .failure(let refusal): return refusal.outcome
            }
            let value = answer.response?.headers["Content-Type"]
            let observed = value.map { "Content-Type: \(printable($0))" } ?? "no Content-Type"
            return .expect(answer.mediaType == "application/json", expected: expected, observed: observed)
        },
        check("END-003") { target in
            let expected = "a JSON object whose access_token is a non-empty string"
            let answer = await target.tokenAnswer()
            guard let response = answer.response else {
                return .error("\(answer.call) got no answer: \(answer.error.map(String.init(describing:)) ?? "")")
            }
            guard let json = answer.json else {
                let observed = response.body.isEmpty ? "an empty body" : "a body that is not JSON"
                return .fail(expected: expected, observed: "\(answer.summary), \(observed)")
            }
            guard let object = json.objectValue else {
                return .fail(expected: expected, observed: "a JSON \(json.typeName), not an object")
            }
            guard let token = object["access_token"] else {
                let members = object.keys.map(printable).joined(separator: ", ")
                return .fail(expected: expected, observed: "no access_token; the members are \(members)")
            }
            guard let text = token.stringValue, !text.isEmpty else {
                let kind = token.stringValue == nil ? "a \(token.typeName)" : "an empty string"
                return .fail(expected: expected, observed: "access_token is \(kind)")
            }
            return .pass(expected: expected, observed: "access_token is a string of \(text.count) characters")
        },
        check("END-004") { target in
            let expected = "token_type, refresh_token, scope strings; expiry_date, expires_in numbers, when present"
            let object: JSONObject
            switch await judgedObject(target) {
            case .success(let judged): object = judged
            case .failure(let refusal): return refusal.outcome
            }
            let wrong =
                (TokenResponse.optionalStringFields.map { ($0, "string") }
                + TokenResponse.optionalNumberFields.map { ($0, "number") })
                .compactMap { field, type -> String? in
                    guard let value = object[field], value.typeName != type else {
                        return nil
                    }
                    return "\(field) is a \(value.typeName)"
                }
            let present = (TokenResponse.optionalStringFields + TokenResponse.optionalNumberFields)
                .filter { object[$0] != nil }
            let observed =
                wrong.isEmpty
                ? (present.isEmpty ? "none of them present" : "\(present.joined(separator: ", ")) of the right types")
                : wrong.joined(separator: "; ")
            return .expect(wrong.isEmpty, expected: expected, observed: observed)
        },
        check("END-005") { target in
            let expected = "expiry_date (epoch ms) or expires_in (seconds)"
            let object: JSONObject
            switch await judgedObject(target) {
            case .success(let judged): object = judged
            case .failure(let refusal): return refusal.outcome
            }
            let codes = expiryFindings(object).codes
            if object["expiry_date"] == nil && object["expires_in"] == nil {
                return .fail(expected: expected, observed: "neither; Cal.com trusts the token for 365 days")
            }
            if codes.contains("token-expiry-zero") {
                return .fail(expected: expected, observed: "an expiry of 0, which Cal.com reads as none")
            }
            return .pass(expected: expected, observed: expiryDescription(object))
        },
        check("END-006") { target in
            let expected = "expiry_date in epoch milliseconds, expires_in in relative seconds"
            let object: JSONObject
            switch await judgedObject(target) {
            case .success(let judged): object = judged
            case .failure(let refusal): return refusal.outcome
            }
            let findings = expiryFindings(object).filter {
                ["token-expiry-in-seconds", "token-expires-in-absolute"].contains($0.code)
            }
            return .expect(
                findings.isEmpty,
                expected: expected,
                observed: findings.first?.detail ?? expiryDescription(object)
            )
        },
        check("END-007") { target in
            let expected = "an expiry later than now"
            let object: JSONObject
            switch await judgedObject(target) {
            case .success(let judged): object = judged
            case .failure(let refusal): return refusal.outcome
            }
            let findings = expiryFindings(object).filter { $0.code == "token-expiry-past" }
            return .expect(
                findings.isEmpty,
                expected: expected,
                observed: findings.first?.detail ?? expiryDescription(object)
            )
        },
        check("END-008") { target in
            let expected = "no refresh_token in the answer"
            let object: JSONObject
            switch await judgedObject(target) {
            case .success(let judged): object = judged
            case .failure(let refusal): return refusal.outcome
            }
            return .expect(
                object["refresh_token"] == nil,
                expected: expected,
                observed: object["refresh_token"] == nil ? "no refresh_token" : "a refresh_token is handed out"
            )
        },
    ]

    // MARK: - Parts

    /// The token answer's members, or why there is none to judge.
    static func judgedObject(_ target: EndpointTarget) async -> Result<JSONObject, Refusal> {
        switch await judgedAnswer(target) {
        case .failure(let refusal):
            return .failure(refusal)
        case .success(let answer):
            guard let object = answer.object else {
                return .failure(Refusal(outcome: .skip("the answer is not a JSON object; see END-003")))
            }
            return .success(object)
        }
    }

    /// The expiry findings of an answer, judged on its numeric expiry members alone, so that a defect elsewhere in
    /// the answer does not hide them.
    static func expiryFindings(_ object: JSONObject) -> [MessageFinding] {
        var members: [(String, JSONValue)] = [("access_token", .string("x"))]
        for field in TokenResponse.optionalNumberFields {
            if let value = object[field], value.numberValue != nil {
                members.append((field, value))
            }
        }
        let body = Array(JSONValue.object(JSONObject(members)).serialized.utf8)
        let now = Date().timeIntervalSince1970 * 1000
        return TokenResponse.grade(status: 200, body: body, now: now).findings
    }

    /// The expiry members as observed: numbers only, never a token.
    static func expiryDescription(_ object: JSONObject) -> String {
        let parts = TokenResponse.optionalNumberFields.compactMap { field -> String? in
            object[field].map { value in
                "\(field) \(value.numberValue.map(number) ?? "(a \(value.typeName))")"
            }
        }
        return parts.isEmpty ? "no expiry member" : parts.joined(separator: ", ")
    }

    /// A number as JavaScript prints it, for the integers expiries are.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }

    /// A note for observed lines when the answer judged came from the JSON call.
    static func encodingNote(_ target: EndpointTarget) -> String {
        target.encoding == .json ? " (to a JSON body; the form call was refused, see END-009)" : ""
    }
}
