import Credsync
import CredsyncConformance
import CredsyncStore
import CredsyncWire
import Foundation
import Testing

/// One webhook fixture call in one edition.
struct WebhookFixtureCall: Sendable, CustomTestStringConvertible {
    let entry: JSONValue
    let edition: Edition

    var testDescription: String { "\(entry[member: "id"]?.stringValue ?? "?") (\(edition))" }
}

extension MockCalcomSuites {
    @Suite("Stand-in Cal.com answers every fixture call on the wire as its edition")
    struct CalcomFixtureTests {
        static let file: JSONValue = {
            guard let data = BundledFiles.data("fixtures/webhook/requests.json"),
                let value = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
            else {
                fatalError("fixtures/webhook/requests.json is missing")
            }
            return value
        }()

        static let calls: [WebhookFixtureCall] = {
            guard case .array(let entries)? = file[member: "cases"] else {
                return []
            }
            return Edition.allCases.flatMap { edition in entries.map { WebhookFixtureCall(entry: $0, edition: edition) }
            }
        }()

        static func substitute(_ text: String, _ edition: Edition) -> String {
            let header = edition.defaultHeaderName
            let capitalised = header.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined(separator: "-")
            return text.replacingOccurrences(of: "{header}", with: header)
                .replacingOccurrences(of: "{Header}", with: capitalised)
                .replacingOccurrences(of: "{secret}", with: NodeSender.secret)
        }

        @Test("status, reason, content type and body match the edition's answer", arguments: calls)
        func answer(_ call: WebhookFixtureCall) async throws {
            let entry = call.entry
            let edition = call.edition
            let defaults = Self.file[member: "defaults"]
            let overrides = entry[member: "settings"]
            var settings = WebhookSettings(
                edition: edition,
                secret: NodeSender.secret,
                headerName: overrides?[member: "headerName"]?.stringValue.map { Self.substitute($0, edition) },
                keyString: overrides?[member: "key"]?.stringValue ?? NodeSender.key
            )
            if overrides?[member: "enabled"] == .bool(false) {
                settings.isEnabled = false
            }

            var apps: [String: WebhookAppRecord] = [:]
            for member in defaults?[member: "directory"]?[member: "apps"]?.objectValue ?? JSONObject() {
                if let slug = member.value[member: "metadataSlug"]?.stringValue,
                    let type = member.value[member: "type"]?.stringValue
                {
                    apps[member.key] = .found(metadataSlug: slug, type: type)
                } else {
                    apps[member.key] = .withoutMetadata
                }
            }
            let standIn = try CalcomStandIn(
                options: .init(settings: settings, seed: CalcomSeed(users: [1, 42], apps: apps))
            )
            _ = try standIn.store.upsert(userId: 42, appSlug: "google-calendar", type: "google_calendar", key: "{}")
            try await standIn.start()
            try await NodeSender.shuttingDown(standIn) {

                var body = Array((entry[member: "body"]?.stringValue ?? "").utf8)
                if let size = entry[member: "padTo"]?.numberValue.map(Int.init), size > body.count {
                    body += Array(repeating: UInt8(ascii: " "), count: size - body.count)
                }
                var headers = HTTPHeaders()
                var fields: [HTTPRequestMessage.Field] = []
                for pair in (entry[member: "headers"] ?? defaults?[member: "headers"])?.arrayElements ?? [] {
                    let name = Self.substitute(pair.arrayElements[0].stringValue ?? "", edition)
                    let value = Self.substitute(pair.arrayElements[1].stringValue ?? "", edition)
                    headers.add(name: name, value: value)
                    fields.append(.init(name, value))
                }
                let method = entry[member: "method"]?.stringValue ?? "POST"
                let url = try #require(standIn.webhookURL)
                let request = try HTTPClientRequest(method: method, url: url, headers: headers, body: body)
                let response = try await HTTPClient().send(request)

                let message = HTTPRequestMessage(
                    method: method,
                    target: Edition.webhookPath,
                    fields: fields,
                    body: body
                )
                let directory = FixedWebhookDirectory(
                    users: [1, 42],
                    apps: apps,
                    credentials: [(42, "google-calendar")]
                )
                let expected = WebhookAnswers(settings: settings).answer(message, directory: directory)
                let branch = entry[member: "expect"]?[member: edition.rawValue]?[member: "branch"]?.stringValue
                #expect(expected.branch.rawValue == branch)

                #expect(response.status == expected.response.status)
                #expect(
                    response.reason
                        == (expected.response.reasonPhrase ?? HTTPResponse.standardReason(for: response.status))
                )
                #expect(response.headers["Content-Type"] == expected.response.contentType)
                for field in expected.response.otherFields {
                    #expect(response.headers[field.name] == field.value)
                }
                if method != "HEAD" {
                    #expect(response.body == expected.response.body)
                }
            }
        }
    }
}

extension JSONValue {
    var arrayElements: [JSONValue] {
        if case .array(let values) = self { values } else { [] }
    }
}
