/// A finding about one side's configuration, or about the two sides' agreement, tied to the requirement it
/// breaks and with the edit that fixes it.
///
/// Neither the detail nor the fix ever holds a secret or a key: they name variables and show key-check values,
/// lengths and character classes.
public struct ConfigurationFinding: Sendable, Hashable, CustomStringConvertible {
    /// The requirement the finding breaks, or `nil` for a remark no requirement covers (a repeated line, a `$` in
    /// a value, variables of the other edition set as well).
    public let requirement: RequirementID?

    /// The side whose file it concerns, or `nil` for a disagreement between the two.
    public let side: ConfigurationSide?

    /// The finding: its stable code, its severity and what is wrong.
    public let finding: MessageFinding

    /// What to do about it: a command to run or a line to write.
    public let fix: String

    /// Makes a finding.
    ///
    /// - Parameters:
    ///   - requirement: The requirement it breaks, if any.
    ///   - side: The side it concerns, or `nil` for both.
    ///   - finding: The finding.
    ///   - fix: The fix; never a secret or a key.
    public init(requirement: RequirementID?, side: ConfigurationSide?, finding: MessageFinding, fix: String) {
        self.requirement = requirement
        self.side = side
        self.finding = finding
        self.fix = fix
    }

    /// The finding's stable code.
    public var code: String {
        finding.code
    }

    public var description: String {
        let id = requirement.map { "\($0) " } ?? ""
        return "\(id)\(finding) (fix: \(fix))"
    }
}
