/// Which secrets to hide in transcripts: header values by name, and fields of form and JSON bodies.
///
/// Works on raw HTTP/1.x byte streams: each message's header lines whose name matches (any case) get the value
/// `[redacted]`; in a body whose `Content-Type` mentions `json` (or that starts with `{` or `[`), the value of every
/// object member with a matching key, at any depth, becomes `"[redacted]"`; in an
/// `application/x-www-form-urlencoded` body, every matching field's value becomes `[redacted]`. Bodies are found by
/// `Content-Length`, else they run to the end of the bytes; chunked bodies are redacted chunk data and framing alike,
/// best effort. Lengths are not adjusted.
public struct Redaction: Hashable, Sendable {
    /// Header names whose values are hidden, any case.
    public var headerNames: Set<String>

    /// Form or JSON field names whose values are hidden, exact case.
    public var bodyFields: Set<String>

    /// Makes a redaction.
    ///
    /// - Parameters:
    ///   - headerNames: Header names to hide.
    ///   - bodyFields: Body field names to hide.
    public init(headerNames: Set<String>, bodyFields: Set<String> = []) {
        self.headerNames = Set(headerNames.map { $0.lowercased() })
        self.bodyFields = bodyFields
    }

    /// Hides `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie`.
    public static let standard = Redaction(headerNames: [
        "authorization", "proxy-authorization", "cookie", "set-cookie",
    ])

    /// Hides nothing.
    public static let none = Redaction(headerNames: [])

    /// The same redaction also hiding more header names and body fields.
    ///
    /// - Parameters:
    ///   - headers: More header names.
    ///   - bodyFields: More body field names.
    /// - Returns: The widened redaction.
    public func adding(headers: Set<String> = [], bodyFields: Set<String> = []) -> Redaction {
        Redaction(headerNames: headerNames.union(headers), bodyFields: self.bodyFields.union(bodyFields))
    }

    private static let marker = Array("[redacted]".utf8)

    /// Redacts a stream of HTTP messages.
    ///
    /// - Parameter bytes: Requests or responses as sent or received.
    /// - Returns: The redacted bytes.
    public func apply(to bytes: [UInt8]) -> [UInt8] {
        if headerNames.isEmpty && bodyFields.isEmpty {
            return bytes
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let headEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: index).map { $0 + 4 } ?? bytes.count
            let head = redactHead(bytes[index..<headEnd])
            output.append(contentsOf: head.bytes)
            index = headEnd

            let bodyEnd: Int
            if head.interim {
                bodyEnd = index
            } else if let length = head.contentLength {
                bodyEnd = index + min(max(0, length), bytes.count - index)
            } else {
                bodyEnd = bytes.count
            }
            output.append(contentsOf: redactBody(bytes[index..<bodyEnd], contentType: head.contentType))
            index = bodyEnd
        }
        return output
    }

    private func redactHead(
        _ head: ArraySlice<UInt8>
    ) -> (bytes: [UInt8], contentLength: Int?, contentType: String, interim: Bool) {
        var output: [UInt8] = []
        var contentLength: Int?
        var contentType = ""
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
        let interim = lines.first.map { $0.starts(with: Array("HTTP/1.1 1".utf8)) } ?? false

        for (number, line) in lines.enumerated() {
            if number > 0 {
                output.append(0x0A)
            }
            guard number > 0, let colon = line.firstIndex(of: 0x3A) else {
                output.append(contentsOf: line)
                continue
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: " \t\r")
            if name == "content-length" {
                contentLength = Int(value)
            } else if name == "content-type" {
                contentType = value.lowercased()
            }
            if headerNames.contains(name) {
                output.append(contentsOf: line[...colon])
                output.append(0x20)
                output.append(contentsOf: Self.marker)
                if line.last == 0x0D {
                    output.append(0x0D)
                }
            } else {
                output.append(contentsOf: line)
            }
        }
        return (output, contentLength, contentType, interim)
    }

    private func redactBody(_ body: ArraySlice<UInt8>, contentType: String) -> [UInt8] {
        guard !bodyFields.isEmpty, !body.isEmpty else {
            return Array(body)
        }
        let first = body.first { !HTTPSyntax.isWhitespace($0) && $0 != 0x0D && $0 != 0x0A }
        if contentType.contains("json") || first == 0x7B || first == 0x5B {
            return JSONRedactor(fields: bodyFields, bytes: Array(body)).redact()
        }
        if contentType.contains("x-www-form-urlencoded") {
            return redactForm(body)
        }
        return Array(body)
    }

    private func redactForm(_ body: ArraySlice<UInt8>) -> [UInt8] {
        let pairs = body.split(separator: 0x26, omittingEmptySubsequences: false).map { pair -> [UInt8] in
            guard let equals = pair.firstIndex(of: 0x3D) else {
                return Array(pair)
            }
            let name = Self.formDecode(pair[..<equals])
            return bodyFields.contains(name) ? Array(pair[...equals]) + Self.marker : Array(pair)
        }
        return Array(pairs.joined(separator: [0x26]))
    }

    private static func formDecode(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x2B {
                output.append(0x20)
            } else if byte == 0x25, index + 2 < bytes.endIndex,
                let high = HTTPSyntax.hexValue(bytes[index + 1]), let low = HTTPSyntax.hexValue(bytes[index + 2])
            {
                output.append(UInt8(high * 16 + low))
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing characters from a set.
    func trimmingCharacters(in characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) {
            result.removeFirst()
        }
        while let last = result.last, characters.contains(last) {
            result.removeLast()
        }
        return String(result)
    }
}

/// Replaces the values of chosen object members in JSON text, tolerating text that is not JSON.
private struct JSONRedactor {
    let fields: Set<String>
    let bytes: [UInt8]

    func redact() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x22 else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let end = stringEnd(from: index)
            output.append(contentsOf: bytes[index..<end])
            let key = String(decoding: bytes[(index + 1)..<max(index + 1, end - 1)], as: UTF8.self)
            index = end

            var colon = index
            while colon < bytes.count && isSpace(bytes[colon]) {
                colon += 1
            }
            guard colon < bytes.count, bytes[colon] == 0x3A, fields.contains(key) else {
                continue
            }
            var valueStart = colon + 1
            while valueStart < bytes.count && isSpace(bytes[valueStart]) {
                valueStart += 1
            }
            output.append(contentsOf: bytes[index..<valueStart])
            output.append(contentsOf: Array("\"[redacted]\"".utf8))
            index = valueEnd(from: valueStart)
        }
        return output
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The index just past the string that starts with the quote at `start`.
    private func stringEnd(from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == 0x5C {
                index += 2
                continue
            }
            if bytes[index] == 0x22 {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    /// The index just past the value that starts at `start`.
    private func valueEnd(from start: Int) -> Int {
        guard start < bytes.count else {
            return start
        }
        switch bytes[start] {
        case 0x22:
            return stringEnd(from: start)
        case 0x7B, 0x5B:
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case 0x22:
                    index = stringEnd(from: index)
                    continue
                case 0x7B, 0x5B:
                    depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 {
                        return index + 1
                    }
                default:
                    break
                }
                index += 1
            }
            return bytes.count
        default:
            var index = start
            while index < bytes.count && ![0x2C, 0x7D, 0x5D].contains(bytes[index]) && !isSpace(bytes[index]) {
                index += 1
            }
            return index
        }
    }
}
