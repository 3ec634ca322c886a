// libFuzzer entry point for the HTTP/1.1 request and response parsers and the transcript redactor.
//
// Built by run.sh with `swiftc -sanitize=fuzzer,address -parse-as-library` together with the parser sources of
// CredsyncWire; no SwiftPM. The first input byte picks the target, the second where the rest is split in two. Besides
// crashes, overflow traps and memory errors, it checks one property: parsing the bytes whole or split in two pieces
// gives the same messages or the same error.

// The differential property: parsing whole or in two pieces must agree.
struct Outcome: Equatable {
    var requests: [HTTPRequest] = []
    var responses: [HTTPResponse] = []
    var error: HTTPParseError.Code?
}

func parseRequests(_ pieces: [ArraySlice<UInt8>]) -> Outcome {
    var parser = HTTPRequestParser(limits: HTTPParserLimits(maxStartLineBytes: 256, maxHeaderBytes: 1_024))
    var outcome = Outcome()
    do {
        for piece in pieces {
            parser.append(Array(piece))
            while let request = try parser.next() {
                outcome.requests.append(request)
            }
        }
    } catch {
        outcome.error = error.code
    }
    return outcome
}

func parseResponses(_ pieces: [ArraySlice<UInt8>], method: String) -> Outcome {
    var parser = HTTPResponseParser(
        requestMethod: method,
        limits: HTTPParserLimits(maxStartLineBytes: 256, maxHeaderBytes: 1_024)
    )
    var outcome = Outcome()
    do {
        for piece in pieces {
            piece.withUnsafeBytes { parser.append($0) }
            while let response = try parser.next() {
                outcome.responses.append(response)
            }
        }
        if let last = try parser.finish() {
            outcome.responses.append(last)
        }
    } catch {
        outcome.error = error.code
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count >= 2 else {
        return 0
    }
    let input = Array(UnsafeRawBufferPointer(start: start, count: count))
    let mode = input[0] % 4
    let data = input[2...]
    let split = data.startIndex + Int(input[1]) % (data.count + 1)
    let pieces = [data[..<split], data[split...]]

    switch mode {
    case 0:
        let whole = parseRequests([data])
        precondition(parseRequests(pieces) == whole, "request parse differs when split")
    case 1, 2:
        let method = mode == 1 ? "GET" : "HEAD"
        let whole = parseResponses([data], method: method)
        precondition(parseResponses(pieces, method: method) == whole, "response parse differs when split")
    default:
        let redaction = Redaction.standard.adding(bodyFields: ["password", "code", "client_secret"])
        _ = redaction.apply(to: Array(data))
    }
    return 0
}
