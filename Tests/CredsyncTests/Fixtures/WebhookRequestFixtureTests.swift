import Credsync
import Testing

@Suite("Webhook request fixtures")
struct WebhookRequestFixtureTests {
    static let cases = FixtureFile.cases("fixtures/webhook/requests.json", "cases")

    @Test("each call takes the expected branch in each edition", arguments: cases, Edition.allCases)
    func branch(entry: FixtureCase, edition: Edition) throws {
        let expected = try #require(entry["expect"]?[edition.rawValue])
        let answers = WebhookAnswers(settings: Self.settings(entry, edition: edition))
        let answer = answers.answer(Self.request(entry, edition: edition), directory: Self.directory)

        #expect(answer.branch.rawValue == expected["branch"]?.stringValue)
        let issues = expected["issues"]?.elements ?? []
        #expect(answer.issues.map(\.json) == issues, "Zod issues")
        #expect(issues.compactMap(ZodIssue.init(json:)).map(\.json) == issues, "issues read back")

        let userIdText = expected["userIdText"]?.stringValue ?? ""
        let response = answers.response(for: answer.branch, userIdText: userIdText, issues: answer.issues)
        #expect(answer.response == response)
        if answer.branch == .credentialCreated || answer.branch == .credentialUpdated {
            #expect(answer.write != nil)
            #expect(answer.response.bodyText.hasSuffix("userId: \(userIdText)\"}"))
        } else {
            #expect(answer.write == nil)
        }
    }

    @Test("each body gets the expected strict sender findings", arguments: cases)
    func senderFindings(entry: FixtureCase) {
        let body = Self.body(entry)
        let findings = WebhookRequest.grade(body, key: FixtureConstants.testKey, now: FixtureConstants.now)
        #expect(findings.codes == entry["sender"]?.strings)
    }

    @Test("each branch of each edition is reached by some call", arguments: Edition.allCases)
    func coverage(edition: Edition) {
        let reached = Set(Self.cases.compactMap { $0["expect"]?[edition.rawValue]?["branch"]?.stringValue })
        #expect(reached == Set(edition.webhookBranchOrder.map(\.rawValue)))
    }

    // MARK: - Building calls from fixtures

    static let directory: FixedWebhookDirectory = {
        let defaults = FixtureConstants.requests["defaults"]?["directory"]
        var apps: [String: WebhookAppRecord] = [:]
        for member in defaults?["apps"]?.objectValue ?? JSONObject() {
            if let slug = member.value["metadataSlug"]?.stringValue, let type = member.value["type"]?.stringValue {
                apps[member.key] = .found(metadataSlug: slug, type: type)
            } else {
                apps[member.key] = .withoutMetadata
            }
        }
        let users = Set((defaults?["users"]?.elements ?? []).compactMap { $0.integerValue.map(Int32.init) })
        let credentials = (defaults?["credentials"]?.elements ?? []).compactMap { pair -> (Int32, String)? in
            guard let id = pair.elements.first?.integerValue, let app = pair.elements.last?.stringValue else {
                return nil
            }
            return (Int32(id), app)
        }
        return FixedWebhookDirectory(users: users, apps: apps, credentials: credentials)
    }()

    static func substitute(_ text: String, edition: Edition) -> String {
        let header = edition.defaultHeaderName
        let capitalised = header.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: "-")
        return text.replacingOccurrences("{header}", with: header)
            .replacingOccurrences("{Header}", with: capitalised)
            .replacingOccurrences("{secret}", with: FixtureConstants.secret)
    }

    static func body(_ entry: FixtureCase) -> [UInt8] {
        var bytes = Array((entry["body"]?.stringValue ?? "").utf8)
        if let size = entry["padTo"]?.integerValue, size > bytes.count {
            bytes += Array(repeating: UInt8(ascii: " "), count: size - bytes.count)
        }
        return bytes
    }

    static func request(_ entry: FixtureCase, edition: Edition) -> HTTPRequestMessage {
        let defaults = FixtureConstants.requests["defaults"]
        let headers = entry["headers"] ?? defaults?["headers"] ?? .array([])
        let fields = headers.elements.map { pair in
            HTTPRequestMessage.Field(
                substitute(pair.elements[0].stringValue ?? "", edition: edition),
                substitute(pair.elements[1].stringValue ?? "", edition: edition)
            )
        }
        return HTTPRequestMessage(
            method: entry["method"]?.stringValue ?? "POST",
            target: Edition.webhookPath,
            fields: fields,
            body: body(entry)
        )
    }

    static func settings(_ entry: FixtureCase, edition: Edition) -> WebhookSettings {
        let overrides = entry["settings"]
        let header = overrides?["headerName"]?.stringValue.map { substitute($0, edition: edition) }
        let keyString =
            overrides?["key"]?.stringValue ?? (FixtureConstants.requests["testKey"]?["value"]?.stringValue ?? "")
        var settings = WebhookSettings(
            edition: edition,
            secret: FixtureConstants.secret,
            headerName: header,
            keyString: keyString
        )
        if overrides?["enabled"] == .bool(false) {
            settings.isEnabled = false
        }
        return settings
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
