import Testing

@testable import CredsyncWire

@Suite("Request parser: raw header values")
struct RawHeaderValueTests {
    @Test("headers are trimmed; the raw values keep the white space around them, one per field, reset per request")
    func rawValues() throws {
        var parser = HTTPRequestParser()
        parser.append(
            Array(
                ("GET /1 HTTP/1.1\r\nHost: a\r\nX-Secret:  s e \t\r\nX-Empty:\r\nX-Tab:\tv\r\n\r\n"
                    + "GET /2 HTTP/1.1\r\nHost:b\r\n\r\n").utf8
            )
        )
        let first = try #require(try parser.next())
        #expect(first.headers.fields.map(\.value) == ["a", "s e", "", "v"])
        #expect(first.rawHeaderValues == [" a", "  s e \t", "", "\tv"])
        let second = try #require(try parser.next())
        #expect(second.rawHeaderValues == ["b"])
        #expect(HTTPRequest(method: "GET", target: "/").rawHeaderValues.isEmpty)
    }
}
