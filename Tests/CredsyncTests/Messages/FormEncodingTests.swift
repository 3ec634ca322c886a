import Credsync
import Testing

@Suite("Form encoding")
struct FormEncodingTests {
    @Test("encodes as URLSearchParams does (checked against Node 20)")
    func encode() {
        #expect(
            FormEncoding.encode([("calcomUserId", "42"), ("appSlug", "google-calendar")])
                == "calcomUserId=42&appSlug=google-calendar"
        )
        #expect(
            FormEncoding.encode([("calcomUserId", "1"), ("appSlug", "a b&c=d/é~*")])
                == "calcomUserId=1&appSlug=a+b%26c%3Dd%2F%C3%A9%7E*"
        )
    }

    @Test("decodes plus signs, percent escapes, bare names and empty pieces")
    func decode() {
        let pairs = FormEncoding.decode("a=1+2&&b&c=%41%zz&d=%C3%A9")
        #expect(pairs.map(\.0) == ["a", "b", "c", "d"])
        #expect(pairs.map(\.1) == ["1 2", "", "A%zz", "é"])
    }

    @Test("the refresh body is exactly Cal.com's")
    func refreshBody() {
        #expect(
            RefreshRequest(calcomUserId: 42, appSlug: "google-calendar").formBody
                == "calcomUserId=42&appSlug=google-calendar"
        )
        let parsed = RefreshRequest.parse(
            HTTPRequestMessage(method: "POST", target: "/", body: Array("appSlug=zoom&calcomUserId=7".utf8))
        )
        #expect(parsed == RefreshRequest(calcomUserId: 7, appSlug: "zoom"))
    }
}
