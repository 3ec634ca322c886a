import Credsync
import Testing

@Suite("Header lookup")
struct HeaderLookupTests {
    let fields: [HTTPRequestMessage.Field] = [.init("X-Secret", "  a  "), .init("x-secret", "b"), .init("other", "c")]

    @Test("the App Router matches any case, joins repeats and trims")
    func appRouter() {
        #expect(HeaderLookup.caseInsensitive.value(of: "X-SECRET", in: fields) == "a, b")
        #expect(HeaderLookup.caseInsensitive.value(of: "missing", in: fields) == nil)
    }

    @Test("the pages router never matches a configured name with uppercase letters")
    func pagesRouter() {
        #expect(HeaderLookup.lowercaseOnly.value(of: "x-secret", in: fields) == "a, b")
        #expect(HeaderLookup.lowercaseOnly.value(of: "X-Secret", in: fields) == nil)
    }

    @Test(
        "field names must be tokens",
        arguments: [
            ("calcom-credential-sync-secret", true), ("X_Custom.1~", true), ("bad name", false), ("", false),
            ("a:b", false),
        ]
    )
    func validNames(name: String, valid: Bool) {
        #expect(HeaderLookup.isValidName(name) == valid)
    }
}
