internal import CredsyncOpenSSL

/// The credential envelope: AES-256-CBC with PKCS#7 padding and a fresh 16-byte IV, written as
/// `hex(iv):hex(ciphertext)` in lowercase, byte for byte what Cal.com's `symmetricEncrypt` makes.
public enum Envelope {
    /// Encrypts bytes into an envelope.
    ///
    /// - Parameters:
    ///   - plaintext: The bytes, usually a UTF-8 JSON document.
    ///   - key: The key.
    ///   - iv: A 16-byte IV for reproducible output; `nil` draws a fresh random one, as Cal.com does.
    /// - Returns: The envelope text.
    /// - Throws: ``EnvelopeError`` with code `ivLength` or `randomUnavailable`.
    public static func seal(_ plaintext: [UInt8], key: EnvelopeKey, iv: [UInt8]? = nil) throws(EnvelopeError) -> String
    {
        let vector: [UInt8]
        if let iv {
            guard iv.count == AES256CBC.blockLength else {
                throw EnvelopeError(.ivLength, "the IV is \(iv.count) bytes; it must be 16")
            }
            vector = iv
        } else {
            do {
                vector = try SecureRandom.bytes(count: AES256CBC.blockLength)
            } catch {
                throw EnvelopeError(.randomUnavailable, error.description)
            }
        }

        let ciphertext: [UInt8]
        do {
            ciphertext = try AES256CBC.encrypt(plaintext, key: key.bytes, iv: vector)
        } catch {
            // The key and IV lengths were checked above; nothing else can fail for in-memory AES.
            preconditionFailure("AES-256-CBC encryption failed: \(error)")
        }
        return Hex.encode(vector) + ":" + Hex.encode(ciphertext)
    }

    /// Encrypts a string's UTF-8 bytes into an envelope.
    ///
    /// - Parameters:
    ///   - text: The plaintext.
    ///   - key: The key.
    ///   - iv: A 16-byte IV for reproducible output; `nil` draws a fresh random one.
    /// - Returns: The envelope text.
    /// - Throws: ``EnvelopeError`` with code `ivLength` or `randomUnavailable`.
    public static func seal(_ text: String, key: EnvelopeKey, iv: [UInt8]? = nil) throws(EnvelopeError) -> String {
        try seal(Array(text.utf8), key: key, iv: iv)
    }

    /// Splits an envelope into its IV and ciphertext bytes without decrypting it.
    ///
    /// - Parameters:
    ///   - text: The envelope text.
    ///   - decoding: How strictly to read it.
    /// - Returns: The 16-byte IV and the ciphertext bytes (not yet checked for block alignment when compatible).
    /// - Throws: ``EnvelopeError`` naming the first problem.
    public static func parse(
        _ text: String,
        decoding: EnvelopeDecoding = .strict
    ) throws(EnvelopeError) -> (iv: [UInt8], ciphertext: [UInt8]) {
        switch decoding {
        case .strict: try parseStrictly(text)
        case .compatible: try parseLikeNode(text)
        }
    }

    /// Decrypts an envelope.
    ///
    /// - Parameters:
    ///   - text: The envelope text.
    ///   - key: The key.
    ///   - decoding: How strictly to read it.
    /// - Returns: The plaintext bytes.
    /// - Throws: ``EnvelopeError`` naming the first problem.
    public static func open(
        _ text: String,
        key: EnvelopeKey,
        decoding: EnvelopeDecoding = .strict
    ) throws(EnvelopeError) -> [UInt8] {
        let (iv, ciphertext) = try parse(text, decoding: decoding)
        do {
            return try AES256CBC.decrypt(ciphertext, key: key.bytes, iv: iv)
        } catch  where error.code == .wrongFinalBlockLength {
            throw EnvelopeError(
                .wrongFinalBlockLength,
                "the ciphertext is \(ciphertext.count) bytes, not a positive multiple of 16"
            )
        } catch {
            throw EnvelopeError(.badDecrypt, "the padding is invalid: a wrong key or a damaged ciphertext")
        }
    }

    /// Decrypts an envelope into text.
    ///
    /// - Parameters:
    ///   - text: The envelope text.
    ///   - key: The key.
    ///   - decoding: Strict refuses a plaintext that is not UTF-8; compatible replaces bad bytes with U+FFFD.
    /// - Returns: The plaintext.
    /// - Throws: ``EnvelopeError`` naming the first problem.
    public static func openText(
        _ text: String,
        key: EnvelopeKey,
        decoding: EnvelopeDecoding = .strict
    ) throws(EnvelopeError) -> String {
        let plaintext = try open(text, key: key, decoding: decoding)
        switch decoding {
        case .strict:
            guard let string = String(validating: plaintext, as: UTF8.self) else {
                throw EnvelopeError(.plaintextNotUTF8, "the plaintext is not valid UTF-8")
            }
            return string
        case .compatible:
            return String(decoding: plaintext, as: UTF8.self)
        }
    }

