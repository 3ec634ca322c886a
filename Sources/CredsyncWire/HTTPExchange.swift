/// Everything about one client exchange: the outcome, the bytes, the timing.
public struct HTTPExchange: Sendable {
    /// The final response, or why there is none.
    public let result: Result<HTTPResponse, HTTPClientError>

    /// Interim 1xx responses received before the final one, such as `100 Continue`.
    public let interimResponses: [HTTPResponse]

    /// The bytes sent and received, with the client's ``Redaction`` applied: safe to print.
    public let transcript: Transcript

    /// The bytes exactly as sent and received, secrets included: for checks, never for output.
    public let rawTranscript: Transcript

    /// When each phase ended.
    public let timing: HTTPTiming

    /// The address the client connected to, once connected.
    public let remoteAddress: SocketAddress?

    /// The negotiated TLS version, such as `TLSv1.3`, for https.
    public let tlsVersion: String?

    /// The final response.
    ///
    /// - Returns: The response.
    /// - Throws: The ``HTTPClientError`` of a failed exchange.
    public func response() throws(HTTPClientError) -> HTTPResponse {
        try result.get()
    }

    /// The error of a failed exchange, `nil` when a response came back.
    public var error: HTTPClientError? {
        if case .failure(let error) = result {
            return error
        }
        return nil
    }
}

/// How long after the start of an exchange each phase ended; `nil` for phases not reached.
public struct HTTPTiming: Hashable, Sendable {
    /// Name resolution done.
    public var resolved: Duration?
    /// TCP connected.
    public var connected: Duration?
    /// TLS handshake done.
    public var tlsHandshakeDone: Duration?
    /// Request written.
    public var sent: Duration?
    /// First response byte read.
    public var firstByte: Duration?
    /// The exchange ended, in success or failure.
    public var total: Duration = .zero
}
