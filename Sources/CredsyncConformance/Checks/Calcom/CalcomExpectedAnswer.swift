public import Credsync
public import CredsyncWire
import Foundation

/// The answer a check expects from the webhook, taken from the library's per-edition answers, and how an actual
/// response is compared with it.
public struct CalcomExpectedAnswer: Sendable, Hashable, CustomStringConvertible {
    /// What the body must be.
    public enum Body: Sendable, Hashable {
        /// JSON equal to this value.
        case json(JSONValue)
        /// A JSON object with this key, whatever its value (Zod's issues vary by version).
        case jsonWithKey(String)
        /// Exactly these bytes.
        case bytes([UInt8])
        /// Anything.
        case any
    }

    /// The status code.
    public let status: Int

    /// The media type of `Content-Type`, lowercased, or `nil` for an answer without one.
    public let mediaType: String?

    /// Whether the media type is compared at all.
    public let checksMediaType: Bool

    /// What the body must be.
    public let body: Body

    /// Whether any other refusal also meets the expectation: a 4xx other than 404 (which means the body was taken
    /// and the lookups ran) or a 5xx. The MUSTs about refusing bad input ask that it be refused and nothing be
    /// written; which status is better is a SHOULD of its own.
    public let acceptsAnyRefusal: Bool

    /// Makes an expectation.
    public init(
        status: Int,
        mediaType: String?,
        checksMediaType: Bool = true,
        body: Body,
        acceptsAnyRefusal: Bool = false
    ) {
        self.status = status
        self.mediaType = mediaType
        self.checksMediaType = checksMediaType && mediaType != nil
        self.body = body
        self.acceptsAnyRefusal = acceptsAnyRefusal
    }

    /// The branches whose answer is a refusal of bad input.
    static let refusals: Set<WebhookBranch> = [.invalidJSON, .schemaViolation, .decryptFailure, .nullCredential]

    /// Whether a status is a refusal that took nothing: a 4xx other than 404, or a 5xx.
    public static func isRefusal(_ status: Int) -> Bool {
        (400..<600).contains(status) && status != 404
    }

    /// The exact answer of a webhook branch in an edition, from ``WebhookResponses``.
    ///
    /// - Parameters:
    ///   - branch: The branch.
    ///   - edition: The edition.
    ///   - userIdText: The user id for the 200 messages.
    /// - Returns: The expectation, or `nil` when the edition has no such branch.
    public static func webhook(_ branch: WebhookBranch, in edition: Edition, userIdText: String = "1")
        -> CalcomExpectedAnswer?
    {
        let context = WebhookResponses.Context(userIdText: userIdText)
        guard let message = WebhookResponses.response(for: branch, in: edition, context: context) else {
            return nil
        }
        // The media type is CAL-027's concern; the other checks judge the status and the message.
        let media = message.contentType.map(Self.mediaType(of:))
        let refusal = refusals.contains(branch)
        if branch == .schemaViolation && media == "application/json" {
            return CalcomExpectedAnswer(
                status: message.status,
                mediaType: media,
                checksMediaType: false,
                body: .jsonWithKey("error"),
                acceptsAnyRefusal: refusal
            )
        }
        if message.body.isEmpty {
            return CalcomExpectedAnswer(status: message.status, mediaType: media, checksMediaType: false, body: .any)
        }
        if media == "application/json", let value = try? JSONParser.parse(message.body) {
            return CalcomExpectedAnswer(
                status: message.status,
                mediaType: media,
                checksMediaType: false,
                body: .json(value),
                acceptsAnyRefusal: refusal
            )
        }
        return CalcomExpectedAnswer(
            status: message.status,
            mediaType: media,
            checksMediaType: false,
            body: .bytes(message.body),
            acceptsAnyRefusal: refusal
        )
    }

    /// Whether a response is this answer.
    ///
    /// - Parameter response: The response.
    /// - Returns: Whether status, media type and body all match.
    public func matches(_ response: HTTPResponse) -> Bool {
        if acceptsAnyRefusal && Self.isRefusal(response.status) {
            return true
        }
        guard response.status == status else {
            return false
        }
        if checksMediaType && Self.mediaType(of: response) != mediaType {
            return false
        }
        switch body {
        case .any:
            return true
        case .bytes(let bytes):
            return response.body == bytes
        case .json(let value):
            if (try? JSONParser.parse(response.body)) == value {
                return true
            }
            // The same message as plain text: the media type is judged on its own (CAL-027).
            if let object = value.objectValue, object.count == 1, let message = object["message"]?.stringValue {
                return response.bodyText == message
            }
            return false
        case .jsonWithKey(let key):
            return (try? JSONParser.parse(response.body))?.objectValue?[key] != nil
        }
    }

    public var description: String {
        var parts = [String(status)]
        if checksMediaType {
            parts.append(mediaType ?? "(no content type)")
        }
        switch body {
        case .any: break
        case .bytes(let bytes): parts.append("\"" + String(decoding: bytes, as: UTF8.self) + "\"")
        case .json(let value): parts.append(value.serialized)
        case .jsonWithKey(let key): parts.append("{\"\(key)\":…}")
        }
        if acceptsAnyRefusal {
            parts.append("(or another refusal: a 4xx other than 404, or a 5xx)")
        }
        return parts.joined(separator: " ")
    }

    /// The media type of a response's `Content-Type`, lowercased and without parameters.
    public static func mediaType(of response: HTTPResponse) -> String? {
        response.headers["Content-Type"].map(mediaType(of:))
    }

    static func mediaType(of value: String) -> String {
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
