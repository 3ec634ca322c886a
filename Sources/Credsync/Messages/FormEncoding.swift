/// The `application/x-www-form-urlencoded` format as the WHATWG URL standard defines it, which is what Node's
/// `URLSearchParams` writes and reads.
public enum FormEncoding {
    /// Serializes name-value pairs as `URLSearchParams.toString()` does.
    ///
    /// ASCII letters, digits and `*-._` stay as they are, a space becomes `+`, and every other byte of the UTF-8
    /// text becomes `%XX` with uppercase hex.
    ///
    /// - Parameter pairs: The pairs, in order.
    /// - Returns: The encoded text, such as `calcomUserId=42&appSlug=google-calendar`.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { encodeComponent($0.0) + "=" + encodeComponent($0.1) }.joined(separator: "&")
    }

    /// Parses form-encoded text as `new URLSearchParams(text)` does.
    ///
    /// Empty pieces are skipped, a piece without `=` has an empty value, `+` is a space, `%XX` sequences are
    /// decoded (a malformed one is kept as it is), and invalid UTF-8 becomes U+FFFD.
    ///
    /// - Parameter text: The encoded text.
    /// - Returns: The pairs, in order, repeats kept.
    public static func decode(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? decodeComponent(parts[1]) : ""
            return (decodeComponent(parts[0]), value)
        }
    }

    private static func encodeComponent(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"):
                output.append(byte)
            case UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func decodeComponent(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = Hex.value(of: bytes[index + 1]), let low = Hex.value(of: bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
