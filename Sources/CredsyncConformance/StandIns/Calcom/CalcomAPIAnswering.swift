import Credsync
import CredsyncStore
import Foundation

/// Answers API v1 `/api/v1/credential-sync` as today's Cal.com does (apps/api/v1, PR #13963), with the planted
/// `api-*` defects and, when asked, the SHOULD today's Cal.com misses (a 4xx for an unknown app) met instead.
///
/// The order is Cal.com's: the apiKey query parameter (401), a system-wide admin (403), the switch (501), the
/// secret header, looked up as `req.headers[name]` (401), then the method.
struct CalcomAPIAnswering: Sendable {
    /// The path API v1 serves credential syncing under.
    static let path = "/api/v1/credential-sync"

    /// The prefix Cal.com strips from a presented key (`API_KEY_PREFIX`).
    static let keyPrefix = "cal_"

    let settings: WebhookSettings
    let seed: CalcomSeed
    let adminAPIKey: String?
    let memberAPIKey: String?
    let defects: Set<CalcomDefect>
    let fixesKnownMisses: Bool
    let store: CredentialStore

    private static let contentType = "application/json; charset=utf-8"

    private func has(_ defect: CalcomDefect) -> Bool {
        defects.contains(defect)
    }

    /// The answer to one request on ``path``, its label, and whether it wrote.
    func answer(_ request: HTTPRequestMessage) -> (HTTPResponseMessage, String, Bool) {
        let query = Self.query(of: request.target)

        // verifyApiKey
        // An empty apiKey is falsy in JavaScript: "No apiKey provided", as for none.
        let presented = query["apiKey"].flatMap { $0.isEmpty ? nil : Self.stripped($0) }
        var isAdmin = false
        switch presented {
        case nil where has(.apiAcceptMissingKey):
            isAdmin = true
        case nil:
            return (Self.json(401, ["message": "No apiKey provided"]), "api-no-key", false)
        case let key? where key == adminAPIKey.map(Self.stripped):
            isAdmin = true
        case let key? where key == memberAPIKey.map(Self.stripped):
            isAdmin = has(.apiAcceptNonAdmin)
        default:
            return (Self.json(401, ["error": "Your API key is not valid."]), "api-unknown-key", false)
        }

        // verifyCredentialSyncEnabled
        guard isAdmin else {
            let body: JSONValue = ["error": "Only admin API keys can access credential syncing endpoints"]
            return (Self.json(403, body), "api-not-admin", false)
        }
        guard settings.isEnabled || has(.apiIgnoreSwitch) else {
            return (Self.json(501, ["error": "Credential syncing is not enabled"]), "api-disabled", false)
        }
        let value = request.value(of: settings.headerName, lookup: .lowercaseOnly)
        guard value == settings.secret || has(.apiAcceptWrongSecret) else {
            return (Self.json(401, ["message": "Invalid credential sync secret"]), "api-invalid-secret", false)
        }

        do {
            switch request.method {
            case "GET":
                return try list(query)
            case "POST":
                return try create(query, request: request)
            case "PATCH":
                return try update(query, request: request)
            case "DELETE":
                return try delete(query)
            default:
                let body: JSONValue = ["message": "Method Not Allowed (Allow: GET,POST,PATCH,DELETE)"]
                return (Self.json(405, body), "api-method-not-allowed", false)
            }
        } catch let failure as Failure {
            return (Self.json(failure.status, ["message": .string(failure.message)]), failure.label, false)
        } catch {
            return (Self.json(500, ["message": "Internal server error"]), "api-store-failure", false)
        }
    }

    // MARK: - Methods

    private func list(_ query: [String: String]) throws -> (HTTPResponseMessage, String, Bool) {
        let userId = try Self.number(query, "userId")
        let appSlug = query["appSlug"]
        var listed = try store.credentials()
        if !has(.apiGetUnfiltered) {
            listed = listed.filter { $0.userId == userId && (appSlug == nil || $0.appSlug == appSlug) }
        }
        let items: [JSONValue] = listed.map { credential in
            .object(
                JSONObject([
                    ("id", .number(Double(credential.id))),
                    ("appId", .string(credential.appSlug)),
                    ("appSlug", .string(credential.appSlug)),
                ])
            )
        }
        return (Self.json(200, ["credentials": .array(items)]), "api-listed", false)
    }

    private func create(
        _ query: [String: String],
        request: HTTPRequestMessage
    ) throws -> (HTTPResponseMessage, String, Bool) {
        let userId = try Self.number(query, "userId")
        let body = try Self.body(of: request)
        guard let appSlug = body["appSlug"]?.stringValue, let sealed = body["encryptedKey"]?.stringValue else {
            throw Failure(400, "appSlug and encryptedKey must be strings", label: "api-schema-violation")
        }
        let document = try decrypted(sealed)
        let app = seed.apps[appSlug]
        guard case .found(_, let type)? = app else {
            if app == .withoutMetadata {
                throw Failure(500, "Cannot read properties of undefined (reading 'type')", label: "api-no-metadata")
            }
            let status = fixesKnownMisses && !has(.apiUnknownApp500) ? 404 : 500
            throw Failure(status, "App not found", label: "api-app-not-found")
        }
        guard let user = Int32(exactly: userId), seed.users.contains(user) else {
            throw Failure(400, "Foreign key constraint failed on the field: `userId`", label: "api-unknown-user")
        }
        let id = try store.create(userId: userId, appSlug: appSlug, type: type, key: document.serialized)
        let answer: JSONValue = [
            "credential": .object(JSONObject([("id", .number(Double(id))), ("type", .string(type))]))
        ]
        return (Self.json(200, answer), "api-created", true)
    }

