public import Credsync

/// The SND-* checks: how `credsync mock calcom` grades each push a platform sends.
///
/// Each check's ID is its requirement's. A check that needs what an earlier stage could not give (a JSON body, an
/// envelope that opens) is skipped for that push; the stages' own checks report the problem.
public enum SenderChecks {
    /// Every sender check, in catalog order.
    public static let all: [Check<PushContext>] = [
        path, headerName, headerValue, contentTypeLegacy, contentTypeCurrent, bodyShape, userId, appSlug,
        decrypts, canonicalEnvelope, freshIV, plaintextObject, accessToken, futureExpiry, expiryMilliseconds,
        absoluteExpiry, noRefreshToken, noConcurrentPushes,
    ]

    /// The checks that apply to a sender of an edition.
    ///
    /// - Parameters:
    ///   - edition: The edition the receiver speaks.
    ///   - catalog: The catalog naming each requirement's editions.
    /// - Returns: The checks whose requirement binds that edition, in catalog order.
    public static func checks(for edition: Edition, catalog: Catalog = .standard) -> [Check<PushContext>] {
        all.filter { catalog.requirement($0.id)?.editions.contains(edition) ?? false }
    }

    // MARK: - Request

    static let path = Check<PushContext>("SND-001") { push in
        let path = push.request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        return .expect(
            push.request.method == "POST" && path == Edition.webhookPath,
            expected: "POST \(Edition.webhookPath)",
            observed: "\(push.request.method) \(Self.shown(path))"
        )
    }

    static let headerName = Check<PushContext>("SND-002") { push in
        let expected = "the secret under '\(push.headerName)'"
        if push.request.value(of: push.headerName) != nil {
            return .pass(expected: expected, observed: "'\(push.headerName)' present")
        }
        let other = push.edition.other.defaultHeaderName
        if push.request.value(of: other) != nil {
            return .fail(
                expected: expected,
                observed: "sent under '\(other)', the \(push.edition.other) edition's name"
            )
        }
        return .fail(expected: expected, observed: "no '\(push.headerName)' header")
    }

    static let headerValue = Check<PushContext>("SND-003") { push in
        let wanted = push.headerName.lowercased()
        let values = push.request.fields.filter { $0.name.lowercased() == wanted }.map(\.value)
        guard let value = values.first else {
            return .skip("no secret header (SND-002)")
        }
        let expected = "the secret \(KeyCheckValue(secret: push.secret)), once"
        if values.count > 1 {
            return .fail(expected: expected, observed: "the header is sent \(values.count) times")
        }
        return .expect(
            value == push.secret,
            expected: expected,
            observed: value == push.secret ? "the secret" : "\(KeyCheckValue(secret: value)), \(value.utf8.count) bytes"
        )
    }

    static let contentTypeLegacy = contentType("SND-004")

    static let contentTypeCurrent = contentType("SND-005")

    private static func contentType(_ id: String) -> Check<PushContext> {
        Check(id) { push in
            let type = push.request.mediaType
            return .expect(
                type == "application/json",
                expected: "Content-Type: application/json",
                observed: type.map { "Content-Type: \($0)" } ?? "no Content-Type"
            )
        }
    }

    static let bodyShape = Check<PushContext>("SND-006") { push in
        let expected = "a JSON object with userId, appSlug and keys"
        guard let body = push.body else {
            return .fail(expected: expected, observed: "a body that is not JSON (\(push.request.body.count) bytes)")
        }
        guard let object = body.objectValue else {
            return .fail(expected: expected, observed: "JSON \(body.typeName)")
        }
        let missing = ["userId", "appSlug", "keys"].filter { object[$0] == nil }
        return .expect(
            missing.isEmpty,
            expected: expected,
            observed: missing.isEmpty
                ? "an object with \(object.keys.joined(separator: ", "))"
                : "an object without \(missing.joined(separator: ", "))"
        )
    }

    static let userId = Check<PushContext>("SND-007") { push in
        guard let value = push.object?["userId"] else {
            return .skip("no userId (SND-006)")
        }
        let expected = "userId a JSON integer from 1 to 2147483647"
        guard let number = value.numberValue else {
            return .fail(expected: expected, observed: "userId is a JSON \(value.typeName)")
        }
        let integer = number.isFinite && number.rounded(.towardZero) == number
        let ok = integer && number >= 1 && number <= Double(Int32.max)
        return .expect(ok, expected: expected, observed: "userId \(JSONValue.number(number).serialized)")
    }

    static let appSlug = Check<PushContext>("SND-008") { push in
        guard let value = push.object?["appSlug"] else {
            return .skip("no appSlug (SND-006)")
        }
        let expected = "appSlug one of the instance's app slugs"
        guard let slug = value.stringValue else {
            return .fail(expected: expected, observed: "appSlug is a JSON \(value.typeName)")
        }
        return .expect(
            push.appSlugKnown,
            expected: expected,
            observed: push.appSlugKnown ? "'\(slug)'" : "'\(Self.shown(slug))', which names no app"
        )
    }

    // MARK: - Envelope

