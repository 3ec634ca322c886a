/// The part the request and response parsers share: buffering, lines, header fields and body framing.
///
/// Pure and incremental: bytes go in with ``append(_:)``; each parse step consumes whole lines or body bytes and
/// returns `nil`/`false` when it needs more input. Nothing here does I/O.
struct HTTPParserCore: Sendable {
    /// How the body of the current message is delimited.
    enum Framing: Sendable, Equatable {
        case none
        case length(Int)
        case chunked
        case untilClose
    }

    private enum BodyState: Sendable, Equatable {
        case fixed(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case untilClose
        case done
    }

    let limits: HTTPParserLimits
    private(set) var buffer: [UInt8] = []
    private(set) var position = 0
    /// How many bytes after `position` were already searched for LF.
    private var scanned = 0
    private var bodyState: BodyState?

    var headers = HTTPHeaders()
    /// Each header field's value as received, surrounding white space kept, in the order of `headers`.
    var rawHeaderValues: [String] = []
    var trailers = HTTPHeaders()
    var body: [UInt8] = []
    private var headerBytes = 0
    private var trailerBytes = 0

    init(limits: HTTPParserLimits) {
        self.limits = limits
    }

    /// Whether bytes wait that are not part of a finished message.
    var hasBufferedBytes: Bool {
        position < buffer.count
    }

    /// Whether the head is parsed and the body is being read.
    var isReadingBody: Bool {
        bodyState != nil
    }

    /// Whether the body is delimited by the end of the stream.
    var readsUntilClose: Bool {
        bodyState == .untilClose
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    private mutating func compact() {
        if position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        } else if position >= 16_384 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
    }

    /// Forgets the finished message, keeping any bytes of the next.
    mutating func reset() {
        headers = HTTPHeaders()
        rawHeaderValues = []
        trailers = HTTPHeaders()
        body = []
        headerBytes = 0
        trailerBytes = 0
        bodyState = nil
    }

    // MARK: - Lines

    /// The next line without its CRLF, or `nil` when no full line is buffered.
    ///
    /// - Throws: `invalidLineEnding` for a bare LF or CR; `tooLong` when the line exceeds `limit` bytes.
    mutating func nextLine(limit: Int, tooLong: HTTPParseError.Code) throws(HTTPParseError) -> Range<Int>? {
        let start = position
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            var index = start + scanned
            let end = min(bytes.count, start + limit + 2)
            while index < end {
                if bytes[index] == 0x0A {
                    return index
                }
                index += 1
            }
            return nil
        }

        guard let lineFeed = found else {
            scanned = buffer.count - start
            if scanned > limit + 1 {
                throw HTTPParseError(tooLong, reason: "more than \(limit) bytes")
            }
            return nil
        }

        guard lineFeed > start, buffer[lineFeed - 1] == 0x0D else {
            throw HTTPParseError(.invalidLineEnding, reason: "bare LF")
        }
        let end = lineFeed - 1
        if end - start > limit {
            throw HTTPParseError(tooLong, reason: "more than \(limit) bytes")
        }
        if buffer[start..<end].contains(0x0D) {
            throw HTTPParseError(.invalidLineEnding, reason: "bare CR")
        }
        position = lineFeed + 1
        scanned = 0
        return start..<end
    }

    func string(_ range: Range<Int>) -> String {
        buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        buffer[range]
    }

    // MARK: - Header fields

    /// Reads field lines up to the blank line that ends the head.
    ///
    /// - Returns: `true` once the blank line is consumed.
    mutating func readHeaders() throws(HTTPParseError) -> Bool {
        while true {
            let remaining = limits.maxHeaderBytes - headerBytes
            guard let line = try nextLine(limit: max(0, remaining - 2), tooLong: .headersTooLarge) else {
                return false
            }
            headerBytes += line.count + 2
            if line.isEmpty {
                return true
            }
            if headers.count >= limits.maxHeaderCount {
                throw HTTPParseError(.headersTooLarge, reason: "more than \(limits.maxHeaderCount) fields")
            }
            let parsed = try field(line)
            headers.add(parsed.field)
            rawHeaderValues.append(parsed.raw)
        }
    }

    /// A field line: the field with its value trimmed, and the value as received.
    private func field(_ line: Range<Int>) throws(HTTPParseError) -> (field: HTTPHeaders.Field, raw: String) {
        let first = buffer[line.lowerBound]
        if first == 0x20 || first == 0x09 {
            throw HTTPParseError(.invalidHeader, reason: "folded or indented field line")
        }
        guard let colon = buffer[line].firstIndex(of: 0x3A) else {
            throw HTTPParseError(.invalidHeader, reason: "no colon")
        }
        guard colon > line.lowerBound, buffer[line.lowerBound..<colon].allSatisfy({ HTTPSyntax.isTokenByte($0) }) else {
            throw HTTPParseError(.invalidHeader, reason: "invalid field name")
        }

        var valueStart = colon + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd && HTTPSyntax.isWhitespace(buffer[valueStart]) {
            valueStart += 1
        }
        while valueEnd > valueStart && HTTPSyntax.isWhitespace(buffer[valueEnd - 1]) {
            valueEnd -= 1
        }
        guard buffer[valueStart..<valueEnd].allSatisfy({ HTTPSyntax.isFieldValueByte($0) }) else {
            throw HTTPParseError(.invalidHeader, reason: "control character in field value")
        }
        let field = HTTPHeaders.Field(name: string(line.lowerBound..<colon), value: string(valueStart..<valueEnd))
        return (field, string((colon + 1)..<line.upperBound))
    }

    // MARK: - Framing

