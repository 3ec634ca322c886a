import Credsync
import Testing

@Suite("Zod issues")
struct ZodIssueTests {
    @Test(
        "a type issue serializes with path before message",
        arguments: [
            (
                JSONValue?.some(.string("1")),
                #"{"code":"invalid_type","expected":"number","received":"string","path":["userId"],"#
                    + #""message":"Expected number, received string"}"#
            ),
            (
                JSONValue?.none,
                #"{"code":"invalid_type","expected":"number","received":"undefined","path":["userId"],"#
                    + #""message":"Required"}"#
            ),
            (
                JSONValue?.some(.null),
                #"{"code":"invalid_type","expected":"number","received":"null","path":["userId"],"#
                    + #""message":"Expected number, received null"}"#
            ),
        ]
    )
    func typeIssue(found: JSONValue?, json: String) {
        #expect(ZodIssue(expected: "number", found: found, path: ["userId"]).json.serialized == json)
    }

    @Test("the .int() issue puts message before path, as Zod's spread does")
    func integerIssue() {
        let issue = ZodIssue(notIntegerAt: ["userId"])
        #expect(
            issue.json.serialized
                == #"{"code":"invalid_type","expected":"integer","received":"float","#
                + #""message":"Expected integer, received float","path":["userId"]}"#
        )
        #expect(ZodIssue(json: issue.json) == issue)
    }

    @Test(
        "getParsedType names",
        arguments: [
            (JSONValue.array([]), "array"), (.object(JSONObject()), "object"), (.bool(true), "boolean"),
            (.number(.infinity), "number"), (.string(""), "string"), (.null, "null"),
        ]
    )
    func parsedType(value: JSONValue, name: String) {
        #expect(ZodIssue.parsedType(value) == name)
    }
}
