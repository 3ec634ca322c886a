public import Credsync

/// One push a sender made to the stand-in Cal.com, with what the SND-* checks need to judge it.
///
/// The body is parsed and the envelope opened once, when the context is made; the checks only read the results.
/// Nothing here is ever printed: the checks describe values by their kind, length or key-check value.
public struct PushContext: Sendable {
    /// The call as received.
    public let request: HTTPRequestMessage

    /// The edition the receiver speaks.
    public let edition: Edition

    /// The header name the receiver is configured with.
    public let headerName: String

    /// The shared secret; empty when none is configured.
    public let secret: String

    /// The shared key, or `nil` when none is configured.
    public let key: EnvelopeKey?

    /// The time of the push in epoch milliseconds.
    public let now: Double

    /// Whether the push's IV was seen in an earlier push of the run.
    public let ivSeenBefore: Bool

    /// How many other pushes for the same (userId, appSlug) were in flight when this one arrived.
    public let concurrentPushes: Int

    /// Whether the receiver knows the app slug (an App row with metadata).
    public let appSlugKnown: Bool

    /// The body as JSON, or `nil` when it is not JSON.
    public let body: JSONValue?

    /// The envelope text, when the body is an object whose `keys` is a string.
    public let keys: String?

    /// The plaintext bytes, when the envelope opens with the key (compatible decoding).
    public let plaintext: [UInt8]?

    /// Why the envelope did not open, when it did not.
    public let openError: EnvelopeError?

    /// The decrypted document, when the plaintext is UTF-8 JSON.
    public let document: JSONValue?

    /// Makes a context and does the parsing and decryption the checks share.
    ///
    /// - Parameters:
    ///   - request: The call as received.
    ///   - edition: The receiver's edition.
    ///   - headerName: The configured header name.
    ///   - secret: The shared secret.
    ///   - key: The shared key.
    ///   - now: The time of the push in epoch milliseconds.
    ///   - ivSeenBefore: Whether an earlier push used the same IV.
    ///   - concurrentPushes: How many pushes for the same pair were in flight.
    ///   - appSlugKnown: Whether the receiver knows the app slug.
    public init(
        request: HTTPRequestMessage,
        edition: Edition,
        headerName: String,
        secret: String,
        key: EnvelopeKey?,
        now: Double,
        ivSeenBefore: Bool = false,
        concurrentPushes: Int = 0,
        appSlugKnown: Bool = true
    ) {
        self.request = request
        self.edition = edition
        self.headerName = headerName
        self.secret = secret
        self.key = key
        self.now = now
        self.ivSeenBefore = ivSeenBefore
        self.concurrentPushes = concurrentPushes
        self.appSlugKnown = appSlugKnown

        body = try? JSONParser.parse(request.bodyText)
        keys = body?.objectValue?["keys"]?.stringValue

        var plaintext: [UInt8]?
        var openError: EnvelopeError?
        if let keys, let key {
            do {
                plaintext = try Envelope.open(keys, key: key, decoding: .compatible)
            } catch {
                openError = error
            }
        }
        self.plaintext = plaintext
        self.openError = openError
        document = plaintext.flatMap { String(validating: $0, as: UTF8.self) }.flatMap { try? JSONParser.parse($0) }
    }

    /// The body's members, when it is a JSON object.
    public var object: JSONObject? {
        body?.objectValue
    }

    /// The decrypted document's members, when it is a JSON object.
    public var documentObject: JSONObject? {
        document?.objectValue
    }

    /// The IV of the envelope as lowercase hex, when the envelope has a separator.
    public var ivHex: String? {
        PushContext.ivHex(of: keys)
    }

    /// The (userId, appSlug) pair as text, for grouping pushes, when both are present.
    public var pairKey: String? {
        PushContext.pairKey(of: body)
    }

    /// The IV part of an envelope as lowercase hex.
    ///
    /// - Parameter keys: The envelope text.
    /// - Returns: The text before the first `:`, lowercased, or `nil` without one.
    public static func ivHex(of keys: String?) -> String? {
        guard let keys, let colon = keys.firstIndex(of: ":") else {
            return nil
        }
        return keys[..<colon].lowercased()
    }

    /// The (userId, appSlug) pair of a body as text.
    ///
    /// - Parameter body: The parsed body.
    /// - Returns: `userId/appSlug` as serialized JSON values, or `nil` when either is missing.
    public static func pairKey(of body: JSONValue?) -> String? {
        guard let object = body?.objectValue, let userId = object["userId"], let appSlug = object["appSlug"] else {
            return nil
        }
        return userId.serialized + "/" + appSlug.serialized
    }
}
