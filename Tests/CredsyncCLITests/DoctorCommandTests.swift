import Credsync
import CredsyncCLI
import CredsyncConformance
import Foundation
import Testing

/// `.env` files written to a fresh folder for one test.
struct DoctorFiles {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("credsync-doctor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes a file and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    func read(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path(name)) ?? Data(), as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A pair of `.env` texts for the doctor, with the secrets and keys planted in them.
struct DoctorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let calcom: String
    let platform: String
    let exitCode: Int32
    let strictExitCode: Int32

    var testDescription: String { name }

    static let secret = "canary-doctor-secret-QWxhZGRpbjpvcGVuIHNlc2FtZQ"
    static let otherSecret = "canary-doctor-other-secret-c2VzYW1lIG9wZW4gbm93"
    static let key = "doctor-canary-key-0123456789abcd"
    static let otherKey = "doctor-other-key-0123456789abcde"
    static let longKey = "ZG9jdG9yLWNhbmFyeS1rZXktMDEyMzQ1Njc4OWFiY2Q="

    static func file(
        secret: String = secret,
        header: String = "calcom-credential-sync-secret",
        key: String = key,
        endpoint: String? = "https://platform.example.com/api/getToken"
    ) -> String {
        "CALCOM_CREDENTIAL_SYNC_SECRET=\(secret)\nCALCOM_CREDENTIAL_SYNC_HEADER_NAME=\(header)\n"
            + "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY=\(key)\n"
            + (endpoint.map { "CALCOM_CREDENTIAL_SYNC_ENDPOINT=\($0)\n" } ?? "")
    }

    static let all: [DoctorCase] = [
        DoctorCase(name: "clean", calcom: file(), platform: file(endpoint: nil), exitCode: 0, strictExitCode: 0),
        DoctorCase(
            name: "44-character key",
            calcom: file(key: longKey),
            platform: file(key: longKey, endpoint: nil),
            exitCode: 1,
            strictExitCode: 1
        ),
        DoctorCase(
            name: "padded secret",
            calcom: file(secret: "\" \(secret) \""),
            platform: file(secret: "\" \(secret) \"", endpoint: nil),
            exitCode: 1,
            strictExitCode: 1
        ),
        DoctorCase(
            name: "other secret and key",
            calcom: file(),
            platform: file(secret: otherSecret, key: otherKey, endpoint: nil),
            exitCode: 1,
            strictExitCode: 1
        ),
        DoctorCase(
            name: "weak secret (SHOULD)",
            calcom: file(secret: "changeme-doctor"),
            platform: file(secret: "changeme-doctor", endpoint: nil),
            exitCode: 0,
            strictExitCode: 1
        ),
        DoctorCase(
            name: "secret equals the key (SHOULD)",
            calcom: file(secret: key),
            platform: file(secret: key, endpoint: nil),
            exitCode: 0,
            strictExitCode: 1
        ),
        DoctorCase(
            name: "endpoint with a password (SHOULD)",
            calcom: file(endpoint: "https://sync:canary-endpoint-password@platform.example.com/api/getToken"),
            platform: file(endpoint: nil),
            exitCode: 0,
            strictExitCode: 1
        ),
    ]

    /// Every value planted in the files that must never be shown.
    static let secrets: [String] = [
        secret, otherSecret, key, otherKey, longKey, "changeme-doctor", "canary-endpoint-password",
    ]
}

/// Whether a text holds a secret in any form the product's tripwire looks for: as is, hex, base64 at any alignment,
/// URL-safe base64 or percent-encoded.
func leaks(_ secret: String, in text: String) -> Bool {
    !Tripwire(secrets: [.init(label: "planted value", value: secret)]).scan(text, location: "output").isEmpty
}

@Suite("doctor command")
struct DoctorCommandTests {
    @Test("exit codes follow the MUST findings, and --strict the SHOULD ones", arguments: DoctorCase.all)
    func exitCodes(entry: DoctorCase) async throws {
        let files = try DoctorFiles()
        defer { files.remove() }
        let calcom = try files.write("calcom.env", entry.calcom)
        let platform = try files.write("platform.env", entry.platform)

        let run = await credsync("doctor", "--env-file", calcom, "--peer-env-file", platform)
        #expect(run.exitCode.rawValue == entry.exitCode, "\(run.allOutput)")
        let strict = await credsync("doctor", "--env-file", calcom, "--peer-env-file", platform, "--strict")
        #expect(strict.exitCode.rawValue == entry.strictExitCode, "\(strict.allOutput)")
    }

