import Credsync
import Testing

@Suite("Refresh fixtures")
struct RefreshFixtureTests {
    static let file = FixtureFile.json("fixtures/refresh/request.json")
    static let variants = FixtureFile.cases("fixtures/refresh/request.json", "variants")
    static let answers = FixtureFile.cases("fixtures/refresh/responses.json", "cases")

    @Test("the call Cal.com sends equals the wire fixture", arguments: Edition.allCases)
    func wire(edition: Edition) throws {
        let wire = try #require(Self.file["request"]?[edition.rawValue])
        let secret = try #require(Self.file["secret"]?.stringValue)
        let made = RefreshRequest(calcomUserId: 42, appSlug: "google-calendar")
            .message(edition: edition, target: "/api/getToken", secret: secret, includeFetchDefaults: true)
        #expect(made == Self.message(wire))
        #expect(made.fields.contains { $0.name == "content-type" && $0.value == RefreshRequest.contentType })
    }

    @Test("each call variant gets the expected findings", arguments: variants)
    func variant(entry: FixtureCase) throws {
        let edition = try #require(entry["edition"]?.stringValue.flatMap(Edition.init(rawValue:)))
        let graded = RefreshRequest.grade(
            Self.message(entry.value),
            edition: edition,
            secret: Self.file["secret"]?.stringValue
        )
        #expect(graded.findings.codes == entry["findings"]?.strings)
        if graded.findings.isEmpty {
            #expect(graded.request == RefreshRequest(calcomUserId: 42, appSlug: "google-calendar"))
        }
    }

    @Test(
        "each sync endpoint answer gets Cal.com's outcome, the normalised expiry and the findings",
        arguments: answers
    )
    func answer(entry: FixtureCase) throws {
        let expected = try #require(entry["expect"])
        let now = try #require(FixtureFile.json("fixtures/refresh/responses.json")["now"]?.numberValue)
        let graded = TokenResponse.grade(
            status: entry["status"]?.integerValue ?? 0,
            body: Array((entry["body"]?.stringValue ?? "").utf8),
            now: now
        )
        #expect(graded.outcome == expected["outcome"]?.stringValue)
        #expect(graded.normalizedExpiryDate == expected["normalizedExpiryDate"]?.numberValue)
        #expect(graded.invalidatesGoogleCredential == (expected["invalidatesGoogleCredential"] == .bool(true)))
        #expect(graded.findings.codes == expected["findings"]?.strings)
        #expect(graded.findings.map(\.severity.rawValue) == expected["severities"]?.strings)
        #expect(graded.findings.outcome == expected["verdict"]?.stringValue)
    }

    static func message(_ value: JSONValue) -> HTTPRequestMessage {
        HTTPRequestMessage(
            method: value["method"]?.stringValue ?? "",
            target: value["target"]?.stringValue ?? "",
            fields: (value["headers"]?.elements ?? []).map {
                .init($0.elements[0].stringValue ?? "", $0.elements[1].stringValue ?? "")
            },
            body: Array((value["body"]?.stringValue ?? "").utf8)
        )
    }
}
