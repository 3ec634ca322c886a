internal import COpenSSL

/// HMAC with SHA-256.
public enum HMACSHA256 {
    /// Computes the 32-byte authentication code of a message under a key.
    ///
    /// - Parameters:
    ///   - message: The bytes to authenticate.
    ///   - key: The key; any length.
    /// - Returns: 32 bytes.
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                HMAC(
                    EVP_sha256(),
                    keyBuffer.baseAddress,
                    Int32(keyBuffer.count),
                    messageBuffer.baseAddress,
                    messageBuffer.count,
                    &output,
                    &length
                )
            }
        }
        // HMAC-SHA256 over memory cannot fail short of memory exhaustion, where nothing can go on.
        precondition(result != nil && length == 32, "HMAC-SHA256 failed: \(OpenSSLError.drainQueue())")
        return output
    }
}
