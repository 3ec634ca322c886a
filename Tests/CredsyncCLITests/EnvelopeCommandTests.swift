import CredsyncCLI
import Foundation
import Testing

@Suite("encrypt, decrypt and kcv")
struct EnvelopeCommandTests {
    static let keyVariable = "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY"

    /// Keys with ASCII, latin1 and above-latin1 characters; all are 32 UTF-16 code units.
    static let keys = [
        "0123456789abcdef0123456789abcdef",
        "clé-secrète-àéîõü-ÿ-0123456789ab",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
    ]

    static let encryptScript = """
        const crypto = require("crypto");
        const [key, iv, text] = process.argv.slice(1);
        const cipher = crypto.createCipheriv("aes256", Buffer.from(key, "latin1"), Buffer.from(iv, "hex"));
        process.stdout.write(iv + ":" + cipher.update(text, "utf8", "hex") + cipher.final("hex"));
        """

    static let randomEnvelopesScript = """
        const crypto = require("crypto");
        const [key, count] = process.argv.slice(1);
        const out = [];
        for (let i = 0; i < Number(count); i++) {
          const text = JSON.stringify({ access_token: "canary-" + crypto.randomBytes(1 + i).toString("base64"),
                                        expiry_date: 1767225600000 + i, note: "é✓".repeat(i % 5) });
          const iv = crypto.randomBytes(16);
          const cipher = crypto.createCipheriv("aes256", Buffer.from(key, "latin1"), iv);
          out.push({ text, envelope: iv.toString("hex") + ":" + cipher.update(text, "utf8", "hex") + cipher.final("hex") });
        }
        process.stdout.write(JSON.stringify(out));
        """

    @Test("encrypt --iv equals Node's output for the same key, IV and plaintext", arguments: keys)
    func encryptMatchesNode(key: String) async throws {
        let iv = "000102030405060708090a0b0c0d0e0f"
        for plaintext in ["", "hello", #"{"access_token":"ya29.canary","expiry_date":1767225600000}"#, "✓ unicode ✓"] {
            let expected = try await node(Self.encryptScript, key, iv, plaintext)
            let run = await credsync("encrypt", "--iv", iv, environment: [Self.keyVariable: key], input: plaintext)
            #expect(run.exitCode == .success)
            #expect(run.standardOutput == expected + "\n")
        }
    }

    @Test("random envelopes made by Node decrypt with decrypt --compat", arguments: keys)
    func nodeEnvelopesDecrypt(key: String) async throws {
        let output = try await node(Self.randomEnvelopesScript, key, "25")
        let cases = try JSONDecoder().decode([[String: String]].self, from: Data(output.utf8))
        #expect(cases.count == 25)
        for item in cases {
            let envelope = try #require(item["envelope"])
            let run = await credsync("decrypt", "--compat", environment: [Self.keyVariable: key], input: envelope)
            #expect(run.exitCode == .success)
            #expect(run.standardOutput == item["text"])
        }
    }

    @Test("a random IV makes every envelope different, and each decrypts strictly")
    func randomRoundTrip() async throws {
        let environment = [Self.keyVariable: Self.keys[0]]
        var seen: Set<String> = []
        for _ in 0..<20 {
            let sealed = await credsync("encrypt", environment: environment, input: "{\"a\":1}")
            #expect(sealed.exitCode == .success)
            seen.insert(sealed.standardOutput)
            let opened = await credsync("decrypt", environment: environment, input: sealed.standardOutput)
            #expect(opened.standardOutput == "{\"a\":1}")
        }
        #expect(seen.count == 20)
    }

    @Test(
        "a bad envelope exits 1 with one line naming its error",
        arguments: [
            ("zz", "separator"),
            ("00112233445566778899aabbccddeeff:00", "wrong-final-block-length"),
            ("00112233445566778899AABBCCDDEEFF:00112233445566778899aabbccddeeff", "uppercase-hex"),
            ("00112233445566778899aabbccddeeff:00112233445566778899aabbccddeeff", "bad-decrypt"),
        ]
    )
    func badEnvelope(envelope: String, code: String) async {
        let key = Self.keys[0]
        let run = await credsync("decrypt", environment: [Self.keyVariable: key], input: envelope)
        #expect(run.exitCode == .failure)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("credsync decrypt: \(code):"))
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(!run.allOutput.contains(key))
    }

    @Test(
        "a key of the wrong length names the usual cause and is never printed",
        arguments: [
            ("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=", "openssl rand -base64 32"),
            ("0123456789abcdef0123456789abcde", "31 characters"),
            ("", "empty"),
        ]
    )
    func keyLength(key: String, hint: String) async {
        let run = await credsync("encrypt", environment: [Self.keyVariable: key], input: "x")
        #expect(run.exitCode == .failure)
        #expect(run.standardError.contains("key-length"))
        #expect(run.standardError.contains(hint))
        #expect(key.isEmpty || !run.allOutput.contains(key))
    }

    @Test("the key comes from --key-env or --env-file, never from the command line")
    func keySources() async throws {
        let key = Self.keys[1]
        let viaVariable = await credsync("kcv", "--key-env", "OTHER_KEY", environment: ["OTHER_KEY": key])
        #expect(viaVariable.exitCode == .success)
        #expect(viaVariable.standardOutput.contains("OTHER_KEY  kcv:"))

        let file = FileManager.default.temporaryDirectory.appending(path: "credsync-\(UUID().uuidString).env")
        try Data("# comment\n\(Self.keyVariable)=\"\(key)\"\nCALCOM_CREDENTIAL_SYNC_SECRET=s3cr3t-value\n".utf8)
            .write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let viaFile = await credsync("kcv", "--env-file", file.path)
        #expect(viaFile.exitCode == .success)
        #expect(viaFile.standardOutput.contains(viaVariable.standardOutput.split(separator: " ").last!))
        let secretLine = viaFile.standardOutput.split(separator: "\n").first {
            $0.hasPrefix("CALCOM_CREDENTIAL_SYNC_SECRET ")
        }
        #expect(secretLine?.contains("kcv:") == true)
        #expect(!viaFile.allOutput.contains(key) && !viaFile.allOutput.contains("s3cr3t-value"))

        let missing = await credsync("encrypt", input: "x")
        #expect(missing.exitCode == .usage)
        #expect(missing.standardError.contains("CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY is not set"))

        let noFile = await credsync("decrypt", "--env-file", "/nonexistent/.env", input: "x")
        #expect(noFile.exitCode == .usage)
    }
}
