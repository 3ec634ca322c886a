/// Percent-encoding as RFC 3986 defines it for a URL's query: every byte but the unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` in uppercase hex.
public enum PercentEncoding {
    /// Encodes bytes.
    ///
    /// - Parameter bytes: The bytes, usually a string's UTF-8.
    /// - Returns: The encoded text.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return output
    }
}
