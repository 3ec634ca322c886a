import Credsync
import Foundation
import Testing

@Suite("Environment fixtures")
struct EnvironmentFixtureTests {
    static let index = FixtureFile.json("fixtures/env/index.json")
    static let samples = FixtureFile.cases("fixtures/env/index.json", "samples")
    static let comparisons = FixtureFile.cases("fixtures/env/index.json", "comparisons")
    static let parseCases = FixtureFile.cases("fixtures/env/parse-cases.json", "cases")

    @Test("each sample resolves and gets its findings", arguments: samples)
    func sample(entry: FixtureCase) throws {
        let side = try #require(entry["side"]?.stringValue.flatMap(ConfigurationSide.init(rawValue:)))
        let file = try EnvironmentFile.parse(entry["text"]?.stringValue ?? "")
        for member in entry["expect"]?.objectValue ?? JSONObject() {
            let edition = try #require(Edition(rawValue: member.key))
            let expected = member.value
            let configuration = CredentialSyncConfiguration.resolve(edition: edition, side: side, file: file)

            #expect(configuration.findings.codes == expected["findings"]?.strings, "\(edition)")
            #expect(configuration.isEnabled == (expected["enabled"] == .bool(true)), "\(edition)")
            #expect(configuration.headerName == expected["headerName"]?.stringValue, "\(edition)")
            #expect(configuration.secretCheckValue.map { "\($0)" } == expected["secretCheckValue"]?.stringValue)
            let key: String? =
                switch configuration.key {
                case .success(let key): "\(key.keyCheckValue)"
                case .failure: configuration.keyString == nil ? nil : "unusable"
                }
            #expect(key == expected["key"]?.stringValue, "\(edition)")
            if let endpoint = expected["endpoint"]?.stringValue {
                #expect(configuration.endpoint == endpoint)
            }
            #expect(
                !configuration.description.contains(configuration.secret ?? "\u{0}"),
                "description leaks the secret"
            )
            #expect(
                !configuration.description.contains(configuration.keyString ?? "\u{0}"),
                "description leaks the key"
            )
        }
    }

    @Test("paired configurations compare as expected", arguments: comparisons)
    func comparison(entry: FixtureCase) throws {
        let edition = try #require(entry["edition"]?.stringValue.flatMap(Edition.init(rawValue:)))
        let calcom = try Self.configuration(entry["calcom"]?.stringValue, edition: edition, side: .calcom)
        let platform = try Self.configuration(entry["platform"]?.stringValue, edition: edition, side: .platform)
        #expect(
            CredentialSyncConfiguration.compare(calcom: calcom, platform: platform).codes == entry["findings"]?.strings
        )
    }

    @Test("each parser case fails at its line and column, or gives its values", arguments: parseCases)
    func parse(entry: FixtureCase) throws {
        let text = entry["text"]?.stringValue ?? ""
        if let error = entry["error"] {
            let thrown = #expect(throws: EnvironmentFileError.self) { try EnvironmentFile.parse(text) }
            #expect(thrown?.code.name == error["code"]?.stringValue)
            #expect(thrown?.line == error["line"]?.integerValue)
            #expect(thrown?.column == error["column"]?.integerValue)
            return
        }
        let file = try EnvironmentFile.parse(text)
        var expected: [String: String] = [:]
        for member in entry["values"]?.objectValue ?? JSONObject() {
            expected[member.key] = member.value.stringValue
        }
        #expect(file.values == expected)
        #expect(file.remarks.codes == (entry["remarks"]?.strings ?? []))
    }

    @Test("the .env files on disk match the index", arguments: samples)
    func diskCopy(entry: FixtureCase) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("fixtures/env").appendingPathComponent(entry["file"]?.stringValue ?? "")
            .path
        let loaded = try EnvironmentFile.load(path: path)
        #expect(loaded == (try EnvironmentFile.parse(entry["text"]?.stringValue ?? "")))
    }

    static func configuration(_ file: String?, edition: Edition, side: ConfigurationSide) throws
        -> CredentialSyncConfiguration
    {
        let sample = try #require(samples.first { $0["file"]?.stringValue == file })
        let parsed = try EnvironmentFile.parse(sample["text"]?.stringValue ?? "")
        return CredentialSyncConfiguration.resolve(edition: edition, side: side, file: parsed)
    }
}
