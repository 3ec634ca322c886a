/// The HTTP answer a requirement expects from a Cal.com instance in one edition.
public struct ExpectedResponse: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What the body must be.
    public enum Body: Hashable, Sendable, Codable {
        /// JSON equal to this text once both are parsed; `{userId}` stands for the user ID that was sent.
        case json(String)
        /// A JSON object that has this key, whatever its value.
        case jsonWithKey(String)
        /// Exactly this text.
        case text(String)
        /// Anything.
        case unspecified

        private enum CodingKeys: String, CodingKey {
            case kind, value
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try container.decode(String.self, forKey: .kind)
            switch kind {
            case "json": self = .json(try container.decode(String.self, forKey: .value))
            case "json-with-key": self = .jsonWithKey(try container.decode(String.self, forKey: .value))
            case "text": self = .text(try container.decode(String.self, forKey: .value))
            case "unspecified": self = .unspecified
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .kind,
                    in: container,
                    debugDescription: "unknown body kind \(kind)"
                )
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .json(let text):
                try container.encode("json", forKey: .kind)
                try container.encode(text, forKey: .value)
            case .jsonWithKey(let key):
                try container.encode("json-with-key", forKey: .kind)
                try container.encode(key, forKey: .value)
            case .text(let text):
                try container.encode("text", forKey: .kind)
                try container.encode(text, forKey: .value)
            case .unspecified:
                try container.encode("unspecified", forKey: .kind)
            }
        }
    }

    /// The status code.
    public let status: Int

    /// The media type of `Content-Type`, without parameters, such as `application/json`; `nil` when not fixed.
    public let contentType: String?

    /// What the body must be.
    public let body: Body

    /// A JSON answer whose body equals some JSON text.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - body: The JSON text; `{userId}` stands for the user ID that was sent.
    /// - Returns: The expected answer.
    public static func json(_ status: Int, _ body: String) -> ExpectedResponse {
        ExpectedResponse(status: status, contentType: "application/json", body: .json(body))
    }

    /// A JSON answer whose body is an object with a key.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - key: The key the object must have.
    /// - Returns: The expected answer.
    public static func jsonWithKey(_ status: Int, _ key: String) -> ExpectedResponse {
        ExpectedResponse(status: status, contentType: "application/json", body: .jsonWithKey(key))
    }

    /// A `text/plain` answer with exactly this body.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - body: The text.
    /// - Returns: The expected answer.
    public static func text(_ status: Int, _ body: String) -> ExpectedResponse {
        ExpectedResponse(status: status, contentType: "text/plain", body: .text(body))
    }

    /// An answer with only its status fixed.
    ///
    /// - Parameter status: The status code.
    /// - Returns: The expected answer.
    public static func status(_ status: Int) -> ExpectedResponse {
        ExpectedResponse(status: status, contentType: nil, body: .unspecified)
    }

    /// The answer in one line, such as `403 application/json {"message":"Invalid credential sync secret"}`.
    public var description: String {
        var parts = [String(status)]
        if let contentType {
            parts.append(contentType)
        }
        switch body {
        case .json(let text): parts.append(text)
        case .jsonWithKey(let key): parts.append("{\"\(key)\":…}")
        case .text(let text): parts.append("\"\(text)\"")
        case .unspecified: break
        }
        return parts.joined(separator: " ")
    }
}
