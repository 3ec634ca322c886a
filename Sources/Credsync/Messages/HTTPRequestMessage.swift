/// An HTTP request as credsync models it: method, target, header fields in arrival order, and body bytes.
///
/// Header values are text as the receiving server holds them; a server reading the wire decodes them as latin1,
/// as Node does.
public struct HTTPRequestMessage: Sendable, Hashable {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The name as sent.
        public var name: String
        /// The value as sent.
        public var value: String

        /// Makes a field.
        ///
        /// - Parameters:
        ///   - name: The name as sent.
        ///   - value: The value as sent.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The method, such as `POST`.
    public var method: String

    /// The request target, such as `/api/webhook/app-credential`.
    public var target: String

    /// The header fields, in order; a name may repeat.
    public var fields: [Field]

    /// The body bytes.
    public var body: [UInt8]

    /// Makes a request.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - target: The request target.
    ///   - fields: The header fields, in order.
    ///   - body: The body bytes.
    public init(method: String, target: String, fields: [Field] = [], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.fields = fields
        self.body = body
    }

    /// The value a server sees for a header, found and combined as the given lookup does.
    ///
    /// - Parameters:
    ///   - name: The configured name.
    ///   - lookup: How the server finds it.
    /// - Returns: The value, or `nil` when the header is absent (or, for the pages router, the name can never
    ///   match).
    public func value(of name: String, lookup: HeaderLookup = .caseInsensitive) -> String? {
        lookup.value(of: name, in: fields)
    }

    /// The media type of the first `Content-Type` field, lowercased and without parameters, or `nil` when absent.
    ///
    /// Node keeps only the first of repeated `Content-Type` fields.
    public var mediaType: String? {
        guard let value = fields.first(where: { $0.name.lowercased() == "content-type" })?.value else {
            return nil
        }
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingHTTPWhitespace().lowercased()
    }

    /// The body as text, decoded as UTF-8 with a leading byte order mark removed and bad bytes replaced.
    public var bodyText: String {
        let bytes = body.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(body.dropFirst(3)) : body
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// How a server finds a header by the name it was configured with.
public enum HeaderLookup: String, Sendable, Hashable, CaseIterable, Codable {
    /// Next's pages router reads `req.headers[name]`. Node lowercases incoming names, so a configured name with
    /// an uppercase letter never matches; repeated fields are joined with `", "`; values are trimmed.
    case lowercaseOnly

    /// Next's App Router reads `request.headers.get(name)`: the name matches in any case; repeated fields are
    /// joined with `", "`; values are trimmed.
    case caseInsensitive

    /// The value found for a configured name.
    ///
    /// - Parameters:
    ///   - name: The configured name.
    ///   - fields: The request's header fields.
    /// - Returns: The combined, trimmed value, or `nil`.
    public func value(of name: String, in fields: [HTTPRequestMessage.Field]) -> String? {
        if self == .lowercaseOnly && name != name.lowercased() {
            return nil
        }
        let wanted = name.lowercased()
        let values = fields.filter { $0.name.lowercased() == wanted }.map { $0.value.trimmingHTTPWhitespace() }
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// Whether a string is a valid HTTP field name (an RFC 9110 token); the App Router's `Headers.get` throws a
    /// `TypeError` for any other.
    ///
    /// - Parameter name: The name.
    /// - Returns: Whether it is a token.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9": true
                case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~": true
                default: false
                }
            }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs, as HTTP parsers trim field values.
    func trimmingHTTPWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start] == " " || scalars[start] == "\t" {
            start += 1
        }
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" {
            end -= 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
