internal import COpenSSL

/// Bytes from OpenSSL's cryptographically secure generator.
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// - Parameter count: How many bytes to return.
    /// - Returns: The bytes.
    /// - Throws: ``OpenSSLError`` with code `randomUnavailable` if the generator cannot be seeded.
    public static func bytes(count: Int) throws(OpenSSLError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&output, Int32(count)) == 1 else {
            throw OpenSSLError.fromQueue(.randomUnavailable)
        }
        return output
    }
}
