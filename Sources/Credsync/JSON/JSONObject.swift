/// A JSON object whose keys keep the order in which they first appeared.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The members, in order, each key once.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// Makes an object from members; a repeated key keeps its first position and takes its last value.
    ///
    /// - Parameter members: The keys and values, in order.
    public init(_ members: [(String, JSONValue)] = []) {
        self.members = []
        for (key, value) in members {
            self[key] = value
        }
    }

    /// The keys, in order.
    public var keys: [String] {
        members.map(\.key)
    }

    /// The number of members.
    public var count: Int {
        members.count
    }

    /// Reads or writes a member. Writing `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get {
            members.first { $0.key == key }?.value
        }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?):
                members[index].value = value
            case (let index?, nil):
                members.remove(at: index)
            case (nil, let value?):
                members.append((key, value))
            case (nil, nil):
                break
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}
