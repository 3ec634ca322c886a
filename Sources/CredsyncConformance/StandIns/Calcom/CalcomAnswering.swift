import Credsync
import CredsyncWire
import Foundation

/// Answers webhook calls as ``WebhookAnswers`` does for the edition, with the planted defects and, when asked, the
/// SHOULDs that today's Cal.com misses met instead.
///
/// The answer says what to write; the stand-in writes it and picks "created" or "updated" from the store.
struct CalcomAnswering: Sendable {
    /// A credential to store.
    struct Write: Sendable, Hashable {
        let userId: Int32
        let userIdText: String
        let appId: String
        let type: String
        let key: String
    }

    /// How the stand-in turns a write into an answer.
    enum WriteMode: Sendable, Hashable {
        /// Create or update atomically; the answer says which happened.
        case atomic
        /// Look, wait, then write: concurrent first pushes all answer "created".
        case racy
        /// Write, and answer "created" whatever happened.
        case alwaysCreated
        /// Write nothing new; answer "updated".
        case neverCreate
    }

    /// The answer before any write.
    struct Outcome: Sendable {
        var response: HTTPResponseMessage
        var label: String
        var write: Write?
    }

    let settings: WebhookSettings
    let defects: Set<CalcomDefect>
    let fixesKnownMisses: Bool

    private var edition: Edition { settings.edition }

    private func has(_ defect: CalcomDefect) -> Bool {
        defects.contains(defect)
    }

    /// Whether the stand-in meets the SHOULD a defect names, which Cal.com misses.
    private func fixing(_ defect: CalcomDefect) -> Bool {
        fixesKnownMisses && !defects.contains(defect)
    }

    /// How writes are made.
    var writeMode: WriteMode {
        if has(.neverCreate) { return .neverCreate }
        if has(.alwaysCreate) { return .alwaysCreated }
        if has(.racyCreate) { return .racy }
        return .atomic
    }

    private static let preAuthBranches: Set<WebhookBranch> = [
        .methodNotAllowed, .options, .unknownMethod, .bodyTooLarge, .disabled, .headerNameInvalid, .invalidSecret,
    ]

    // MARK: - Answering

    func answer(_ original: HTTPRequestMessage, directory: some WebhookDirectory) async -> Outcome {
        var request = original
        var settings = self.settings
        if has(.ignoreSwitch) {
            settings.isEnabled = true
        }
        if edition == .current, has(.acceptAnyMethod), request.method != "POST" {
            request.method = "POST"
        }
        if edition == .legacy, has(.ignoreContentType), !Self.isJSONType(request.mediaType) {
            request.fields.removeAll { $0.name.lowercased() == "content-type" }
            request.fields.append(.init("content-type", "application/json"))
        }
        if has(.lenientSchema) {
            request.body = Self.coerced(request.body)
        }
        await plantSecretDefects(&request)

        if edition == .current, has(.parseBeforeSecret), request.method == "POST",
            (try? JSONParser.parse(request.bodyText)) == nil
        {
            return shaped(invalidJSON())
        }

        let answers = WebhookAnswers(settings: settings)
        let baseline = answers.answer(request, directory: directory)
        let authorized =
            !Self.preAuthBranches.contains(baseline.branch)
            && !(edition == .legacy && baseline.branch == .invalidJSON)
        guard authorized else {
            if baseline.branch == .invalidJSON {
                return shaped(invalidJSON())
            }
            return shaped(Outcome(response: baseline.response, label: baseline.branch.rawValue))
        }
        return shaped(answerAuthorized(request, baseline: baseline))
    }

