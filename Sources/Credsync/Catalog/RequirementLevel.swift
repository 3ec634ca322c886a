/// How binding a requirement is, in the sense of RFC 2119.
///
/// A failed MUST makes a counterpart non-conformant; a failed SHOULD is reported as a warning; a MAY describes an
/// allowed variation, and its check only fails when the variation is done wrongly.
public enum RequirementLevel: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    /// What a faithful counterpart of the edition really does, or what the other side needs to work.
    case must = "MUST"

    /// Recommended: today's Cal.com may fall short of it; a failure is a warning.
    case should = "SHOULD"

    /// Allowed, not required.
    case may = "MAY"

    /// Whether a failure makes the counterpart non-conformant rather than drawing a warning.
    public var isMandatory: Bool {
        self == .must
    }

    public var description: String { rawValue }

    public static func < (lhs: RequirementLevel, rhs: RequirementLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
