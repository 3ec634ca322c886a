import CredsyncConformance
import Foundation
import Testing

@Suite("tripwire")
struct TripwireTests {
    static let secret = "s3cr3t+/value-for?tests&more"
    static let tripwire = Tripwire(secrets: [.init(label: "CALCOM_CREDENTIAL_SYNC_SECRET", value: secret)])

    @Test(
        "finds a secret raw, in hex, in base64 at any alignment, and percent-encoded",
        arguments: [
            ("raw", "header: \(secret)\n"),
            ("hex", Data(secret.utf8).map { String(format: "%02x", $0) }.joined()),
            ("hex", "0x" + Data(secret.utf8).map { String(format: "%02X", $0) }.joined()),
            ("base64", Data(secret.utf8).base64EncodedString()),
            ("base64", Data(("a" + secret + "bc").utf8).base64EncodedString()),
            ("base64", Data(("ab" + secret).utf8).base64EncodedString()),
            ("base64url", Data(secret.utf8).base64EncodedString().replacingOccurrences(of: "/", with: "_")),
            ("percent", "secret=s3cr3t%2B%2Fvalue-for%3Ftests%26more"),
        ]
    )
    func finds(encoding: String, output: String) {
        let findings = Self.tripwire.scan(output, location: "report.json")
        #expect(findings.contains { $0.encoding == encoding })
        #expect(findings.allSatisfy { $0.label == "CALCOM_CREDENTIAL_SYNC_SECRET" && $0.location == "report.json" })
    }

    @Test("stays quiet on clean output and on key-check values")
    func clean() {
        let output = "CAL-004 pass  secret kcv:1a2b3c4d5e6f  header calcom-credential-sync-secret: [redacted]"
        #expect(Self.tripwire.scan(output, location: "stdout").isEmpty)
    }

    @Test("ignores values too short to tell from chance")
    func short() {
        let tripwire = Tripwire(secrets: [.init(label: "short", value: "abc")])
        #expect(tripwire.scan("abcabc", location: "stdout").isEmpty)
    }

    @Test("walks written files and folders")
    func files() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "tripwire-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appending(path: "transcripts"),
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("clean".utf8).write(to: folder.appending(path: "report.txt"))
        try Data("leak \(Self.secret)".utf8).write(to: folder.appending(path: "transcripts/CAL-004.txt"))

        let findings = Self.tripwire.scan(files: [folder])
        #expect(findings.count == 1)
        #expect(findings.first?.location.hasSuffix("transcripts/CAL-004.txt") == true)
    }
}