    static let decrypts = Check<PushContext>("SND-009") { push in
        guard let keys = push.keys else {
            return .skip("no string keys (SND-006)")
        }
        guard let key = push.key else {
            return .skip("no encryption key configured", enableWith: Edition.keyVariable)
        }
        let expected = "keys opens with the key \(key.keyCheckValue)"
        if let error = push.openError {
            return .fail(expected: expected, observed: "\(error.code.name) (\(keys.count) characters)")
        }
        return .pass(expected: expected, observed: "opened, \(push.plaintext?.count ?? 0) plaintext bytes")
    }

    static let canonicalEnvelope = Check<PushContext>("SND-010") { push in
        guard let keys = push.keys else {
            return .skip("no string keys (SND-006)")
        }
        let problem = EnvelopeAudit.canonicalFormProblem(keys)
        return .expect(
            problem == nil,
            expected: "lowercase hex IV, one colon, whole blocks of lowercase hex",
            observed: problem ?? "canonical"
        )
    }

    static let freshIV = Check<PushContext>("SND-011") { push in
        guard push.ivHex != nil else {
            return .skip("no envelope IV (SND-006, SND-010)")
        }
        return .expect(
            !push.ivSeenBefore,
            expected: "an IV no earlier push used",
            observed: push.ivSeenBefore ? "IV reused from an earlier push" : "a fresh IV"
        )
    }

    // MARK: - Plaintext

    static let plaintextObject = Check<PushContext>("SND-012") { push in
        guard let plaintext = push.plaintext else {
            return .skip("keys did not open (SND-009)")
        }
        let expected = "UTF-8 JSON text of an object"
        guard let document = push.document else {
            let utf8 = String(validating: plaintext, as: UTF8.self) != nil
            return .fail(expected: expected, observed: utf8 ? "text that is not JSON" : "bytes that are not UTF-8")
        }
        return .expect(document.objectValue != nil, expected: expected, observed: "JSON \(document.typeName)")
    }

    static let accessToken = Check<PushContext>("SND-013") { push in
        guard let object = push.documentObject else {
            return .skip("no credential object (SND-012)")
        }
        let expected = "access_token a non-empty string"
        switch object["access_token"] {
        case nil:
            return .fail(expected: expected, observed: "no access_token")
        case .string(let token)?:
            return .expect(
                !token.isEmpty,
                expected: expected,
                observed: token.isEmpty ? "an empty string" : "a string of \(token.utf8.count) bytes"
            )
        case let other?:
            return .fail(expected: expected, observed: "access_token is a JSON \(other.typeName)")
        }
    }

    static let futureExpiry = Check<PushContext>("SND-014") { push in
        guard let object = push.documentObject else {
            return .skip("no credential object (SND-012)")
        }
        let expected = "an expiry later than the push"
        guard let value = object["expiry_date"] else {
            if object["expires_in"] != nil {
                return .pass(expected: expected, observed: "expires_in only (SND-016)")
            }
            return .fail(expected: expected, observed: "no expiry_date")
        }
        guard let expiry = value.numberValue, expiry >= 1e12 else {
            return .skip("expiry_date is not in milliseconds (SND-015)")
        }
        let seconds = Int((expiry - push.now) / 1000)
        return .expect(
            expiry > push.now,
            expected: expected,
            observed: expiry > push.now ? "expires in \(seconds) s" : "expired \(-seconds) s before the push"
        )
    }

    static let expiryMilliseconds = Check<PushContext>("SND-015") { push in
        guard let object = push.documentObject else {
            return .skip("no credential object (SND-012)")
        }
        let expected = "expiry_date, when present, a number of epoch milliseconds (at least 10^12)"
        guard let value = object["expiry_date"] else {
            return .pass(expected: expected, observed: "no expiry_date")
        }
        guard let expiry = value.numberValue else {
            return .fail(expected: expected, observed: "expiry_date is a JSON \(value.typeName)")
        }
        return .expect(
            expiry >= 1e12,
            expected: expected,
            observed: "expiry_date \(JSONValue.number(expiry).serialized)" + (expiry < 1e12 ? ", seconds" : "")
        )
    }

    static let absoluteExpiry = Check<PushContext>("SND-016") { push in
        guard let object = push.documentObject else {
            return .skip("no credential object (SND-012)")
        }
        let alone = object["expires_in"] != nil && object["expiry_date"] == nil
        return .expect(
            !alone,
            expected: "expiry_date given wherever expires_in is",
            observed: alone ? "expires_in without expiry_date" : "expiry_date present or no expires_in"
        )
    }

    static let noRefreshToken = Check<PushContext>("SND-017") { push in
        guard let object = push.documentObject else {
            return .skip("no credential object (SND-012)")
        }
        let present = object["refresh_token"] != nil
        return .expect(
            !present,
            expected: "no refresh_token",
            observed: present ? "a refresh_token is pushed" : "no refresh_token"
        )
    }

    static let noConcurrentPushes = Check<PushContext>("SND-018") { push in
        guard push.pairKey != nil else {
            return .skip("no userId and appSlug (SND-006)")
        }
        return .expect(
            push.concurrentPushes == 0,
            expected: "no other push for the same (userId, appSlug) in flight",
            observed: push.concurrentPushes == 0
                ? "alone" : "\(push.concurrentPushes) other push(es) for the pair in flight"
        )
    }

    // MARK: - Helpers

    /// A value shown in a verdict: at most 60 characters, control characters escaped.
    static func shown(_ text: String) -> String {
        let clipped = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return clipped.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
            .joined()
    }
}
