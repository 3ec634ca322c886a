import Testing

@testable import CredsyncWire

@Suite("Request parser")
struct RequestParserTests {
    /// Parses `bytes` fed in two pieces split at `split`, draining requests after each piece.
    static func parse(_ bytes: [UInt8], splitAt split: Int, limits: HTTPParserLimits = HTTPParserLimits())
        -> Result<[HTTPRequest], HTTPParseError>
    {
        var parser = HTTPRequestParser(limits: limits)
        var requests: [HTTPRequest] = []
        do {
            for piece in [bytes[..<split], bytes[split...]] {
                parser.append(Array(piece))
                while let request = try parser.next() {
                    requests.append(request)
                }
            }
            return .success(requests)
        } catch {
            return .failure(error)
        }
    }

    static let messages: [String] = [
        "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "POST /p?q=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nX-Empty:\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n1\r\n!\r\n0\r\nT: v\r\n\r\n",
        "\r\nGET /after-empty-line HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.0\r\n\r\nPUT /3 HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx",
        "OPTIONS * HTTP/1.1\r\nhost:\t a \t\r\nA: \u{80}obs-text\r\n\r\n",
    ]

    @Test("same result at every split point", arguments: messages)
    func everySplit(_ message: String) throws {
        let bytes = Array(message.utf8)
        let whole = try Self.parse(bytes, splitAt: bytes.count).get()
        #expect(!whole.isEmpty)
        for split in 0...bytes.count {
            #expect(try Self.parse(bytes, splitAt: split).get() == whole, "split at \(split)")
        }
    }

    @Test("byte by byte")
    func byteByByte() throws {
        let bytes = Array(Self.messages[2].utf8)
        var parser = HTTPRequestParser()
        var requests: [HTTPRequest] = []
        for byte in bytes {
            parser.append([byte])
            if let request = try parser.next() {
                requests.append(request)
            }
        }
        #expect(requests.count == 1)
        #expect(requests.first?.bodyText == "hello!")
        #expect(requests.first?.trailers["t"] == "v")
        #expect(!parser.hasPartialRequest)
    }

    @Test("parts of a request")
    func parts() throws {
        let requests = try Self.parse(Array(Self.messages[4].utf8), splitAt: 0).get()
        #expect(requests.map(\.target) == ["/1", "/2", "/3"])
        #expect(requests.map(\.version) == [.http11, .http10, .http11])
        #expect(requests[1].keepsAlive == false)
        #expect(requests[2].bodyText == "x")

        let options = try Self.parse(Array(Self.messages[5].utf8), splitAt: 0).get()[0]
        #expect(options.target == "*")
        #expect(options.headers["HOST"] == "a")
        #expect(options.headers.fields[0].name == "host")
    }

    @Test("the same error at every split point", arguments: MalformedRequestTests.cases.filter { $0.status != 408 })
    func errorsEverywhere(_ name: String, _ request: String, _ status: Int) {
        let bytes = Array(request.utf8)
        let limits = MalformedRequestTests.limits.parser
        for split in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 50)) {
            guard case .failure(let error) = Self.parse(bytes, splitAt: split, limits: limits) else {
                Issue.record("\(name): accepted when split at \(split)")
                return
            }
            #expect(error.status == status, "\(name) split at \(split): \(error)")
        }
    }

    @Test("an error sticks")
    func errorSticks() {
        var parser = HTTPRequestParser()
        parser.append(Array("BAD\r\n".utf8))
        #expect(throws: HTTPParseError(.invalidStartLine)) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError(.invalidStartLine)) { try parser.next() }
    }

    @Test("identical Content-Length values are accepted")
    func identicalLengths() throws {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok"
        let requests = try Self.parse(Array(text.utf8), splitAt: 0).get()
        #expect(requests.first?.bodyText == "ok")
    }

    @Test("state while a request arrives")
    func state() throws {
        var parser = HTTPRequestParser()
        #expect(!parser.hasPartialRequest)
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.hasPartialRequest && !parser.isReadingBody && !parser.expectsContinue)
        parser.append(Array("\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.isReadingBody && parser.expectsContinue)
        parser.append(Array("ok".utf8))
        #expect(try parser.next()?.bodyText == "ok")
        #expect(!parser.hasPartialRequest)
    }
}
