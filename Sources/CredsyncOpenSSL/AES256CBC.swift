internal import COpenSSL

/// AES-256 in CBC mode with PKCS#7 padding, the cipher Node calls `aes256`.
public enum AES256CBC {
    /// The key length in bytes.
    public static let keyLength = 32

    /// The IV and block length in bytes.
    public static let blockLength = 16

    /// The cipher, fetched from the default provider once. `EVP_aes_256_cbc()` would fetch it again on every
    /// initialisation, which costs more than encrypting a credential.
    // nonisolated(unsafe): written once by the lazy static initialiser and never again; OpenSSL documents
    // fetched algorithm objects as safe to share between threads.
    nonisolated(unsafe) private static let cipher: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-256-CBC", nil)

    /// Encrypts and pads a plaintext.
    ///
    /// - Parameters:
    ///   - plaintext: The bytes to encrypt; any length, empty included.
    ///   - key: Exactly 32 bytes.
    ///   - iv: Exactly 16 bytes.
    /// - Returns: The ciphertext, 16 × (⌊n / 16⌋ + 1) bytes for an n-byte plaintext.
    /// - Throws: ``OpenSSLError`` with code `invalidKeyLength`, `invalidIVLength` or `internal`.
    public static func encrypt(_ plaintext: [UInt8], key: [UInt8], iv: [UInt8]) throws(OpenSSLError) -> [UInt8] {
        try run(encrypting: true, input: plaintext, key: key, iv: iv, padding: true)
    }

    /// Decrypts a ciphertext and removes its PKCS#7 padding.
    ///
    /// - Parameters:
    ///   - ciphertext: A positive whole number of 16-byte blocks.
    ///   - key: Exactly 32 bytes.
    ///   - iv: Exactly 16 bytes.
    ///   - padding: Whether to check and remove PKCS#7 padding; `false` returns the raw blocks.
    /// - Returns: The plaintext.
    /// - Throws: ``OpenSSLError`` with code `wrongFinalBlockLength` when the ciphertext is empty or not
    ///   block-aligned, `badDecrypt` when the padding is invalid, or a length code for the key or IV.
    public static func decrypt(
        _ ciphertext: [UInt8],
        key: [UInt8],
        iv: [UInt8],
        padding: Bool = true
    ) throws(OpenSSLError) -> [UInt8] {
        if padding && (ciphertext.isEmpty || ciphertext.count % blockLength != 0) {
            throw OpenSSLError(.wrongFinalBlockLength)
        }
        if !padding && ciphertext.count % blockLength != 0 {
            throw OpenSSLError(.wrongFinalBlockLength)
        }
        return try run(encrypting: false, input: ciphertext, key: key, iv: iv, padding: padding)
    }

    private static func run(
        encrypting: Bool,
        input: [UInt8],
        key: [UInt8],
        iv: [UInt8],
        padding: Bool
    ) throws(OpenSSLError) -> [UInt8] {
        guard key.count == keyLength else {
            throw OpenSSLError(.invalidKeyLength, reason: "\(key.count) bytes, expected \(keyLength)")
        }
        guard iv.count == blockLength else {
            throw OpenSSLError(.invalidIVLength, reason: "\(iv.count) bytes, expected \(blockLength)")
        }

        guard let cipher = Self.cipher else {
            throw OpenSSLError.fromQueue(.internal)
        }
        let context = try CipherContext()
        guard EVP_CipherInit_ex(context.pointer, cipher, nil, key, iv, encrypting ? 1 : 0) == 1 else {
            throw OpenSSLError.fromQueue(.internal)
        }
        EVP_CIPHER_CTX_set_padding(context.pointer, padding ? 1 : 0)

        var output = [UInt8](repeating: 0, count: input.count + blockLength)
        var written: Int32 = 0
        let updated = input.withUnsafeBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                EVP_CipherUpdate(
                    context.pointer,
                    outputBuffer.baseAddress,
                    &written,
                    inputBuffer.baseAddress,
                    Int32(inputBuffer.count)
                )
            }
        }
        guard updated == 1 else {
            throw OpenSSLError.fromQueue(.internal)
        }

        var finalWritten: Int32 = 0
        let finished = output.withUnsafeMutableBufferPointer { outputBuffer in
            EVP_CipherFinal_ex(context.pointer, outputBuffer.baseAddress! + Int(written), &finalWritten)
        }
        guard finished == 1 else {
            let reason = OpenSSLError.drainQueue()
            throw OpenSSLError(encrypting ? .internal : .badDecrypt, reason: reason)
        }

        output.removeLast(output.count - Int(written) - Int(finalWritten))
        return output
    }
}

/// Owns one `EVP_CIPHER_CTX` and frees it when released.
private final class CipherContext {
    let pointer: OpaquePointer

    init() throws(OpenSSLError) {
        guard let pointer = EVP_CIPHER_CTX_new() else {
            throw OpenSSLError.fromQueue(.internal)
        }
        self.pointer = pointer
    }

    deinit {
        EVP_CIPHER_CTX_free(pointer)
    }
}
