/// Parses JSON exactly as strictly as JavaScript's `JSON.parse`.
///
/// Any value may stand at the top level; white space is space, tab, line feed and carriage return only;
/// numbers follow RFC 8259's grammar (no leading `+`, no leading zeros, no `NaN`). An escaped lone surrogate,
/// which JavaScript keeps, becomes U+FFFD because a Swift string cannot hold it.
public struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// The deepest nesting accepted before the parser gives up, which keeps hostile input from exhausting
    /// the stack.
    public static let maximumDepth = 512

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a complete JSON text.
    ///
    /// - Parameter text: The text.
    /// - Returns: The value.
    /// - Throws: ``JSONParseError`` naming the offset of the first problem.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses a complete JSON text given as UTF-8 bytes.
    ///
    /// - Parameter bytes: The UTF-8 text.
    /// - Returns: The value.
    /// - Throws: ``JSONParseError`` naming the offset of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.failure("unexpected text after the JSON value")
        }
        return value
    }

    private func failure(_ reason: String) -> JSONParseError {
        JSONParseError(offset: index, reason: reason)
    }

    private var current: UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = current else {
            throw failure("unexpected end of JSON input")
        }
        switch byte {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw failure("unexpected character")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONParseError) {
        for expected in literal.utf8 {
            guard current == expected else {
                throw failure("invalid literal, expected \(literal)")
            }
            index += 1
        }
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw failure("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(String, JSONValue)] = []

        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw failure("expected a string key")
            }
            let key = try parseString()

            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw failure("expected ':' after a key")
            }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))

            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(JSONObject(members))
            default:
                throw failure("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []

        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw failure("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index

        func flushRun(upTo end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }

        while true {
            guard let byte = current else {
                throw failure("unterminated string")
            }
            if byte == UInt8(ascii: "\"") {
                flushRun(upTo: index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw failure("control character in a string")
            }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }

            flushRun(upTo: index)
            index += 1
            guard let escape = current else {
                throw failure("unterminated escape")
            }
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
            default:
                index -= 1
                throw failure("invalid escape")
            }
            runStart = index
        }
    }

    private mutating func parseHexQuad() throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Hex.value(of: byte) else {
                throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let first = try parseHexQuad()
        if UTF16.isLeadSurrogate(first), current == UInt8(ascii: "\\"), index + 1 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "u")
        {
            let saved = index
            index += 2
            let second = try parseHexQuad()
            if UTF16.isTrailSurrogate(second) {
                let value = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            index = saved
        }
        return Unicode.Scalar(UInt32(first)) ?? "\u{FFFD}"
    }

    private mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        if current == UInt8(ascii: "-") {
            index += 1
        }
        guard let first = current, Self.isDigit(first) else {
            throw failure("invalid number")
        }
        index += 1
        if first != UInt8(ascii: "0") {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let byte = current, Self.isDigit(byte) else {
                throw failure("invalid number: no digit after '.'")
            }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                index += 1
            }
            guard let byte = current, Self.isDigit(byte) else {
                throw failure("invalid number: no digit in the exponent")
            }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else {
            throw failure("invalid number")
        }
        return value
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) {
            index += 1
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
