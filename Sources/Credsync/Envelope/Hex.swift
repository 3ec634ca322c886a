/// Hexadecimal text, encoded as Node writes it and decoded strictly or as Node reads it.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Encodes bytes as lowercase hex.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: Two lowercase hex digits a byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes hex of either case, or returns `nil` for an odd length or any other character.
    ///
    /// - Parameter text: The hex text.
    /// - Returns: The bytes, or `nil`.
    public static func decode(_ text: String) -> [UInt8]? {
        let units = Array(text.utf8)
        guard units.count % 2 == 0 else {
            return nil
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count / 2)
        var position = 0
        while position < units.count {
            guard let high = JSONParser.hexDigit(units[position]), let low = JSONParser.hexDigit(units[position + 1])
            else {
                return nil
            }
            output.append(high << 4 | low)
            position += 2
        }
        return output
    }

    /// Decodes hex as Node's `Buffer.from(text, "hex")` does: pairs are read until the first pair that holds a
    /// character other than a hex digit, and a trailing lone digit is dropped.
    ///
    /// - Parameter units: The text as UTF-16 code units, as JavaScript holds it.
    /// - Returns: The bytes decoded before the first bad pair.
    public static func decodeLikeNode(_ units: some Collection<UInt16>) -> [UInt8] {
        var output: [UInt8] = []
        var iterator = units.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            guard first < 0x80, second < 0x80, let high = JSONParser.hexDigit(UInt8(first)),
                let low = JSONParser.hexDigit(UInt8(second))
            else {
                break
            }
            output.append(high << 4 | low)
        }
        return output
    }
}
