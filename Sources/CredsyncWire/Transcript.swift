/// The bytes of one exchange as they crossed the wire.
public struct Transcript: Hashable, Sendable, CustomStringConvertible {
    /// The bytes sent, in order.
    public var sent: [UInt8]

    /// The bytes received, in order.
    public var received: [UInt8]

    /// Makes a transcript.
    ///
    /// - Parameters:
    ///   - sent: The bytes sent.
    ///   - received: The bytes received.
    public init(sent: [UInt8] = [], received: [UInt8] = []) {
        self.sent = sent
        self.received = received
    }

    /// The transcript with chosen header values and body fields replaced by `[redacted]`.
    ///
    /// - Parameter redaction: What to hide.
    /// - Returns: The redacted transcript.
    public func redacted(_ redaction: Redaction) -> Transcript {
        Transcript(sent: redaction.apply(to: sent), received: redaction.apply(to: received))
    }

    /// Both directions as text: `> ` before each sent line, `< ` before each received line; bytes other than
    /// printable ASCII, tab and the line ends shown as `\xNN`, CR as `\r`.
    public var description: String {
        Self.render(sent, prefix: "> ") + Self.render(received, prefix: "< ")
    }

    private static func render(_ bytes: [UInt8], prefix: String) -> String {
        guard !bytes.isEmpty else {
            return ""
        }
        var output = prefix
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x0A:
                output += "\\n\n"
                if index < bytes.count - 1 {
                    output += prefix
                }
            case 0x0D:
                output += "\\r"
            case 0x09, 0x20...0x7E:
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return bytes.last == 0x0A ? output : output + "\n"
    }
}
