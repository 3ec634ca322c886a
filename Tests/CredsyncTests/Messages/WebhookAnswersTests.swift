import Credsync
import Testing

@Suite("Webhook answers")
struct WebhookAnswersTests {
    let keyString = "credsync-test-key-not-a-secret!!"

    @Test("a created credential carries the decrypted document, the metadata slug and type")
    func write() throws {
        let key = try EnvelopeKey(keyString)
        let document = CredentialDocument.make(accessToken: "CANARY", expiryDate: 2e12)
        let body = try WebhookRequest.sealing(document, userId: 1, appSlug: "msteams", key: key).body
        let settings = WebhookSettings(edition: .current, secret: "s", keyString: keyString)
        let request = HTTPRequestMessage(
            method: "POST",
            target: Edition.webhookPath,
            fields: [.init("calcom-credential-sync-secret", "s")],
            body: body
        )
        let answer = WebhookAnswers(settings: settings).answer(request, directory: FixedWebhookDirectory.fixtures)
        #expect(answer.branch == .credentialCreated)
        #expect(answer.write?.document == document)
        #expect(answer.write?.appId == "msteams")
        #expect(answer.write?.type == "office365_video")
        #expect(answer.write?.isUpdate == false)
    }

    @Test("settings switch on only with a secret and a key string, and never show them")
    func settings() {
        #expect(!WebhookSettings(edition: .legacy, secret: "", keyString: keyString).isEnabled)
        #expect(!WebhookSettings(edition: .legacy, secret: "s", keyString: "").isEnabled)
        let short = WebhookSettings(edition: .current, secret: "canary-secret", headerName: "", keyString: "short")
        #expect(short.isEnabled)
        #expect(short.key == nil)
        #expect(short.headerName == "calcom-credential-sync-secret")
        #expect(!short.description.contains("canary-secret"))
    }
}
