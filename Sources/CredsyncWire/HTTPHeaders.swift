/// An ordered list of header fields: names keep their case, duplicates are kept, lookups ignore ASCII case.
public struct HTTPHeaders: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One field line.
    public struct Field: Hashable, Sendable {
        /// The name as written.
        public var name: String
        /// The value, without surrounding whitespace.
        public var value: String

        /// Makes a field.
        ///
        /// - Parameters:
        ///   - name: The name, in any case.
        ///   - value: The value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    public private(set) var fields: [Field]

    /// Makes an empty list.
    public init() {
        fields = []
    }

    /// Makes a list from fields, in order.
    ///
    /// - Parameter fields: The fields.
    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// Makes a list from name-value pairs, in order, duplicates kept.
    ///
    /// - Parameter elements: The pairs.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of fields.
    public var count: Int {
        fields.count
    }

    /// Whether there are no fields.
    public var isEmpty: Bool {
        fields.isEmpty
    }

    /// The first value of a field, looked up without regard to ASCII case.
    ///
    /// - Parameter name: The field name.
    public subscript(name: String) -> String? {
        fields.first { Self.namesMatch($0.name, name) }?.value
    }

    /// Every value of a field, in order.
    ///
    /// - Parameter name: The field name, any case.
    /// - Returns: The values; empty when the field is absent.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    /// Whether a field is present.
    ///
    /// - Parameter name: The field name, any case.
    /// - Returns: `true` when at least one line has this name.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.namesMatch($0.name, name) }
    }

    /// Whether a comma-separated field holds a token, ignoring ASCII case: `Connection: keep-alive, Upgrade`.
    ///
    /// - Parameters:
    ///   - token: The token.
    ///   - name: The field name.
    /// - Returns: `true` when any line of the field lists the token.
    public func containsToken(_ token: String, in name: String) -> Bool {
        values(for: name).contains { value in
            value.split(separator: ",").contains { item in
                Self.namesMatch(String(item.trimmingASCIIWhitespace()), token)
            }
        }
    }

    /// Adds a field at the end, even if one with the same name exists.
    ///
    /// - Parameters:
    ///   - name: The name, sent as given.
    ///   - value: The value, sent as given.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every line of a field with one line, at the place of the first, or at the end.
    ///
    /// - Parameters:
    ///   - name: The name, sent as given.
    ///   - value: The value.
    public mutating func replaceOrAdd(name: String, value: String) {
        guard let first = fields.firstIndex(where: { Self.namesMatch($0.name, name) }) else {
            add(name: name, value: value)
            return
        }
        fields[first] = Field(name: name, value: value)
        var index = fields.count - 1
        while index > first {
            if Self.namesMatch(fields[index].name, name) {
                fields.remove(at: index)
            }
            index -= 1
        }
    }

    /// Removes every line of a field.
    ///
    /// - Parameter name: The field name, any case.
    public mutating func remove(name: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    /// Compares two names ignoring ASCII case.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil):
                return true
            case (let a?, let b?):
                if a != b && asciiLowercase(a) != asciiLowercase(b) {
                    return false
                }
            default:
                return false
            }
        }
    }

    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    func trimmingASCIIWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" {
            result.removeFirst()
        }
        while let last = result.last, last == " " || last == "\t" {
            result.removeLast()
        }
        return result
    }
}
