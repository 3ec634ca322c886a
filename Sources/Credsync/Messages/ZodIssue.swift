/// One issue as Zod v3 reports it from `safeParse`, for the schemas the protocol uses.
///
/// Only the issue kinds those schemas can produce are modelled: `invalid_type`, including the one `.int()` raises
/// (`expected: "integer"`, `received: "float"`). The JSON form keeps Zod's key order, which differs between the
/// two: Zod builds an issue as `{...issueData, path, message}`, and the `.int()` check passes an explicit
/// `message: undefined`, so its `message` key comes before `path`.
public struct ZodIssue: Sendable, Hashable, CustomStringConvertible {
    /// The issue code; always `invalid_type` for these schemas.
    public let code: String

    /// What the schema expected: `object`, `number`, `string` or `integer`.
    public let expected: String

    /// What Zod's `getParsedType` saw: `undefined`, `null`, `string`, `number`, `boolean`, `array`, `object`, or
    /// `float` for the `.int()` check.
    public let received: String

    /// The path to the value, such as `["userId"]`; empty for the body itself.
    public let path: [String]

    /// Zod's default English message: `Required` for a missing value, else `Expected X, received Y`.
    public let message: String

    /// Whether the JSON form puts `message` before `path` (the `.int()` check).
    public let messageBeforePath: Bool

    /// Makes the issue Zod raises when a value has the wrong type or is missing.
    ///
    /// - Parameters:
    ///   - expected: The expected type.
    ///   - value: The value found, `nil` when absent.
    ///   - path: Where it is.
    public init(expected: String, found value: JSONValue?, path: [String]) {
        let received = value.map(Self.parsedType) ?? "undefined"
        self.code = "invalid_type"
        self.expected = expected
        self.received = received
        self.path = path
        self.message = received == "undefined" ? "Required" : "Expected \(expected), received \(received)"
        self.messageBeforePath = false
    }

    /// Makes the issue `z.number().int()` raises for a number that is not an integer.
    ///
    /// - Parameter path: Where the number is.
    public init(notIntegerAt path: [String]) {
        code = "invalid_type"
        expected = "integer"
        received = "float"
        self.path = path
        message = "Expected integer, received float"
        messageBeforePath = true
    }

    /// Reads an issue from its JSON form, as fixtures hold it.
    ///
    /// Fails when a member is missing or has another type.
    ///
    /// - Parameter json: An object with `code`, `expected`, `received`, `path` and `message`.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let code = object["code"]?.stringValue,
            let expected = object["expected"]?.stringValue, let received = object["received"]?.stringValue,
            case .array(let pathValues)? = object["path"], let message = object["message"]?.stringValue
        else {
            return nil
        }
        let path = pathValues.compactMap(\.stringValue)
        guard path.count == pathValues.count, let messageIndex = object.keys.firstIndex(of: "message"),
            let pathIndex = object.keys.firstIndex(of: "path")
        else {
            return nil
        }
        self.code = code
        self.expected = expected
        self.received = received
        self.path = path
        self.message = message
        self.messageBeforePath = messageIndex < pathIndex
    }

    /// The issue as `JSON.stringify` writes it inside Cal.com's `{"error":[…]}` answer, keys in Zod's order.
    public var json: JSONValue {
        let pathValue = JSONValue.array(path.map { .string($0) })
        var members: [(String, JSONValue)] = [
            ("code", .string(code)), ("expected", .string(expected)), ("received", .string(received)),
        ]
        if messageBeforePath {
            members += [("message", .string(message)), ("path", pathValue)]
        } else {
            members += [("path", pathValue), ("message", .string(message))]
        }
        return .object(JSONObject(members))
    }

    public var description: String {
        let location = path.isEmpty ? "(body)" : path.joined(separator: ".")
        return "\(location): \(message)"
    }

    /// The name Zod v3's `getParsedType` gives a value parsed from JSON.
    ///
    /// JSON cannot carry `NaN`, but `JSON.parse` turns a literal such as `1e400` into `Infinity`, which Zod
    /// reports as a `number`.
    public static func parsedType(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isNaN ? "nan" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
