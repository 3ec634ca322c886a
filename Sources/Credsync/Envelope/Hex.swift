/// Hexadecimal text, encoded as Node writes it and decoded strictly or as Node reads it.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Encodes bytes as lowercase hex.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: Two lowercase hex digits a byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = digits
        var output: [UInt8] = []
        output.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Each byte's value as a hex digit, or 0xFF for a byte that is not one.
    private static let values: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: 0xFF
        }
    }

    /// The value of one hex digit of either case, or `nil`.
    ///
    /// - Parameter unit: An ASCII byte.
    /// - Returns: 0 to 15, or `nil` for any other byte.
    public static func value(of unit: UInt8) -> UInt8? {
        let value = values[Int(unit)]
        return value == 0xFF ? nil : value
    }

    /// The lookup table, 0xFF for bytes that are not hex digits; loops copy it into a local once, since every
    /// read of a lazy static checks its initialisation.
    static var valueTable: [UInt8] {
        values
    }

    /// Decodes hex of either case, or returns `nil` for an odd length or any other character.
    ///
    /// - Parameter text: The hex text.
    /// - Returns: The bytes, or `nil`.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// Decodes hex of either case from UTF-8 bytes, or returns `nil` for an odd length or any other character.
    static func decode(_ units: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard units.count % 2 == 0 else {
            return nil
        }
        let values = values
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: units.count / 2) { buffer, initialized in
            var position = 0
            while position < units.count {
                let high = values[Int(units[position])]
                let low = values[Int(units[position + 1])]
                if high == 0xFF || low == 0xFF {
                    failed = true
                    break
                }
                buffer[position / 2] = high << 4 | low
                position += 2
            }
            initialized = position / 2
        }
        return failed ? nil : output
    }

    /// Decodes hex as Node's `Buffer.from(text, "hex")` does: pairs are read until the first pair that holds a
    /// character other than a hex digit, and a trailing lone digit is dropped.
    ///
    /// - Parameter units: The text as UTF-16 code units, as JavaScript holds it.
    /// - Returns: The bytes decoded before the first bad pair.
    public static func decodeLikeNode(_ units: some Collection<UInt16>) -> [UInt8] {
        let values = values
        var output: [UInt8] = []
        var iterator = units.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            guard first < 0x80, second < 0x80, values[Int(first)] != 0xFF, values[Int(second)] != 0xFF else {
                break
            }
            let high = values[Int(first)]
            let low = values[Int(second)]
            output.append(high << 4 | low)
        }
        return output
    }
}
