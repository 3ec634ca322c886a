/// What a client sends: a request built from parts, or raw bytes.
public struct HTTPClientRequest: Sendable {
    /// Which header fields the client adds.
    public enum Framing: Sendable, Hashable {
        /// Adds `Host` when absent, and `Content-Length` when absent, when there is no `Transfer-Encoding` and the
        /// body is not empty or the method is POST, PUT or PATCH.
        case automatic
        /// Sends the headers exactly as given, none added, in order and case as given; the body follows as given.
        case exact
    }

    /// Where to connect, and the target when ``target`` is `nil`.
    public var url: HTTPURL

    /// The method, sent as given.
    public var method: String

    /// The request target to send instead of the URL's, such as `*` or an absolute form.
    public var target: String?

    /// The header fields.
    public var headers: HTTPHeaders

    /// The body bytes, sent as given (no chunked encoding added).
    public var body: [UInt8]

    /// Which fields the client adds.
    public var framing: Framing

    /// When set, these bytes are sent instead of anything built from the other properties.
    public var rawBytes: [UInt8]?

    /// Timeouts for this request, instead of the client's.
    public var timeouts: HTTPTimeouts?

    /// Makes a request to a URL.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - url: An `http` or `https` URL.
    ///   - headers: The header fields.
    ///   - body: The body.
    ///   - framing: Which fields to add.
    /// - Throws: ``HTTPClientError`` with code `invalidRequest` when the URL does not parse.
    public init(
        method: String = "GET",
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        framing: Framing = .automatic
    ) throws(HTTPClientError) {
        guard let parsed = HTTPURL(url) else {
            throw HTTPClientError(.invalidRequest, phase: .prepare, reason: "not an http or https URL")
        }
        self.init(method: method, url: parsed, headers: headers, body: body, framing: framing)
    }

    /// Makes a request to a parsed URL.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - url: The URL.
    ///   - headers: The header fields.
    ///   - body: The body.
    ///   - framing: Which fields to add.
    public init(
        method: String = "GET",
        url: HTTPURL,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        framing: Framing = .automatic
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.framing = framing
    }

    /// Makes a request that sends exactly these bytes, for hostile-input probes.
    ///
    /// - Parameters:
    ///   - bytes: Everything to send.
    ///   - url: Where to connect; its target is not used.
    ///   - method: The method the bytes use, so that a response to `HEAD` is read without a body.
    /// - Returns: The request.
    /// - Throws: ``HTTPClientError`` with code `invalidRequest` when the URL does not parse.
    public static func raw(_ bytes: [UInt8], url: String, method: String = "GET") throws(HTTPClientError) -> Self {
        var request = try HTTPClientRequest(method: method, url: url)
        request.rawBytes = bytes
        return request
    }

    /// The bytes that go on the wire.
    public var wireBytes: [UInt8] {
        if let rawBytes {
            return rawBytes
        }

        var headers = self.headers
        if framing == .automatic {
            if !headers.contains("Host") {
                headers = HTTPHeaders([HTTPHeaders.Field(name: "Host", value: url.authority)] + headers.fields)
            }
            let bodyMethod = ["POST", "PUT", "PATCH"].contains(method)
            if !headers.contains("Content-Length") && !headers.contains("Transfer-Encoding")
                && (!body.isEmpty || bodyMethod)
            {
                headers.add(name: "Content-Length", value: String(body.count))
            }
        }

        var output: [UInt8] = []
        output.reserveCapacity(128 + headers.count * 32 + body.count)
        output.append(contentsOf: "\(method) \(target ?? url.target) HTTP/1.1\r\n".utf8)
        for field in headers {
            output.append(contentsOf: "\(field.name): \(field.value)\r\n".utf8)
        }
        output.append(contentsOf: [0x0D, 0x0A])
        output.append(contentsOf: body)
        return output
    }
}
