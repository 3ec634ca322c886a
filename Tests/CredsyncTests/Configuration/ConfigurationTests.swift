import Credsync
import Foundation
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("the process environment wins over the file, even when empty")
    func precedence() throws {
        let file = try EnvironmentFile.parse(
            "CALCOM_CREDENTIAL_SYNC_SECRET=from-file\nCALCOM_APP_CREDENTIAL_ENCRYPTION_KEY=k\n"
        )
        let configuration = CredentialSyncConfiguration.resolve(
            edition: .current,
            side: .calcom,
            environment: ["CALCOM_CREDENTIAL_SYNC_SECRET": ""],
            file: file
        )
        #expect(configuration.secret == "")
        #expect(configuration.origins["CALCOM_CREDENTIAL_SYNC_SECRET"] == .process)
        #expect(configuration.origins["CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY"] == .file)
        #expect(!configuration.isEnabled)
        #expect(configuration.editionsWithVariablesSet == [.current])
    }

    @Test("an unreadable path is its own error", arguments: ["/nonexistent/credsync/.env", NSTemporaryDirectory()])
    func unreadable(path: String) {
        #expect(throws: EnvironmentFileError(.unreadable, "")) {
            try EnvironmentFile.load(path: path)
        }
    }

    @Test("descriptions show key-check values, not values")
    func description() throws {
        let secret = "canary-sync-secret-do-not-use-0123456789"
        let key = "credsync-test-key-not-a-secret!!"
        let configuration = CredentialSyncConfiguration.resolve(
            edition: .current,
            side: .calcom,
            environment: [
                "CALCOM_CREDENTIAL_SYNC_SECRET": secret, "CALCOM_APP_CREDENTIAL_ENCRYPTION_KEY": key,
                "CALCOM_CREDENTIAL_SYNC_ENDPOINT": "https://user:pw@platform.example.com/api/getToken",
            ]
        )
        let text = configuration.description + configuration.findings.map(\.detail).joined()
        #expect(!text.contains(secret))
        #expect(!text.contains(key))
        #expect(!text.contains("pw@"))
        #expect(text.contains("\(KeyCheckValue(secret: secret))"))
        #expect(configuration.findings.codes == ["config-endpoint-credentials"])
        #expect(configuration.webhookSettings.isEnabled)
    }

    @Test("an invalid endpoint URL is reported")
    func invalidEndpoint() {
        let configuration = CredentialSyncConfiguration.resolve(
            edition: .current,
            side: .calcom,
            environment: ["CALCOM_CREDENTIAL_SYNC_ENDPOINT": "localhost:5100/api/getToken"]
        )
        #expect(configuration.findings.codes.contains("config-endpoint-invalid"))
    }
}