    private func answerAuthorized(_ request: HTTPRequestMessage, baseline: WebhookAnswer) -> Outcome {
        if fixing(.ignoreContentType), !Self.isJSONType(request.mediaType) {
            let shown = request.mediaType ?? "none"
            return json(
                415,
                "Unsupported content type \(shown); send application/json",
                label: "unsupported-media-type"
            )
        }
        let body = try? JSONParser.parse(request.bodyText)
        let parsed = body.flatMap { WebhookRequest.validate($0).request }

        if has(.rejectExtraFields), let object = body?.objectValue, baseline.branch != .schemaViolation,
            baseline.branch != .invalidJSON
        {
            let extra = object.keys.filter { !["userId", "appSlug", "keys"].contains($0) }
            if !extra.isEmpty {
                return unrecognizedKeys(extra)
            }
        }
        if has(.decryptBeforeLookup), let parsed,
            [.userNotFound, .appNotFound, .appWithoutMetadata].contains(baseline.branch), !opens(parsed.keys)
        {
            return decryptFailure()
        }

        switch baseline.branch {
        case .invalidJSON:
            return invalidJSON()
        case .schemaViolation:
            if edition == .current, has(.schemaError500) {
                return branch(.decryptFailure, label: "schema-violation")
            }
            if edition == .legacy, fixing(.schemaError500) {
                let issues = JSONValue.array(baseline.issues.map(\.json))
                return Outcome(
                    response: .json(400, ["error": issues], contentType: edition.jsonContentType),
                    label: "schema-violation"
                )
            }
        case .appWithoutMetadata where has(.missingMetadata500):
            return branch(.decryptFailure, label: "app-without-metadata")
        case .decryptFailure, .nullCredential:
            if has(.storeUndecryptableKeys), baseline.branch == .decryptFailure, let parsed,
                let write = write(for: parsed, key: .string(parsed.keys))
            {
                return Outcome(response: baseline.response, label: "stored-undecryptable", write: write)
            }
            return decryptFailure(label: baseline.branch.rawValue)
        case .credentialCreated, .credentialUpdated:
            guard let stored = baseline.write, let parsed else {
                break
            }
            if has(.rejectUppercaseHex), parsed.keys.contains(where: { ("A"..."F").contains($0) }) {
                return decryptFailure()
            }
            if fixing(.storeScalarKeys), stored.document.objectValue?["access_token"]?.stringValue == nil {
                return json(400, "keys must hold an object with a string access_token", label: "tokenless-keys")
            }
            let write = Write(
                userId: stored.userId,
                userIdText: parsed.userIdText,
                appId: stored.appId,
                type: stored.type,
                key: stored.document.serialized
            )
            return Outcome(response: baseline.response, label: baseline.branch.rawValue, write: write)
        default:
            break
        }
        return Outcome(response: baseline.response, label: baseline.branch.rawValue)
    }

    /// The answer for a write the store made.
    func written(_ write: Write, created: Bool) -> HTTPResponseMessage {
        let branch: WebhookBranch = created ? .credentialCreated : .credentialUpdated
        return WebhookAnswers(settings: settings).response(for: branch, userIdText: write.userIdText)!
    }

    /// The answer when the store refuses a write: Prisma's error, caught as any other.
    func storeFailure() -> HTTPResponseMessage {
        shaped(branch(.decryptFailure, label: "store-failure")).response
    }

    // MARK: - Secret defects

    private func plantSecretDefects(_ request: inout HTTPRequestMessage) async {
        let name = settings.headerName
        let wanted = name.lowercased()
        if has(.caseSensitiveHeaderName) {
            request.fields.removeAll { $0.name.lowercased() == wanted && $0.name != name }
        }
        if has(.untrimmedSecretHeader) {
            // The value taken as a naive parser splits "name: value": after the one space of the separator, any
            // white space left around it makes it another secret.
            let untrimmed = request.fields.contains { field in
                let value = field.value.hasPrefix(" ") ? String(field.value.dropFirst()) : field.value
                return field.name.lowercased() == wanted && value != value.trimmingCharacters(in: [" ", "\t"])
            }
            if untrimmed {
                request.fields.removeAll { $0.name.lowercased() == wanted }
            }
        }
        let value = request.value(of: name, lookup: edition.webhookHeaderLookup)
        var accept = false
        if has(.acceptMissingSecret), value == nil {
            accept = true
        }
        if has(.acceptWrongSecret), value != nil {
            accept = true
        }
        if has(.caseInsensitiveSecret), let value, value.lowercased() == settings.secret.lowercased() {
            accept = true
        }
        if has(.acceptOtherEditionHeader), value != settings.secret,
            request.value(of: edition.other.defaultHeaderName) == settings.secret
        {
            accept = true
        }
        if accept {
            request.fields.removeAll { $0.name.lowercased() == wanted }
            request.fields.append(.init(wanted, settings.secret))
        } else if has(.earlyExitCompare), let value, value != settings.secret {
            // A byte-by-byte compare that stops at the first difference, slowed so the difference shows.
            let matching = zip(value.utf8, settings.secret.utf8).prefix { $0 == $1 }.count
            try? await Task.sleep(for: .milliseconds(2 * matching))
        }
    }

    // MARK: - Answers

    private func branch(_ branch: WebhookBranch, label: String? = nil) -> Outcome {
        Outcome(response: WebhookAnswers(settings: settings).response(for: branch)!, label: label ?? branch.rawValue)
    }

    private func json(_ status: Int, _ message: String, label: String) -> Outcome {
        Outcome(
            response: .json(status, ["message": .string(message)], contentType: edition.jsonContentType),
            label: label
        )
    }

    private func invalidJSON() -> Outcome {
        if has(.acceptInvalidJSON) {
            let response = WebhookAnswers(settings: settings).response(for: .credentialCreated, userIdText: "undefined")
            return Outcome(response: response!, label: "accepted-invalid-json")
        }
        if edition == .legacy, has(.invalidJSON500) {
            return branch(.decryptFailure, label: "invalid-json")
        }
        if edition == .current, fixing(.invalidJSON500) {
            return json(400, "Invalid JSON", label: "invalid-json")
        }
        return branch(.invalidJSON)
    }

