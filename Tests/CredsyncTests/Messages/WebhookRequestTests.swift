import Credsync
import Testing

@Suite("Webhook request")
struct WebhookRequestTests {
    let key = try! EnvelopeKey("credsync-test-key-not-a-secret!!")

    @Test("a sealed body round-trips through the schema and the envelope")
    func roundTrip() throws {
        let document = CredentialDocument.make(accessToken: "CANARY-token", expiryDate: 1_767_229_200_000)
        let request = try WebhookRequest.sealing(document, userId: 42, appSlug: "zoom", key: key)
        let parsed = try #require(WebhookRequest.validate(body: request.body).request)
        #expect(parsed == request)
        #expect(try Envelope.openJSON(parsed.keys, key: key) == document)
        #expect(String(decoding: request.body, as: UTF8.self).hasPrefix(#"{"userId":42,"appSlug":"zoom","keys":""#))
    }

    @Test("integers written as 1.0, 1e0 and -0 pass; the id prints as JavaScript prints it")
    func integerForms() throws {
        for (text, shown) in [("1.0", "1"), ("1e0", "1"), ("-0", "0"), ("1e21", "1e+21")] {
            let body = #"{"userId":\#(text),"appSlug":"a","keys":"k"}"#
            let request = try #require(WebhookRequest.validate(body: Array(body.utf8)).request, "\(text)")
            #expect(request.userIdText == shown)
        }
        let huge = try #require(
            WebhookRequest.validate(body: Array(#"{"userId":1e21,"appSlug":"a","keys":"k"}"#.utf8)).request
        )
        #expect(huge.databaseUserId == nil)
    }

    @Test("a body that is not JSON is reported as such")
    func notJSON() {
        guard case .notJSON = WebhookRequest.validate(body: Array("{".utf8)) else {
            Issue.record("expected notJSON")
            return
        }
    }

    @Test("a sender's call is graded for method, path, content type and secret")
    func callGrading() throws {
        let body = try WebhookRequest.sealing(
            CredentialDocument.make(accessToken: "CANARY", expiryDate: 2e12),
            userId: 1,
            appSlug: "google-calendar",
            key: key
        ).body
        let good = HTTPRequestMessage(
            method: "POST",
            target: "/api/webhook/app-credential",
            fields: [.init("Content-Type", "application/json"), .init("calcom-credential-sync-secret", "s")],
            body: body
        )
        #expect(WebhookRequest.grade(call: good, edition: .current, secret: "s", key: key, now: 1e12).isEmpty)

        var wrong = good
        wrong.fields = [.init("content-type", "text/plain"), .init("calcom-webhook-secret", "s")]
        wrong.target = "/api/webhook/app-credentials"
        let findings = WebhookRequest.grade(call: wrong, edition: .current, secret: "s", key: key, now: 1e12)
        #expect(findings.codes == ["webhook-path", "webhook-content-type", "webhook-secret-wrong-header"])
        #expect(!findings.map(\.detail).joined().contains("\"s\""))
    }
}
