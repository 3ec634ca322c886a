/// The stable name of a requirement: a side's prefix, a hyphen and a three-digit number, such as `CAL-004`.
///
/// IDs are never reused: a requirement that no longer holds stays in the catalog, retired, under its ID. The ID of
/// a requirement is also the ID of the check that tests it.
public struct RequirementID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The side whose prefix the ID carries.
    public let side: Side

    /// The number, from 1 to 999.
    public let number: Int

    /// Makes an ID from its parts.
    ///
    /// - Parameters:
    ///   - side: The side.
    ///   - number: A number from 1 to 999.
    /// - Throws: ``CatalogError`` with code `malformedID` when the number is out of range.
    public init(side: Side, number: Int) throws(CatalogError) {
        guard (1...999).contains(number) else {
            throw CatalogError(.malformedID, "requirement number \(number) is not between 1 and 999")
        }
        self.side = side
        self.number = number
    }

    /// Reads an ID such as `CAL-004`.
    ///
    /// - Parameter text: The ID: an uppercase side prefix, a hyphen and exactly three digits.
    /// - Throws: ``CatalogError`` with code `malformedID` or `unknownPrefix`, saying what is wrong.
    public init(_ text: String) throws(CatalogError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw CatalogError(.malformedID, "\"\(text)\" is not a requirement ID: expected a form like CAL-004")
        }

        let prefix = String(parts[0])
        let digits = parts[1]
        guard !prefix.isEmpty, prefix.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw CatalogError(
                .malformedID,
                "\"\(text)\" is not a requirement ID: the prefix must be uppercase letters, such as CAL"
            )
        }
        guard digits.count == 3, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
            let number = Int(digits)
        else {
            throw CatalogError(
                .malformedID,
                "\"\(text)\" is not a requirement ID: the number must be exactly three digits, such as 004"
            )
        }
        guard let side = Side(prefix: prefix) else {
            let known = Side.allCases.map(\.prefix).joined(separator: ", ")
            throw CatalogError(.unknownPrefix, "\"\(text)\" has the prefix \(prefix); known prefixes are \(known)")
        }
        try self.init(side: side, number: number)
    }

    /// The ID's text, such as `CAL-004`.
    public var description: String {
        let digits = String(number)
        return side.prefix + "-" + String(repeating: "0", count: 3 - digits.count) + digits
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.reason)
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: RequirementID, rhs: RequirementID) -> Bool {
        let left = Side.allCases.firstIndex(of: lhs.side)!
        let right = Side.allCases.firstIndex(of: rhs.side)!
        return left == right ? lhs.number < rhs.number : left < right
    }
}
