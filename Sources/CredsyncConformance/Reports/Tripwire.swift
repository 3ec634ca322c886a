import Credsync
public import Foundation
import Glibc

/// Scans everything a run writes for the secrets it knows, raw and encoded, so that no report, transcript or
/// console line hands a secret, key or token to whoever reads it.
///
/// Each secret is searched for as its text, its UTF-8 bytes in lowercase and uppercase hex, and in standard and
/// URL-safe base64 (with and without padding, at each of the three byte alignments, so a secret embedded in a
/// longer base64 text is still found), and percent-encoded.
public struct Tripwire: Sendable {
    /// One secret to watch for and the name to report it under.
    public struct Secret: Sendable {
        /// What the secret is, such as `CALCOM_CREDENTIAL_SYNC_SECRET` or `pushed access_token`.
        public let label: String

        /// The secret's bytes.
        public let bytes: [UInt8]

        /// Makes a secret from its text.
        ///
        /// - Parameters:
        ///   - label: What the secret is; never the secret.
        ///   - value: The secret.
        public init(label: String, value: String) {
            self.label = label
            self.bytes = Array(value.utf8)
        }

        /// Makes a secret from raw bytes, such as a key.
        ///
        /// - Parameters:
        ///   - label: What the secret is.
        ///   - bytes: The secret's bytes.
        public init(label: String, bytes: [UInt8]) {
            self.label = label
            self.bytes = bytes
        }
    }

    /// A secret found in an output.
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        /// The secret's label.
        public let label: String

        /// How it was written: raw, hex, base64, base64url or percent-encoded.
        public let encoding: String

        /// Where it was found, such as a file path or `standard output`.
        public let location: String

        public var description: String {
            "\(label) appears \(encoding == "raw" ? "as is" : "\(encoding)-encoded") in \(location)"
        }
    }

    /// The shortest secret worth watching; shorter values would match by chance.
    public static let minimumLength = 6

    private let patterns: [(label: String, encoding: String, bytes: [UInt8])]

    /// Prepares the patterns for a set of secrets.
    ///
    /// - Parameter secrets: The secrets; those shorter than ``minimumLength`` bytes are ignored.
    public init(secrets: [Secret]) {
        var patterns: [(label: String, encoding: String, text: String)] = []
        for secret in secrets where secret.bytes.count >= Self.minimumLength {
            let label = secret.label
            if let text = String(validating: secret.bytes, as: UTF8.self) {
                patterns.append((label, "raw", text))
            }
            let hex = Hex.encode(secret.bytes)
            patterns.append((label, "hex", hex))
            patterns.append((label, "hex", hex.uppercased()))
            for fragment in Self.base64Fragments(of: secret.bytes) {
                patterns.append((label, "base64", fragment))
                let urlSafe = fragment.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                if urlSafe != fragment {
                    patterns.append((label, "base64url", urlSafe))
                }
            }
            let percent = PercentEncoding.encode(secret.bytes)
            if let text = String(validating: secret.bytes, as: UTF8.self), percent != text {
                patterns.append((label, "percent", percent))
            }
        }
        self.patterns = patterns.map { ($0.label, $0.encoding, Array($0.text.utf8)) }
    }

    /// Scans one output.
    ///
    /// - Parameters:
    ///   - text: What was written.
    ///   - location: Where it was written, for the finding.
    /// - Returns: Every secret found, once per label and encoding.
    public func scan(_ text: String, location: String) -> [Finding] {
        // A byte search: transcripts run to megabytes and every secret brings a dozen encodings, so a scan must
        // cost little CPU; a match on UTF-8 bytes is also stricter than one on characters.
        var text = text
        return text.withUTF8 { haystack in
            var findings: [Finding] = []
            for pattern in patterns where Self.contains(haystack, pattern.bytes) {
                let finding = Finding(label: pattern.label, encoding: pattern.encoding, location: location)
                if !findings.contains(finding) {
                    findings.append(finding)
                }
            }
            return findings
        }
    }

    /// Whether the needle occurs in the haystack: `memchr` finds each candidate first byte, `memcmp` checks it.
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = haystack.baseAddress, let first = needle.first else {
            return needle.isEmpty
        }
        return needle.withUnsafeBytes { pattern in
            guard let patternBase = pattern.baseAddress else {
                return false
            }
            var offset = 0
            while haystack.count - offset >= pattern.count {
                let span = haystack.count - offset - pattern.count + 1
                guard let found = memchr(base + offset, Int32(first), span) else {
                    return false
                }
                if memcmp(found, patternBase, pattern.count) == 0 {
                    return true
                }
                offset = UnsafeRawPointer(base).distance(to: found) + 1
            }
            return false
        }
    }

    /// Scans files a run wrote, reading each as text (invalid UTF-8 is replaced, not skipped).
    ///
    /// - Parameter urls: The files; folders are walked.
    /// - Returns: Every secret found.
    public func scan(files urls: [URL]) -> [Finding] {
        var findings: [Finding] = []
        for url in urls {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                continue
            }
            if isFolder.boolValue {
                let children =
                    (FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?.allObjects
                        as? [URL]) ?? []
                findings += scan(files: children.filter { !$0.hasDirectoryPath })
            } else if let data = FileManager.default.contents(atPath: url.path) {
                findings += scan(String(decoding: data, as: UTF8.self), location: url.path)
            }
        }
        return findings
    }

    /// The base64 texts that must appear wherever the bytes are base64-encoded inside a longer text: for each of
    /// the three alignments, the characters that depend only on the secret's bytes.
    static func base64Fragments(of bytes: [UInt8]) -> [String] {
        var fragments: [String] = [Data(bytes).base64EncodedString()]
        for offset in 0..<3 {
            let padded = [UInt8](repeating: 0, count: offset) + bytes
            let encoded = Array(Data(padded).base64EncodedString().utf8)
            // Characters that mix in the zero prefix or the padding are not fixed; keep the stable middle.
            let start = offset == 0 ? 0 : (offset * 8 + 5) / 6
            let stableEnd = ((offset + bytes.count) * 8) / 6
            if stableEnd - start >= 8 {
                fragments.append(String(decoding: encoded[start..<stableEnd], as: UTF8.self))
            }
        }
        return Array(Set(fragments)).sorted()
    }
}