    private func decryptFailure(label: String = "decrypt-failure") -> Outcome {
        if fixing(.decryptError500) {
            return json(400, "keys could not be decrypted or parsed", label: label)
        }
        return branch(.decryptFailure, label: label)
    }

    private func unrecognizedKeys(_ keys: [String]) -> Outcome {
        if edition == .legacy {
            return branch(.decryptFailure, label: "schema-violation")
        }
        let issue: JSONValue = .object(
            JSONObject([
                ("code", "unrecognized_keys"),
                ("keys", .array(keys.map { .string($0) })),
                ("path", .array([])),
                (
                    "message",
                    .string("Unrecognized key(s) in object: " + keys.map { "'\($0)'" }.joined(separator: ", "))
                ),
            ])
        )
        return Outcome(
            response: .json(400, ["error": .array([issue])], contentType: edition.jsonContentType),
            label: "schema-violation"
        )
    }

    /// Applies the defects and fixes that change how any answer looks.
    private func shaped(_ outcome: Outcome) -> Outcome {
        var outcome = outcome
        var response = outcome.response
        let isError = response.status >= 400
        let isJSON = response.contentType?.hasPrefix("application/json") ?? false
        if isError, edition == .current, has(.textErrorBody), isJSON {
            let text = (try? JSONParser.parse(response.bodyText))?.objectValue?["message"]?.stringValue
            response = HTTPResponseMessage(
                status: response.status,
                contentType: "text/plain; charset=utf-8",
                body: Array((text ?? HTTPResponse.standardReason(for: response.status)).utf8)
            )
        } else if isError, edition == .legacy, fixing(.textErrorBody), !isJSON, !response.body.isEmpty {
            response = .json(
                response.status,
                ["message": .string(response.bodyText)],
                contentType: edition.jsonContentType
            )
        }
        if response.status == 500, has(.leakErrorDetail) {
            response = Self.leaking(response)
        }
        outcome.response = response
        return outcome
    }

    private static let leakedStack =
        "Error: error:1C800064:Provider routines::bad decrypt\n    at Decipheriv.final (node:internal/crypto/cipher:193:29)"
        + "\n    at symmetricDecrypt (/calcom/packages/lib/crypto.ts:31:21)\n    at POST"
        + " (/calcom/apps/web/.next/server/app/api/webhook/app-credential/route.js:1:4242)"

    private static func leaking(_ response: HTTPResponseMessage) -> HTTPResponseMessage {
        var response = response
        if let object = (try? JSONParser.parse(response.bodyText))?.objectValue {
            let leaked = JSONObject(
                object.members.map { ($0.key, $0.value) } + [("stack", .string(leakedStack))]
            )
            response.body = Array(JSONValue.object(leaked).serialized.utf8)
        } else {
            response.body += Array(("\n" + leakedStack).utf8)
        }
        return response
    }

    // MARK: - Helpers

    private func opens(_ keys: String) -> Bool {
        guard let key = settings.key, let text = try? Envelope.openText(keys, key: key, decoding: .compatible) else {
            return false
        }
        return (try? JSONParser.parse(text)) != nil
    }

    private func write(for request: WebhookRequest, key: JSONValue) -> Write? {
        guard let userId = request.databaseUserId else {
            return nil
        }
        return Write(
            userId: userId,
            userIdText: request.userIdText,
            appId: request.appSlug,
            type: request.appSlug.replacingOccurrences(of: "-", with: "_"),
            key: key.serialized
        )
    }

    static func isJSONType(_ mediaType: String?) -> Bool {
        mediaType == "application/json" || mediaType == "application/ld+json"
    }

    /// The body with userId, appSlug and keys coerced as a lenient receiver would: `"1"` and `1.5` become 1,
    /// scalars become strings.
    static func coerced(_ body: [UInt8]) -> [UInt8] {
        let message = HTTPRequestMessage(method: "POST", target: "", body: body)
        guard let object = (try? JSONParser.parse(message.bodyText))?.objectValue else {
            return body
        }
        var members: [(String, JSONValue)] = []
        for (name, value) in object.members {
            switch (name, value) {
            case ("userId", .string(let text)):
                members.append(
                    (
                        name,
                        Double(text.trimmingCharacters(in: .whitespaces)).map { .number($0.rounded(.towardZero)) }
                            ?? value
                    )
                )
            case ("userId", .number(let number)) where number.isFinite:
                members.append((name, .number(number.rounded(.towardZero))))
            case ("appSlug", .number), ("appSlug", .bool), ("keys", .number), ("keys", .bool):
                members.append((name, .string(value.serialized)))
            default:
                members.append((name, value))
            }
        }
        return Array(JSONValue.object(JSONObject(members)).serialized.utf8)
    }
}