    private func update(
        _ query: [String: String],
        request: HTTPRequestMessage
    ) throws -> (HTTPResponseMessage, String, Bool) {
        let userId = try Self.number(query, "userId")
        let credentialId = try Self.number(query, "credentialId")
        let body = try Self.body(of: request)
        guard let sealed = body["encryptedKey"]?.stringValue else {
            throw Failure(400, "encryptedKey must be a string", label: "api-schema-violation")
        }
        let document = try decrypted(sealed)
        let owner = has(.apiUnscopedCredential) ? nil : userId
        guard let credential = try store.updateKey(id: credentialId, userId: owner, key: document.serialized) else {
            throw Failure(404, "No Credential found", label: "api-not-found")
        }
        let answer: JSONValue = [
            "credential": .object(
                JSONObject([("id", .number(Double(credential.id))), ("appId", .string(credential.appSlug))])
            )
        ]
        return (Self.json(200, answer), "api-updated", true)
    }

    private func delete(_ query: [String: String]) throws -> (HTTPResponseMessage, String, Bool) {
        let userId = try Self.number(query, "userId")
        let credentialId = try Self.number(query, "credentialId")
        let owner = has(.apiUnscopedCredential) ? nil : userId
        guard let credential = try store.delete(id: credentialId, userId: owner) else {
            throw Failure(404, "No Credential found", label: "api-not-found")
        }
        let answer: JSONValue = [
            "credentialDeleted": .object(
                JSONObject([("id", .number(Double(credential.id))), ("appId", .string(credential.appSlug))])
            )
        ]
        return (Self.json(200, answer), "api-deleted", true)
    }

    // MARK: - Helpers

    /// A refusal carried out of a method's steps.
    private struct Failure: Error {
        let status: Int
        let message: String
        let label: String

        init(_ status: Int, _ message: String, label: String) {
            self.status = status
            self.message = message
            self.label = label
        }
    }

    /// Decrypts and parses an encrypted key and validates it with `OAuth2UniversalSchema` (a string
    /// `access_token`), unless the `api-store-tokenless` defect is planted.
    private func decrypted(_ sealed: String) throws -> JSONValue {
        guard let key = settings.key, let text = try? Envelope.openText(sealed, key: key, decoding: .compatible)
        else {
            throw Failure(500, "Something went wrong", label: "api-decrypt-failure")
        }
        guard let document = try? JSONParser.parse(text) else {
            throw Failure(
                500,
                "Unexpected error, please reach out for our customer support.",
                label: "api-decrypt-failure"
            )
        }
        if !has(.apiStoreTokenless), document.objectValue?["access_token"]?.stringValue == nil {
            throw Failure(400, "access_token: Required", label: "api-tokenless")
        }
        return document
    }

    /// The JSON object body, as Next's pages router parses it.
    private static func body(of request: HTTPRequestMessage) throws -> JSONObject {
        guard !request.body.isEmpty else {
            throw Failure(400, "Request body is missing", label: "api-no-body")
        }
        guard let value = try? JSONParser.parse(request.bodyText) else {
            throw Failure(400, "Invalid JSON", label: "api-invalid-json")
        }
        guard let object = value.objectValue else {
            throw Failure(400, "Expected object, received \(value.typeName)", label: "api-schema-violation")
        }
        return object
    }

    /// A query parameter turned into a number with JavaScript's `parseInt`: leading digits after optional white
    /// space and sign, so `"12abc"` is 12; no digits is a 400, as is a missing parameter.
    private static func number(_ query: [String: String], _ name: String) throws -> Int64 {
        guard let text = query[name] else {
            throw Failure(400, "\(name): Required", label: "api-schema-violation")
        }
        var rest = Substring(text.drop { $0.isWhitespace })
        var sign: Int64 = 1
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else {
            throw Failure(400, "\(name) is not a valid number", label: "api-not-a-number")
        }
        guard let value = Int64(digits), let id = Int32(exactly: sign * value) else {
            throw Failure(400, "\(name) is out of range", label: "api-not-a-number")
        }
        return Int64(id)
    }

    /// A key without Cal.com's prefix, removed as `String.replace` does: its first occurrence.
    static func stripped(_ key: String) -> String {
        guard let range = key.range(of: keyPrefix) else {
            return key
        }
        var key = key
        key.removeSubrange(range)
        return key
    }

    /// The query parameters of a target, the first of each name, decoded as Next decodes them.
    static func query(of target: String) -> [String: String] {
        guard let mark = target.firstIndex(of: "?") else {
            return [:]
        }
        var query: [String: String] = [:]
        for (name, value) in FormEncoding.decode(String(target[target.index(after: mark)...])) where query[name] == nil
        {
            query[name] = value
        }
        return query
    }

    private static func json(_ status: Int, _ value: JSONValue) -> HTTPResponseMessage {
        .json(status, value, contentType: contentType)
    }
}
