import Testing

@testable import CredsyncWire

@Suite("Response parser")
struct ResponseParserTests {
    /// Parses in two pieces split at `split`, then finishes as if the connection closed.
    static func parse(_ text: String, method: String = "GET", splitAt split: Int? = nil)
        -> Result<[HTTPResponse], HTTPParseError>
    {
        let bytes = Array(text.utf8)
        let split = split ?? bytes.count
        var parser = HTTPResponseParser(requestMethod: method)
        var responses: [HTTPResponse] = []
        do {
            for piece in [bytes[..<split], bytes[split...]] {
                parser.append(Array(piece))
                while let response = try parser.next() {
                    responses.append(response)
                }
            }
            if let last = try parser.finish() {
                responses.append(last)
            }
            return .success(responses)
        } catch {
            return .failure(error)
        }
    }

    static let messages: [(text: String, method: String, bodies: [String])] = [
        ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "GET", ["hello"]),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", "GET", ["abc"]),
        ("HTTP/1.0 200 OK\r\n\r\nuntil the end", "GET", ["until the end"]),
        ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", "POST", ["", "ok"]),
        ("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", "HEAD", [""]),
        ("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\n", "GET", ["", ""]),
        ("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", "GET", [""]),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nraw to close", "GET", ["raw to close"]),
    ]

    @Test("same result at every split point", arguments: messages)
    func everySplit(_ text: String, _ method: String, _ bodies: [String]) throws {
        let whole = try Self.parse(text, method: method).get()
        #expect(whole.map(\.bodyText) == bodies)
        for split in 0...text.utf8.count {
            #expect(try Self.parse(text, method: method, splitAt: split).get() == whole, "split at \(split)")
        }
    }

    static let failures: [(text: String, code: HTTPParseError.Code)] = [
        ("garbage\r\n\r\n", .invalidStartLine),
        ("HTTP/1.1 2000 OK\r\n\r\n", .invalidStartLine),
        ("HTTP/1.1 200OK\r\n\r\n", .invalidStartLine),
        ("HTTP/2.0 200 OK\r\n\r\n", .unsupportedVersion),
        ("HTTP/1.1 200 OK\nContent-Length: 0\n\n", .invalidLineEnding),
        ("HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n", .invalidContentLength),
        ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", .incompleteMessage),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", .incompleteMessage),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nx\r\n", .invalidChunk),
        ("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", .invalidHeader),
        ("HTTP/1.1 200 OK\r\nContent-Le", .incompleteMessage),
    ]

    @Test("malformed responses", arguments: failures)
    func malformed(_ text: String, _ code: HTTPParseError.Code) {
        for split in 0...text.utf8.count {
            guard case .failure(let error) = Self.parse(text, splitAt: split) else {
                Issue.record("accepted when split at \(split)")
                return
            }
            #expect(error.code == code, "split at \(split): \(error)")
        }
    }

    @Test("limits on the head and the body")
    func limits() {
        var parser = HTTPResponseParser(limits: HTTPParserLimits(maxHeaderBytes: 100, maxBodyBytes: 10))
        parser.append(Array(("HTTP/1.1 200 OK\r\nA: " + String(repeating: "a", count: 200)).utf8))
        #expect(throws: HTTPParseError(.headersTooLarge)) { try parser.next() }

        parser = HTTPResponseParser(limits: HTTPParserLimits(maxHeaderBytes: 100, maxBodyBytes: 10))
        parser.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n".utf8))
        #expect(throws: HTTPParseError(.bodyTooLarge)) { try parser.next() }

        parser = HTTPResponseParser(limits: HTTPParserLimits(maxHeaderBytes: 100, maxBodyBytes: 10))
        parser.append(Array("HTTP/1.1 200 OK\r\n\r\n0123456789abc".utf8))
        #expect(throws: HTTPParseError(.bodyTooLarge)) { try parser.next() }
    }
}