    /// Decrypts an envelope and parses its plaintext as JSON.
    ///
    /// - Parameters:
    ///   - text: The envelope text.
    ///   - key: The key.
    ///   - decoding: Strict requires a JSON object; compatible returns whatever `JSON.parse` would.
    /// - Returns: The JSON value.
    /// - Throws: ``EnvelopeError`` naming the first problem.
    public static func openJSON(
        _ text: String,
        key: EnvelopeKey,
        decoding: EnvelopeDecoding = .strict
    ) throws(EnvelopeError) -> JSONValue {
        let plaintext = try openText(text, key: key, decoding: decoding)
        let value: JSONValue
        do {
            value = try JSONParser.parse(plaintext)
        } catch {
            throw EnvelopeError(
                .plaintextNotJSON,
                "the plaintext is not JSON (\(error.reason) at byte \(error.offset))"
            )
        }
        if decoding == .strict, value.objectValue == nil {
            throw EnvelopeError(.plaintextNotObject, "the plaintext is JSON \(value.typeName), not an object")
        }
        return value
    }

    // MARK: - Strict reading

    private static func parseStrictly(_ text: String) throws(EnvelopeError) -> (iv: [UInt8], ciphertext: [UInt8]) {
        var text = text
        return try text.withUTF8 { strictParts(of: $0) }.get()
    }

    private static func strictParts(
        of units: UnsafeBufferPointer<UInt8>
    ) -> Result<(iv: [UInt8], ciphertext: [UInt8]), EnvelopeError> {
        var separators = 0
        var separator = 0
        var firstNonHex: Int?
        var firstUppercase: Int?
        let values = Hex.valueTable
        for (position, unit) in units.enumerated() {
            if unit == UInt8(ascii: ":") {
                separators += 1
                separator = position
            } else if values[Int(unit)] == 0xFF {
                firstNonHex = firstNonHex ?? position
            } else if unit >= UInt8(ascii: "A") && unit <= UInt8(ascii: "F") {
                firstUppercase = firstUppercase ?? position
            }
        }

        guard separators == 1 else {
            let reason = separators == 0 ? "there is no ':' between IV and ciphertext" : "there are \(separators) ':'"
            return .failure(EnvelopeError(.separator, reason))
        }
        if let position = firstNonHex {
            return .failure(EnvelopeError(.nonHexCharacter, "character \(position + 1) is not a hex digit"))
        }
        if let position = firstUppercase {
            return .failure(
                EnvelopeError(.uppercaseHex, "character \(position + 1) is uppercase; Cal.com writes lowercase hex")
            )
        }

        let ivText = UnsafeBufferPointer(rebasing: units[..<separator])
        let cipherText = UnsafeBufferPointer(rebasing: units[(separator + 1)...])
        guard ivText.count == 32 else {
            return .failure(EnvelopeError(.invalidIV, "the IV is \(ivText.count) hex digits; it must be 32"))
        }
        guard cipherText.count % 2 == 0 else {
            return .failure(
                EnvelopeError(.oddHexLength, "the ciphertext is \(cipherText.count) hex digits, an odd number")
            )
        }
        guard !cipherText.isEmpty, cipherText.count % 32 == 0 else {
            return .failure(
                EnvelopeError(
                    .wrongFinalBlockLength,
                    "the ciphertext is \(cipherText.count) hex digits, not a positive multiple of 32"
                )
            )
        }
        // Both halves were checked to be hex of even length, so decoding cannot fail.
        return .success((Hex.decode(ivText)!, Hex.decode(cipherText)!))
    }

    // MARK: - Reading as Node does

    private static func parseLikeNode(_ text: String) throws(EnvelopeError) -> (iv: [UInt8], ciphertext: [UInt8]) {
        // `text.split(":")`, then the first piece is the IV and the rest are joined back with ":".
        let units = Array(text.utf16)
        let colon = UInt16(UInt8(ascii: ":"))
        let separator = units.firstIndex(of: colon)
        let ivUnits = units[..<(separator ?? units.endIndex)]
        let cipherUnits = separator.map { units[($0 + 1)...] } ?? []

        let iv = Hex.decodeLikeNode(ivUnits)
        guard iv.count == 16 else {
            let detail = separator == nil ? "; there is no ':' between IV and ciphertext" : ""
            throw EnvelopeError(.invalidIV, "Invalid initialization vector: the IV gives \(iv.count) bytes\(detail)")
        }
        guard cipherUnits.count % 2 == 0 else {
            throw EnvelopeError(
                .oddHexLength,
                "The argument 'encoding' is invalid for data of length \(cipherUnits.count). Received 'hex'"
            )
        }
        return (iv, Hex.decodeLikeNode(cipherUnits))
    }
}
