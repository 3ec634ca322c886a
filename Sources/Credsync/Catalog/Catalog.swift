/// The numbered requirements of the credential sync protocol: the one source of truth for checks, reports and
/// CONFORMANCE.md.
///
/// The data lives in Swift, one file per side (`Catalog+Calcom.swift` and so on). ``standard`` is the catalog
/// credsync ships.
public struct Catalog: Sendable {
    /// Every requirement, retired ones included, in ID order.
    public let requirements: [Requirement]

    /// Makes a catalog.
    ///
    /// - Parameter requirements: The requirements, in any order.
    public init(requirements: [Requirement]) {
        self.requirements = requirements.sorted { $0.id < $1.id }
    }

    /// The catalog credsync ships.
    public static let standard = Catalog(
        requirements: calcomRequirements + senderRequirements + endpointRequirements + refreshCallerRequirements
            + configurationRequirements + envelopeRequirements
    )

    /// The requirement with an ID.
    ///
    /// - Parameter id: The ID.
    /// - Returns: The requirement, or `nil` when none has the ID.
    public func requirement(_ id: RequirementID) -> Requirement? {
        requirements.first { $0.id == id }
    }

    /// The requirement with an ID given as text, with a precise error for a bad or unknown ID.
    ///
    /// - Parameter text: An ID such as `CAL-004`.
    /// - Returns: The requirement.
    /// - Throws: ``CatalogError`` with code `malformedID`, `unknownPrefix` or `unknownRequirement`.
    public func requirement(named text: String) throws(CatalogError) -> Requirement {
        let id = try RequirementID(text)
        guard let found = requirement(id) else {
            let highest = requirements(for: id.side).last?.id.description ?? "none"
            throw CatalogError(
                .unknownRequirement,
                "no requirement \(id); the \(id.side.name) requirements run up to \(highest)"
            )
        }
        return found
    }

    /// The requirements of one side, retired ones included.
    ///
    /// - Parameter side: The side.
    /// - Returns: The requirements in ID order.
    public func requirements(for side: Side) -> [Requirement] {
        requirements.filter { $0.side == side }
    }

    /// The requirements at one level, retired ones included.
    ///
    /// - Parameter level: The level.
    /// - Returns: The requirements in ID order.
    public func requirements(at level: RequirementLevel) -> [Requirement] {
        requirements.filter { $0.level == level }
    }

    /// The requirements that apply to one edition, on any side; retired ones excluded.
    ///
    /// - Parameter edition: The edition.
    /// - Returns: The requirements in ID order.
    public func requirements(in edition: Edition) -> [Requirement] {
        requirements.filter { !$0.isRetired && $0.editions.contains(edition) }
    }

    /// The requirements a runner grades for one side speaking one edition; retired ones excluded.
    ///
    /// - Parameters:
    ///   - side: The side being graded.
    ///   - edition: The edition it speaks.
    /// - Returns: The requirements in ID order.
    public func applicable(to side: Side, edition: Edition) -> [Requirement] {
        requirements.filter { $0.applies(to: side, edition: edition) }
    }

    /// The requirements whose checks include one kind, such as every `probe calcom` check; retired ones excluded.
    ///
    /// - Parameter check: The kind of check.
    /// - Returns: The requirements in ID order.
    public func requirements(checkedBy check: CheckKind) -> [Requirement] {
        requirements.filter { !$0.isRetired && $0.coverage.checks.contains(check) }
    }

    /// The requirement whose check a planted defect makes fail.
    ///
    /// - Parameters:
    ///   - defect: The defect's name, such as `iv-reuse`.
    ///   - side: The side the defect is planted on; defect names are unique within a side.
    /// - Returns: The requirement, or `nil` when no check of that side names the defect.
    public func requirement(defect: String, side: Side) -> Requirement? {
        requirements.first { $0.side == side && $0.coverage.defect == defect }
    }
}
