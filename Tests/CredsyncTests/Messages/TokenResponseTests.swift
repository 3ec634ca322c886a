import Credsync
import Testing

@Suite("Token response")
struct TokenResponseTests {
    let now = 1_767_225_600_000.0

    @Test("members come out in Zod's passthrough order, and expires_in becomes expiry_date")
    func normalization() throws {
        let body = #"{"_1":true,"expires_in":1.5,"access_token":"CANARY","scope":"s"}"#
        let token = try #require(TokenResponse.parse(Array(body.utf8)).token)
        #expect(token.fields.keys == ["access_token", "scope", "expires_in", "_1"])
        let normalized = token.normalized(now: now)
        #expect(normalized.keys == ["access_token", "scope", "_1", "expiry_date"])
        #expect(normalized["expiry_date"] == .number(now + 1500))
    }

    @Test("both expiry members are kept when both are given")
    func bothExpiries() throws {
        let token = try #require(
            TokenResponse.parse(Array(#"{"access_token":"x","expiry_date":5e12,"expires_in":60}"#.utf8)).token
        )
        #expect(token.normalized(now: now) == token.fields)
    }

    @Test("blank bodies are read as null")
    func blank() {
        #expect(TokenResponse.parse(Array(" \n".utf8)).outcome == "invalid-token-response")
    }

    @Test("a well-behaved answer grades clean")
    func wellBehaved() {
        let response = TokenResponse.answer(accessToken: "CANARY", expiryDate: now + 3_600_000)
        let graded = TokenResponse.grade(status: response.status, body: response.body, now: now)
        #expect(graded.findings.isEmpty)
        #expect(graded.normalizedExpiryDate == now + 3_600_000)
    }
}
