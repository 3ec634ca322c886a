/// An HTTP response as Cal.com or a sync endpoint sends it: status, reason phrase, content type, other header
/// fields and body bytes.
public struct HTTPResponseMessage: Sendable, Hashable, CustomStringConvertible {
    /// The status code.
    public var status: Int

    /// A reason phrase other than the standard one, or `nil` for the standard one. Next's pages router sets the
    /// error text as the reason phrase of its own error answers (`400 Invalid JSON`).
    public var reasonPhrase: String?

    /// The `Content-Type` value, or `nil` when the response has none.
    public var contentType: String?

    /// Header fields other than `Content-Type` that belong to the answer, such as `Allow`.
    public var otherFields: [HTTPRequestMessage.Field]

    /// The body bytes.
    public var body: [UInt8]

    /// Makes a response.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - reasonPhrase: A non-standard reason phrase, or `nil`.
    ///   - contentType: The content type, or `nil` for none.
    ///   - otherFields: Other header fields that belong to the answer.
    ///   - body: The body bytes.
    public init(
        status: Int,
        reasonPhrase: String? = nil,
        contentType: String? = nil,
        otherFields: [HTTPRequestMessage.Field] = [],
        body: [UInt8] = []
    ) {
        self.status = status
        self.reasonPhrase = reasonPhrase
        self.contentType = contentType
        self.otherFields = otherFields
        self.body = body
    }

    /// Makes a JSON response whose body is `JSON.stringify(value)`.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - value: The JSON value.
    ///   - contentType: The content type the framework writes.
    /// - Returns: The response.
    public static func json(_ status: Int, _ value: JSONValue, contentType: String) -> HTTPResponseMessage {
        HTTPResponseMessage(status: status, contentType: contentType, body: Array(value.serialized.utf8))
    }

    /// The body as UTF-8 text.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    public var description: String {
        let type = contentType ?? "no content type"
        return "\(status) (\(type)) \(bodyText)"
    }
}
