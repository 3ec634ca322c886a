/// A JSON document as JavaScript's `JSON.parse` sees it.
///
/// Numbers are doubles, as in JavaScript, so `1` and `1.0` are the same integer. Objects keep their keys in
/// the order they first appear; a repeated key keeps its first position and takes its last value, as
/// `JSON.parse` does.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The object, when this value is one.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The number, when this value is one.
    public var numberValue: Double? {
        if case .number(let number) = self { number } else { nil }
    }

    /// The number as an `Int`, when this value is a number with no fractional part that fits.
    ///
    /// This is what Zod's `z.number().int()` accepts: `1`, `1.0` and `1e0` are all the integer 1.
    public var integerValue: Int? {
        guard case .number(let number) = self, number.isFinite, number.rounded(.towardZero) == number,
            let integer = Int(exactly: number)
        else {
            return nil
        }
        return integer
    }

    /// The name JavaScript's `typeof` gives this value, with `array` and `null` told apart.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Looks up a key when this value is an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

// MARK: - Literals

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }

    public init(floatLiteral value: Double) {
        self = .number(value)
    }

    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    public init(nilLiteral: ()) {
        self = .null
    }

    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
