import Credsync
import CredsyncConformance
import CredsyncStore
import CredsyncWire
import Foundation
import Testing

extension MockCalcomSuites {
    @Suite("Stand-in Cal.com: API v1 /credential-sync")
    struct CalcomStandInAPITests {
        static let secret = "credsync-api-test-secret-7d2e"
        static let keyString = "credsync-api-test-key-0000000001"
        static let admin = "cal_credsyncapitestadmin01"
        static let member = "cal_credsyncapitestmember01"

        private func withStandIn(
            _ edition: Edition = .current,
            enabled: Bool = true,
            _ body: (CalcomStandIn, String) async throws -> Void
        ) async throws {
            var settings = WebhookSettings(edition: edition, secret: Self.secret, keyString: Self.keyString)
            settings.isEnabled = enabled
            let standIn = try CalcomStandIn(
                options: CalcomStandIn.Options(settings: settings, adminAPIKey: Self.admin, memberAPIKey: Self.member)
            )
            try await standIn.start()
            do {
                try await body(standIn, try #require(standIn.baseURL))
                await standIn.shutdown()
            } catch {
                await standIn.shutdown()
                throw error
            }
        }

        private func call(
            _ base: String,
            _ method: String,
            _ query: String,
            secret: String? = secret,
            body: JSONValue? = nil
        ) async throws -> (Int, JSONValue?) {
            var headers = HTTPHeaders()
            if let secret {
                headers.add(name: "calcom-credential-sync-secret", value: secret)
            }
            if body != nil {
                headers.add(name: "Content-Type", value: "application/json")
            }
            let request = try HTTPClientRequest(
                method: method,
                url: base + "/api/v1/credential-sync?" + query,
                headers: headers,
                body: Array((body?.serialized ?? "").utf8)
            )
            let response = try await HTTPClient().send(request)
            return (response.status, try? JSONParser.parse(response.bodyText))
        }

        private func post(_ plaintext: String, appSlug: String = "zoom") throws -> JSONValue {
            let key = try EnvelopeKey(Self.keyString)
            return [
                "appSlug": .string(appSlug),
                "encryptedKey": .string(try Envelope.seal(plaintext, key: key)),
            ]
        }

        @Test("authentication answers in Cal.com's order, and API calls are not graded as pushes")
        func authentication() async throws {
            try await withStandIn { standIn, base in
                let admin = "apiKey=\(Self.admin)&userId=1"
                #expect(try await call(base, "GET", "userId=1").1 == ["message": "No apiKey provided"])
                #expect(try await call(base, "GET", "apiKey=&userId=1").1 == ["message": "No apiKey provided"])
                let unknown = try await call(base, "GET", "apiKey=cal_nope&userId=1")
                #expect(unknown.0 == 401 && unknown.1 == ["error": "Your API key is not valid."])
                let member = try await call(base, "GET", "apiKey=\(Self.member)&userId=1", secret: nil)
                #expect(member.0 == 403)
                #expect(member.1 == ["error": "Only admin API keys can access credential syncing endpoints"])
                #expect(try await call(base, "GET", admin, secret: nil).0 == 401)
                #expect(try await call(base, "GET", admin, secret: "wrong").0 == 401)
                let put = try await call(base, "PUT", admin)
                #expect(put.0 == 405)
                #expect(put.1?["message"] == "Method Not Allowed (Allow: GET,POST,PATCH,DELETE)")
                #expect(try await call(base, "GET", admin).1 == ["credentials": []])
                #expect(standIn.pushCount == 0)
            }
            try await withStandIn(enabled: false) { _, base in
                let answer = try await call(base, "GET", "apiKey=\(Self.admin)&userId=1", secret: nil)
                #expect(answer.0 == 501)
                #expect(answer.1 == ["error": "Credential syncing is not enabled"])
            }
            try await withStandIn(.legacy) { _, base in
                let answer = try await call(base, "GET", "apiKey=\(Self.admin)&userId=1")
                #expect(answer.0 == 404)
            }
        }

        @Test("POST always creates, validates the token, PATCH and DELETE are scoped to the user")
        func writes() async throws {
            try await withStandIn { standIn, base in
                let query = "apiKey=\(Self.admin)&userId=2"
                let token = #"{"access_token":"canary-api-token"}"#
                let first = try await call(base, "POST", query, body: try post(token))
                let second = try await call(base, "POST", query, body: try post(token))
                #expect(first.0 == 200 && second.0 == 200)
                #expect(first.1?["credential"]?["type"] == "zoom_video")
                let id = try #require(second.1?["credential"]?["id"]?.numberValue.map(Int.init))
                #expect(try standIn.store.count(userId: 2, appSlug: "zoom") == 2)
                #expect(try await call(base, "POST", query, body: try post(#"{"expiry_date":1}"#)).0 == 400)
                #expect(try await call(base, "POST", query, body: try post(token, appSlug: "nope")).0 == 500)
                #expect(try await call(base, "POST", "apiKey=\(Self.admin)&userId=99", body: try post(token)).0 == 400)
                let listed = try await call(base, "GET", query + "&appSlug=zoom")
                guard case .array(let items)? = listed.1?["credentials"] else {
                    Issue.record("GET answered \(String(describing: listed.1))")
                    return
                }
                #expect(items.count == 2)

                let other = "apiKey=\(Self.admin)&userId=3&credentialId=\(id)"
                let own = "apiKey=\(Self.admin)&userId=2&credentialId=\(id)"
                let patch: JSONValue = ["encryptedKey": try post(token)["encryptedKey"] ?? ""]
                #expect(try await call(base, "PATCH", other, body: patch).0 == 404)
                #expect(try await call(base, "DELETE", other).0 == 404)
                #expect(try await call(base, "PATCH", own, body: patch).1?["credential"]?["appId"] == "zoom")
                #expect(try await call(base, "DELETE", own).1?["credentialDeleted"]?["id"] == .number(Double(id)))
                #expect(try await call(base, "DELETE", own).0 == 404)
                #expect(try standIn.store.count(userId: 2, appSlug: "zoom") == 1)
            }
        }
    }
}
