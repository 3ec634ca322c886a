import Credsync
import Testing

/// Reads a bundled fixture file as JSON.
enum FixtureFile {
    static func json(_ path: String) -> JSONValue {
        guard let data = BundledFiles.data(path), let value = try? JSONParser.parse(Array(data)) else {
            fatalError("fixture \(path) is missing or not JSON")
        }
        return value
    }

    /// The members of an array under a key, each wrapped for use as a test argument.
    static func cases(_ path: String, _ key: String) -> [FixtureCase] {
        guard case .array(let values)? = json(path)[key] else {
            fatalError("fixture \(path) has no array \(key)")
        }
        return values.map { FixtureCase(file: path, value: $0) }
    }
}

/// One fixture entry, named by its `id` (or `file`) in test output.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    let file: String
    let value: JSONValue

    var testDescription: String {
        value["id"]?.stringValue ?? value["file"]?.stringValue ?? "\(file) entry"
    }

    subscript(key: String) -> JSONValue? {
        value[key]
    }
}

extension JSONValue {
    /// The elements when this value is an array, else none.
    var elements: [JSONValue] {
        if case .array(let values) = self { values } else { [] }
    }

    /// The strings of an array.
    var strings: [String] {
        elements.compactMap(\.stringValue)
    }
}

/// The fixed test key and time the fixtures use.
enum FixtureConstants {
    static let requests = FixtureFile.json("fixtures/webhook/requests.json")

    static var testKey: EnvelopeKey {
        try! EnvelopeKey(requests["testKey"]?["value"]?.stringValue ?? "")
    }

    static var now: Double {
        requests["now"]?.numberValue ?? 0
    }

    static var secret: String {
        requests["defaults"]?["settings"]?["secret"]?.stringValue ?? ""
    }
}
