import Credsync
import Testing

@Suite("Fixture envelopes")
struct EnvelopeFixtureTests {
    @Test("the documented test key has the documented key-check value")
    func testKey() {
        let recorded = FixtureConstants.requests["testKey"]?["keyCheckValue"]?.stringValue
        #expect("\(FixtureConstants.testKey.keyCheckValue)" == recorded)
        let other = FixtureConstants.requests["otherKey"]
        let otherKey = try? EnvelopeKey(other?["value"]?.stringValue ?? "")
        #expect(otherKey.map { "\($0.keyCheckValue)" } == other?["keyCheckValue"]?.stringValue)
    }

    @Test(
        "credential envelopes open with the test key to their plaintext",
        arguments: BundledFiles.paths(under: "fixtures/credentials")
    )
    func credentials(path: String) throws {
        for document in FixtureFile.json(path)["documents"]?.elements ?? [] {
            let envelope = try #require(document["envelope"]?.stringValue)
            #expect(envelope.hasPrefix(FixtureConstants.requests["testKey"]?["iv"]?.stringValue ?? "-"))
            let text = try Envelope.openText(envelope, key: FixtureConstants.testKey)
            #expect(text == document["plaintext"]?.stringValue)
        }
    }

    @Test("well-formed webhook envelopes open with the test key", arguments: WebhookRequestFixtureTests.cases)
    func webhook(entry: FixtureCase) throws {
        guard let body = try? JSONParser.parse(entry["body"]?.stringValue ?? ""), let keys = body["keys"]?.stringValue,
            (try? Envelope.parse(keys, decoding: .strict)) != nil, entry.testDescription != "keys-wrong-key"
        else {
            return
        }
        let text = try Envelope.openText(keys, key: FixtureConstants.testKey)
        if let plaintext = entry["plaintext"]?.stringValue {
            #expect(text == plaintext)
        }
        #expect(throws: EnvelopeError.self) {
            try Envelope.open(
                keys,
                key: try EnvelopeKey(FixtureConstants.requests["otherKey"]?["value"]?.stringValue ?? "")
            )
        }
    }
}
