internal import COpenSSL

/// An error reported by OpenSSL, with what the library's error queue said at the failure site.
public struct OpenSSLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of operation failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidKeyLength = "invalid key length"
            case invalidIVLength = "invalid IV length"
            case wrongFinalBlockLength = "wrong final block length"
            case badDecrypt = "bad decrypt"
            case randomUnavailable = "random bytes unavailable"
            case tls = "TLS failure"
            case certificate = "certificate failure"
            case `internal` = "OpenSSL internal failure"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The key is not 32 bytes long.
        public static let invalidKeyLength = Code(.invalidKeyLength)
        /// The IV is not 16 bytes long.
        public static let invalidIVLength = Code(.invalidIVLength)
        /// The ciphertext is empty or not a whole number of 16-byte blocks.
        public static let wrongFinalBlockLength = Code(.wrongFinalBlockLength)
        /// The padding of the last block is not valid PKCS#7: usually a wrong key or a damaged ciphertext.
        public static let badDecrypt = Code(.badDecrypt)
        /// The system's random generator failed.
        public static let randomUnavailable = Code(.randomUnavailable)
        /// A TLS handshake, read or write failed.
        public static let tls = Code(.tls)
        /// A certificate, key or CA file could not be loaded or verified.
        public static let certificate = Code(.certificate)
        /// Any other failure inside OpenSSL.
        public static let `internal` = Code(.internal)

        public var description: String { base.rawValue }
    }

    /// What kind of operation failed.
    public let code: Code

    /// The OpenSSL error queue's text at the failure site, or a reason written by the wrapper.
    public let reason: String

    public init(_ code: Code, reason: String = "") {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        reason.isEmpty ? code.description : "\(code): \(reason)"
    }

    public static func == (lhs: OpenSSLError, rhs: OpenSSLError) -> Bool {
        lhs.code == rhs.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// Drains OpenSSL's thread-local error queue into one line of text.
    static func drainQueue() -> String {
        var messages: [String] = []
        while true {
            let error = ERR_get_error()
            if error == 0 {
                break
            }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(error, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.joined(separator: "; ")
    }

    /// Builds an error from the queue, which it empties.
    static func fromQueue(_ code: Code) -> OpenSSLError {
        OpenSSLError(code, reason: drainQueue())
    }
}
