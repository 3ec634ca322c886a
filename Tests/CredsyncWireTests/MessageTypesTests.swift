import Testing

@testable import CredsyncWire

@Suite("Headers, URLs, transcripts and redaction")
struct MessageTypesTests {
    @Test("headers keep order, case and duplicates; lookups ignore case")
    func headers() {
        var headers: HTTPHeaders = ["Set-Cookie": "a=1", "X-Thing": "x", "set-cookie": "b=2"]
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(headers.fields.map(\.name) == ["Set-Cookie", "X-Thing", "set-cookie"])
        headers.replaceOrAdd(name: "SET-cookie", value: "c=3")
        #expect(headers.fields.map(\.name) == ["SET-cookie", "X-Thing"])
        headers.remove(name: "x-thing")
        headers.add(name: "Connection", value: "keep-alive, Upgrade")
        #expect(headers.containsToken("upgrade", in: "connection"))
        #expect(!headers.containsToken("close", in: "connection"))
        #expect(headers.count == 2)
    }

    static let urls: [(String, String?, String?, Int?, String?)] = [
        ("http://127.0.0.1:8080/a?b", "http", "127.0.0.1", 8080, "/a?b"),
        ("https://example.com", "https", "example.com", 443, "/"),
        ("HTTP://Example.com?x=1#frag", "http", "Example.com", 80, "/?x=1"),
        ("http://[::1]:9/", "http", "::1", 9, "/"),
        ("http://user:pw@example.com/", nil, nil, nil, nil),
        ("ftp://example.com/", nil, nil, nil, nil),
        ("http://example.com:0/", nil, nil, nil, nil),
        ("http://example.com:99999/", nil, nil, nil, nil),
        ("http://exa mple.com/", nil, nil, nil, nil),
        ("http:///path", nil, nil, nil, nil),
        ("http://[::1/", nil, nil, nil, nil),
    ]

    @Test("URL parsing", arguments: urls)
    func url(_ text: String, _ scheme: String?, _ host: String?, _ port: Int?, _ target: String?) {
        let url = HTTPURL(text)
        #expect(url?.scheme == scheme)
        #expect(url?.host == host)
        #expect(url?.port == port)
        #expect(url?.target == target)
    }

    @Test("Host field values")
    func authority() throws {
        #expect(try #require(HTTPURL("http://[::1]:80/")).authority == "[::1]")
        #expect(try #require(HTTPURL("https://a.example:8443/")).authority == "a.example:8443")
    }

    @Test("redaction of headers, JSON and form fields")
    func redaction() {
        let request = Array(
            ("POST /token HTTP/1.1\r\nHost: a\r\nauthorization: Bearer abc\r\nContent-Type: application/json\r\n"
                + "Content-Length: 84\r\n\r\n"
                + #"{"client_secret": "s3cret", "nested": {"password": [1, {"x": 2}]}, "keep": "visible"}"#).utf8
        )
        let redaction = Redaction.standard.adding(bodyFields: ["client_secret", "password", "code"])
        let text = String(decoding: redaction.apply(to: request), as: UTF8.self)
        #expect(text.contains("authorization: [redacted]\r\n"))
        #expect(text.contains(#""client_secret": "[redacted]""#))
        #expect(text.contains(#""password": "[redacted]"}"#))
        #expect(text.contains(#""keep": "visible""#))
        #expect(!text.contains("abc") && !text.contains("s3cret"))

        let form = Array(
            ("POST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
                + "grant_type=authorization_code&code=xyz&c%6Fde=also&state=ok").utf8
        )
        let formText = String(decoding: redaction.apply(to: form), as: UTF8.self)
        #expect(formText.hasSuffix("grant_type=authorization_code&code=[redacted]&c%6Fde=[redacted]&state=ok"))

        let response = Array("HTTP/1.1 200 OK\r\nSet-Cookie: session=1\r\nContent-Length: 2\r\n\r\nok".utf8)
        #expect(
            String(decoding: Redaction.standard.apply(to: response), as: UTF8.self).contains("Set-Cookie: [redacted]")
        )
        #expect(Redaction.none.apply(to: request) == request)
    }

    @Test("transcript text shows every byte")
    func transcript() {
        let transcript = Transcript(sent: Array("GET / HTTP/1.1\r\n\r\n".utf8), received: [0x48, 0x00, 0xFF, 0x0A])
        #expect(transcript.description == "> GET / HTTP/1.1\\r\\n\n> \\r\\n\n< H\\x00\\xFF\\n\n")
    }

    @Test("deadlines")
    func deadlines() {
        let start = Deadline.now
        #expect(start.advanced(by: .milliseconds(1)) > start)
        #expect(start.advanced(by: .seconds(-5)) == start)
        #expect(start.advanced(by: .seconds(Int64.max)) == .distantFuture)
        #expect(!Deadline.distantFuture.hasPassed)
        #expect(Deadline.after(.milliseconds(250)).remaining <= .milliseconds(250))
        #expect(start.duration(since: start.advanced(by: .seconds(1))) == .zero)
    }

    @Test("server error statuses of parse errors")
    func statuses() {
        #expect(HTTPParseError(.startLineTooLong).status == 414)
        #expect(HTTPParseError(.headersTooLarge).status == 431)
        #expect(HTTPParseError(.bodyTooLarge).status == 413)
        #expect(HTTPParseError(.unsupportedVersion).status == 505)
        #expect(HTTPParseError(.unsupportedTransferEncoding).status == 501)
        #expect(HTTPParseError(.invalidChunk).status == 400)
    }
}