    /// The body length all Content-Length lines agree on, or `nil` when there is none.
    func contentLength() throws(HTTPParseError) -> Int? {
        let values = headers.values(for: "Content-Length")
        guard !values.isEmpty else {
            return nil
        }
        var length: Int?
        for value in values {
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = item.trimmingASCIIWhitespace()
                guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw HTTPParseError(.invalidContentLength, reason: "not a decimal number: \(value)")
                }
                guard digits.utf8.count <= 18, let parsed = Int(digits) else {
                    throw HTTPParseError(.invalidContentLength, reason: "too many digits")
                }
                if let length, length != parsed {
                    throw HTTPParseError(.invalidContentLength, reason: "differing values")
                }
                length = parsed
            }
        }
        return length
    }

    /// Whether a Transfer-Encoding field is present, and if so whether its final coding is `chunked` alone.
    func transferEncoding() -> (present: Bool, chunkedOnly: Bool, chunkedLast: Bool) {
        let codings = headers.values(for: "Transfer-Encoding")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIIWhitespace().lowercased() }
        guard !codings.isEmpty || headers.contains("Transfer-Encoding") else {
            return (false, false, false)
        }
        let chunkedLast = codings.last == "chunked"
        return (true, chunkedLast && codings.count == 1, chunkedLast)
    }

    mutating func beginBody(_ framing: Framing) throws(HTTPParseError) {
        switch framing {
        case .none:
            bodyState = .done
        case .length(let length):
            if length > limits.maxBodyBytes {
                throw HTTPParseError(.bodyTooLarge, reason: "Content-Length \(length) over \(limits.maxBodyBytes)")
            }
            body.reserveCapacity(length)
            bodyState = length == 0 ? .done : .fixed(remaining: length)
        case .chunked:
            bodyState = .chunkSize
        case .untilClose:
            bodyState = .untilClose
        }
    }

    // MARK: - Body

    /// Consumes body bytes.
    ///
    /// - Returns: `true` once the body (and any trailers) is complete.
    mutating func readBody() throws(HTTPParseError) -> Bool {
        while true {
            switch bodyState {
            case nil, .done?:
                return true

            case .fixed(let remaining)?:
                let count = min(remaining, buffer.count - position)
                takeBody(count)
                if count == remaining {
                    bodyState = .done
                    return true
                }
                bodyState = .fixed(remaining: remaining - count)
                return false

            case .untilClose?:
                let count = buffer.count - position
                if body.count + count > limits.maxBodyBytes {
                    throw HTTPParseError(.bodyTooLarge, reason: "more than \(limits.maxBodyBytes) bytes")
                }
                takeBody(count)
                return false

            case .chunkSize?:
                guard let line = try nextLine(limit: 4_096, tooLong: .invalidChunk) else {
                    return false
                }
                let size = try chunkSize(line)
                if size == 0 {
                    bodyState = .trailers
                } else {
                    if body.count + size > limits.maxBodyBytes {
                        throw HTTPParseError(.bodyTooLarge, reason: "more than \(limits.maxBodyBytes) bytes")
                    }
                    bodyState = .chunkData(remaining: size)
                }

            case .chunkData(let remaining)?:
                let count = min(remaining, buffer.count - position)
                takeBody(count)
                if count < remaining {
                    bodyState = .chunkData(remaining: remaining - count)
                    return false
                }
                bodyState = .chunkDataEnd

            case .chunkDataEnd?:
                guard buffer.count - position >= 2 else {
                    if position < buffer.count && buffer[position] != 0x0D {
                        throw HTTPParseError(.invalidChunk, reason: "chunk data longer than its size")
                    }
                    return false
                }
                guard buffer[position] == 0x0D && buffer[position + 1] == 0x0A else {
                    throw HTTPParseError(.invalidChunk, reason: "chunk data not followed by CRLF")
                }
                position += 2
                bodyState = .chunkSize

            case .trailers?:
                let remaining = limits.maxHeaderBytes - headerBytes - trailerBytes
                guard let line = try nextLine(limit: max(0, remaining - 2), tooLong: .headersTooLarge) else {
                    return false
                }
                trailerBytes += line.count + 2
                if line.isEmpty {
                    bodyState = .done
                    return true
                }
                if headers.count + trailers.count >= limits.maxHeaderCount {
                    throw HTTPParseError(.headersTooLarge, reason: "more than \(limits.maxHeaderCount) fields")
                }
                trailers.add(try field(line).field)
            }
        }
    }

    private mutating func takeBody(_ count: Int) {
        guard count > 0 else {
            return
        }
        body.append(contentsOf: buffer[position..<(position + count)])
        position += count
    }

    private func chunkSize(_ line: Range<Int>) throws(HTTPParseError) -> Int {
        var index = line.lowerBound
        var size = 0
        var digits = 0
        while index < line.upperBound, let value = HTTPSyntax.hexValue(buffer[index]) {
            digits += 1
            if digits > 15 {
                throw HTTPParseError(.invalidChunk, reason: "chunk size too large")
            }
            size = size * 16 + value
            index += 1
        }
        guard digits > 0 else {
            throw HTTPParseError(.invalidChunk, reason: "no chunk size")
        }
        while index < line.upperBound && HTTPSyntax.isWhitespace(buffer[index]) {
            index += 1
        }
        if index < line.upperBound {
            guard buffer[index] == 0x3B,
                buffer[(index + 1)..<line.upperBound].allSatisfy({ HTTPSyntax.isFieldValueByte($0) })
            else {
                throw HTTPParseError(.invalidChunk, reason: "invalid chunk size or extension")
            }
        }
        return size
    }
}

extension HTTPHeaders {
    mutating func add(_ field: Field) {
        add(name: field.name, value: field.value)
    }
}
