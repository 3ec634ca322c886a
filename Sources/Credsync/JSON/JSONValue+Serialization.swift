extension JSONValue {
    /// The text `JSON.stringify` writes for this value: no white space, keys in order, non-ASCII as is.
    ///
    /// Numbers are written as JavaScript writes them (`1`, `1.5`, `1e+21`, `1e-7`); non-finite numbers,
    /// which JSON cannot carry, are written as `null`, as `JSON.stringify` does.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .number(let value):
            output += Self.javaScriptNumber(value)
        case .string(let value):
            Self.writeString(value, to: &output)
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    output += ","
                }
                element.write(to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (position, member) in object.members.enumerated() {
                if position > 0 {
                    output += ","
                }
                Self.writeString(member.key, to: &output)
                output += ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Formats a double as JavaScript's `Number.prototype.toString` does.
    static func javaScriptNumber(_ value: Double) -> String {
        guard value.isFinite else {
            return "null"
        }
        if value == 0 {
            return "0"
        }
        if value.rounded(.towardZero) == value, abs(value) < 1e21 {
            if let integer = Int64(exactly: value) {
                return String(integer)
            }
        }

        // Swift's description is the shortest round-tripping form, like JavaScript's, but spells exponents
        // differently ("1e-07", "1e+21" vs "1e-7", "1e+21") and switches to them at other thresholds.
        let description = "\(abs(value))"
        let sign = value < 0 ? "-" : ""
        let (digits, exponent) = decimalDigits(of: description)
        let pointPosition = exponent + 1
        if pointPosition >= -5 && pointPosition <= 21 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
            }
            if pointPosition >= digits.count {
                return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
            }
            let cut = digits.index(digits.startIndex, offsetBy: pointPosition)
            return sign + digits[..<cut] + "." + digits[cut...]
        }
        let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + digits.dropFirst()
        return sign + mantissa + "e" + (exponent >= 0 ? "+" : "-") + String(abs(exponent))
    }

    /// Splits a positive decimal text into its significant digits and the power of ten of the first one.
    private static func decimalDigits(of text: String) -> (digits: String, exponent: Int) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        var leadingExponent = integerPart.count - 1 + exponent

        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            leadingExponent -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 {
            digits.removeLast()
        }
        return (digits, leadingExponent)
    }
}
