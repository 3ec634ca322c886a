/// The AES-256 key made from the `CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY` string as Cal.com makes it.
///
/// Cal.com calls `Buffer.from(key, "latin1")`: every UTF-16 code unit of the string becomes one byte, its low
/// eight bits. So the key is exactly 32 characters, whatever they are; characters above U+00FF are silently cut
/// to their low byte (U+0100 becomes 0x00), and a platform that encodes the same string as UTF-8 gets other
/// bytes. The key never appears in a description; ``keyCheckValue`` stands in for it.
public struct EnvelopeKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32 key bytes.
    public let bytes: [UInt8]

    /// Whether the string held characters above U+00FF, which Node accepts but silently truncates.
    public let hasCharactersAboveLatin1: Bool

    /// Makes the key from the configured string, as Node does.
    ///
    /// - Parameter string: The configured value.
    /// - Throws: ``EnvelopeError`` with code `keyLength` when the string is not 32 UTF-16 code units long; the
    ///   reason names the likely cause.
    public init(_ string: String) throws(EnvelopeError) {
        let units = Array(string.utf16)
        let aboveLatin1 = units.contains { $0 > 0xFF }
        guard units.count == 32 else {
            throw EnvelopeError(.keyLength, Self.lengthReason(units: units, aboveLatin1: aboveLatin1))
        }
        bytes = units.map { UInt8(truncatingIfNeeded: $0) }
        hasCharactersAboveLatin1 = aboveLatin1
    }

    /// Makes the key from 32 raw bytes.
    ///
    /// - Parameter bytes: Exactly 32 bytes.
    /// - Throws: ``EnvelopeError`` with code `keyLength` for any other length.
    public init(bytes: [UInt8]) throws(EnvelopeError) {
        guard bytes.count == 32 else {
            throw EnvelopeError(.keyLength, "the key is \(bytes.count) bytes; AES-256 needs exactly 32")
        }
        self.bytes = bytes
        hasCharactersAboveLatin1 = false
    }

    /// The key's fingerprint, safe to show.
    public var keyCheckValue: KeyCheckValue {
        KeyCheckValue(bytes: bytes)
    }

    public var description: String {
        "EnvelopeKey(\(keyCheckValue))"
    }

    private static func lengthReason(units: [UInt16], aboveLatin1: Bool) -> String {
        let count = units.count
        var reason =
            "the key is \(count) characters; Cal.com takes each character as one byte, so it must be exactly 32"
        let base64 = units.allSatisfy { unit in
            unit < 0x80
                && (Character(Unicode.Scalar(UInt8(unit))).isLetter
                    || Character(Unicode.Scalar(UInt8(unit))).isNumber || unit == 0x2B || unit == 0x2F || unit == 0x3D)
        }
        if count == 0 {
            reason = "the key is empty or unset; Cal.com needs exactly 32 characters"
        } else if count == 44 && base64 {
            reason +=
                ". A 44-character base64 value is what `openssl rand -base64 32` prints: its characters, not"
                + " the 32 bytes it encodes, would be the key. Use `openssl rand -base64 24`, which prints 32 characters"
        } else if count == 64 && units.allSatisfy({ $0 < 0x80 && Hex.value(of: UInt8($0)) != nil }) {
            reason +=
                ". A 64-character hex value is what `openssl rand -hex 32` prints: its characters, not the"
                + " bytes it encodes, would be the key. Use `openssl rand -hex 16`, which prints 32 characters"
        } else if count == 33 || count == 31 {
            reason += ". Check for a stray newline, space or quote around the value"
        }
        if aboveLatin1 {
            reason += ". It also holds characters above U+00FF, which Node cuts to their low byte"
        }
        return reason
    }
}
