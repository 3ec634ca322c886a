import Credsync
import Testing

@Suite("Credential document fixtures")
struct CredentialDocumentFixtureTests {
    static let documents: [FixtureCase] = BundledFiles.paths(under: "fixtures/credentials").flatMap { path in
        FixtureFile.cases(path, "documents").map { entry in
            var object = entry.value.objectValue ?? JSONObject()
            object["id"] = .string("\(path.split(separator: "/").last ?? ""): \(entry.testDescription)")
            return FixtureCase(file: path, value: .object(object))
        }
    }

    @Test("the four apps have fixtures")
    func apps() {
        let apps = BundledFiles.paths(under: "fixtures/credentials").compactMap {
            FixtureFile.json($0)["app"]?.stringValue
        }
        #expect(Set(apps) == Set(WebhookRequest.knownAppSlugs))
    }

    @Test("each document gets its verdict and findings", arguments: documents)
    func document(entry: FixtureCase) {
        let now = FixtureFile.json(entry.file)["now"]?.numberValue ?? 0
        let findings = CredentialDocument.grade(entry["plaintext"]?.stringValue ?? "", now: now)
        #expect(findings.codes == entry["findings"]?.strings)
        #expect(findings.map(\.severity.rawValue) == entry["severities"]?.strings)
        #expect(findings.outcome == entry["verdict"]?.stringValue)
    }
}