    @Test("no output or report shows a secret or key, raw, hex or base64", arguments: DoctorCase.all)
    func noSecrets(entry: DoctorCase) async throws {
        let files = try DoctorFiles()
        defer { files.remove() }
        let calcom = try files.write("calcom.env", entry.calcom)
        let platform = try files.write("platform.env", entry.platform)

        let run = await credsync(
            "doctor",
            "--env-file",
            calcom,
            "--peer-env-file",
            platform,
            "--json",
            files.path("report.json"),
            "--junit",
            files.path("report.xml")
        )
        let outputs = [
            ("standard output", run.standardOutput), ("standard error", run.standardError),
            ("JSON report", files.read("report.json")), ("JUnit report", files.read("report.xml")),
        ]
        #expect(!run.standardError.contains("tripwire"), "\(run.standardError)")
        #expect(files.read("report.json").contains("credsync-report/1"))
        #expect(files.read("report.xml").contains("<testsuites"))
        for (label, text) in outputs {
            for secret in DoctorCase.secrets {
                #expect(!leaks(secret, in: text), "\(label) shows a planted value")
            }
        }
    }

    @Test("a finding reads like a diagnosis: ID, level, what is wrong, and the fix")
    func diagnosis() async throws {
        let files = try DoctorFiles()
        defer { files.remove() }
        let calcom = try files.write("calcom.env", DoctorCase.file(key: DoctorCase.longKey))

        let run = await credsync("doctor", "--env-file", calcom)
        #expect(run.exitCode == .failure)
        #expect(run.standardOutput.contains("fail CFG-003 [MUST] The key is exactly 32 characters"))
        #expect(run.standardOutput.contains("the key is 44 characters"))
        #expect(run.standardOutput.contains("fix: replace CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY"))
        #expect(run.standardOutput.contains("`openssl rand -base64 24`"))
        #expect(!run.standardOutput.contains("CFG-013"), "one file runs no agreement check")
    }

    @Test("--side platform reads the file as the platform's, with no endpoint checks")
    func platformSide() async throws {
        let files = try DoctorFiles()
        defer { files.remove() }
        let platform = try files.write("platform.env", DoctorCase.file(endpoint: nil))

        let run = await credsync("doctor", "--side", "platform", "--env-file", platform)
        #expect(run.exitCode == .success, "\(run.allOutput)")
        #expect(run.standardOutput.contains("(platform)"))
        #expect(!run.standardOutput.contains("CFG-015"))
    }

    @Test("a configuration from the docs fails today's names and passes with --edition legacy")
    func editions() async throws {
        let files = try DoctorFiles()
        defer { files.remove() }
        let text =
            "CALCOM_WEBHOOK_SECRET=\(DoctorCase.secret)\nCALCOM_WEBHOOK_HEADER_NAME=calcom-webhook-secret\n"
            + "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY=\(DoctorCase.key)\n"
            + "CALCOM_CREDENTIAL_SYNC_ENDPOINT=http://127.0.0.1:5100/api/getToken\n"
        let calcom = try files.write("calcom.env", text)

        let current = await credsync("doctor", "--env-file", calcom)
        #expect(current.exitCode == .failure)
        #expect(current.standardOutput.contains("fail CFG-010"))
        #expect(current.standardOutput.contains("pass --edition legacy"))
        let legacy = await credsync("doctor", "--env-file", calcom, "--edition", "legacy")
        #expect(legacy.exitCode == .success, "\(legacy.allOutput)")
    }

    @Test(
        "usage errors exit 2 with a precise message",
        arguments: [
            (["--env-file", "MISSING"], "does not exist"),
            (["--env-file", "MALFORMED"], "missing-equals: line 2, column 48"),
            (["--env-file", "CLEAN", "--frobnicate"], "unknown option '--frobnicate'"),
            ([], "--env-file FILE is required"),
            (["--env-file", "CLEAN", "--side", "both"], "--side takes calcom or platform"),
            (["--env-file", "CLEAN", "--edition", "2023"], "--edition takes current or legacy"),
            (["--env-file", "CLEAN", "--only", "CFG-013"], "CFG-013 is not a check of this run"),
            (["--env-file", "CLEAN", "--peer-env-file", "MALFORMED"], "missing-equals"),
        ]
    )
    func usageErrors(words: [String], message: String) async throws {
        let files = try DoctorFiles()
        defer { files.remove() }
        let clean = try files.write("clean.env", DoctorCase.file())
        let malformed = try files.write("malformed.env", "# a comment\n\(DoctorCase.secret)\n")
        let arguments = words.map { word in
            switch word {
            case "MISSING": files.path("missing.env")
            case "MALFORMED": malformed
            case "CLEAN": clean
            default: word
            }
        }
        let (terminal, output) = Terminal.capturing()
        let exitCode = await CommandLineTool.run(["doctor"] + arguments, on: terminal)
        #expect(exitCode == .usage, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardError.contains(message), "\(output.standardError)")
        #expect(output.standardOutput.isEmpty)
        #expect(!leaks(DoctorCase.secret, in: output.standardError), "a malformed line's value is shown")
    }
}
