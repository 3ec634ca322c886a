/// The call Cal.com makes to the platform's `CALCOM_CREDENTIAL_SYNC_ENDPOINT` when a token needs refreshing.
///
/// On the wire it is `POST <endpoint>` with the form body `calcomUserId=<decimal>&appSlug=<slug>`, encoded by
/// `URLSearchParams`, so fetch sets `content-type: application/x-www-form-urlencoded;charset=UTF-8`. The current
/// edition adds the secret header; the legacy edition (PR #11059's `refreshOAuthTokens`, which the docs describe)
/// sends no secret at all.
public struct RefreshRequest: Sendable, Hashable {
    /// The content type fetch sets for a `URLSearchParams` body.
    public static let contentType = "application/x-www-form-urlencoded;charset=UTF-8"

    /// The header fields Node 20's fetch adds by itself, in the order it writes them after the caller's.
    public static let fetchDefaultFields: [HTTPRequestMessage.Field] = [
        .init("accept", "*/*"), .init("accept-language", "*"), .init("sec-fetch-mode", "cors"),
        .init("user-agent", "node"), .init("accept-encoding", "gzip, deflate"),
    ]

    /// The Cal.com user id the token is for.
    public var calcomUserId: Int

    /// The app's metadata slug, such as `google-calendar`.
    public var appSlug: String

    /// Makes a refresh request.
    ///
    /// - Parameters:
    ///   - calcomUserId: The Cal.com user id.
    ///   - appSlug: The app's slug.
    public init(calcomUserId: Int, appSlug: String) {
        self.calcomUserId = calcomUserId
        self.appSlug = appSlug
    }

    /// The body exactly as `URLSearchParams` writes it.
    public var formBody: String {
        FormEncoding.encode([("calcomUserId", String(calcomUserId)), ("appSlug", appSlug)])
    }

    /// The request as Cal.com sends it.
    ///
    /// - Parameters:
    ///   - edition: The edition Cal.com speaks; only the current one sends the secret.
    ///   - target: The request target, the endpoint's path and query as configured.
    ///   - headerName: The configured header name, or `nil` for the edition's default.
    ///   - secret: The shared secret.
    ///   - includeFetchDefaults: Whether to add the fields fetch adds by itself and `content-length`.
    /// - Returns: The request; `host` and `connection` are left to the transport.
    public func message(
        edition: Edition,
        target: String,
        headerName: String? = nil,
        secret: String,
        includeFetchDefaults: Bool = false
    ) -> HTTPRequestMessage {
        let body = Array(formBody.utf8)
        var fields: [HTTPRequestMessage.Field] = []
        if edition == .current {
            fields.append(.init(headerName.flatMap { $0.isEmpty ? nil : $0 } ?? edition.defaultHeaderName, secret))
        }
        fields.append(.init("content-type", Self.contentType))
        if includeFetchDefaults {
            fields += Self.fetchDefaultFields + [.init("content-length", String(body.count))]
        }
        return HTTPRequestMessage(method: "POST", target: target, fields: fields, body: body)
    }

    /// Reads a refresh call as a lenient endpoint would: a form body with a decimal `calcomUserId` and an
    /// `appSlug`.
    ///
    /// - Parameter request: The call.
    /// - Returns: The request, or `nil` when the body does not carry both fields in that form.
    public static func parse(_ request: HTTPRequestMessage) -> RefreshRequest? {
        let pairs = FormEncoding.decode(request.bodyText)
        guard let idText = pairs.first(where: { $0.0 == "calcomUserId" })?.1, isDecimal(idText),
            let id = Int(idText), let slug = pairs.first(where: { $0.0 == "appSlug" })?.1
        else {
            return nil
        }
        return RefreshRequest(calcomUserId: id, appSlug: slug)
    }

    /// Whether text is a positive decimal integer with no sign, no leading zero and no other character.
    static func isDecimal(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "0"), text.utf8.count <= 18 else {
            return false
        }
        return text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
