public import Credsync
import Foundation

/// Which checks a run includes: `--only`, `--skip` and `--level`.
public struct RequirementSelection: Sendable, Hashable {
    /// When not empty, only these requirements run.
    public var only: Set<RequirementID>

    /// These requirements never run.
    public var skip: Set<RequirementID>

    /// Only requirements at these levels run; empty means every level.
    public var levels: Set<RequirementLevel>

    /// Makes a selection.
    public init(only: Set<RequirementID> = [], skip: Set<RequirementID> = [], levels: Set<RequirementLevel> = []) {
        self.only = only
        self.skip = skip
        self.levels = levels
    }

    /// Every check.
    public static let all = RequirementSelection()

    /// Reads the flags' comma-separated values.
    ///
    /// - Parameters:
    ///   - only: The `--only` values, such as `["CAL-004,CAL-005"]`.
    ///   - skip: The `--skip` values.
    ///   - levels: The `--level` values, such as `["MUST"]` or `["must,should"]`.
    /// - Throws: ``SelectionError`` naming the malformed ID or level.
    public init(only: [String], skip: [String], levels: [String]) throws(SelectionError) {
        self.init(
            only: try Self.ids(only, flag: "--only"),
            skip: try Self.ids(skip, flag: "--skip"),
            levels: try Self.levels(levels)
        )
    }

    /// Whether a requirement is selected.
    public func includes(_ requirement: Requirement) -> Bool {
        (only.isEmpty || only.contains(requirement.id)) && !skip.contains(requirement.id)
            && (levels.isEmpty || levels.contains(requirement.level))
    }

    /// Checks that every ID named is one of the run's checks, and that the run is not empty.
    ///
    /// - Parameter available: The IDs the run could check.
    /// - Throws: ``SelectionError`` when an ID is unknown here or nothing would run.
    public func validate(against available: [Requirement]) throws(SelectionError) {
        let ids = Set(available.map(\.id))
        for id in (only.union(skip)).sorted() where !ids.contains(id) {
            let known = available.map(\.id.description).joined(separator: ", ")
            throw SelectionError("\(id) is not a check of this run; its checks are \(known)")
        }
        if !available.contains(where: includes) {
            throw SelectionError("the selection runs no check; a run that checks nothing proves nothing")
        }
    }

    private static func ids(_ values: [String], flag: String) throws(SelectionError) -> Set<RequirementID> {
        var ids: Set<RequirementID> = []
        for word in values.flatMap({ $0.split(separator: ",") }) {
            let text = word.trimmingCharacters(in: .whitespaces).uppercased()
            do {
                ids.insert(try RequirementID(text))
            } catch {
                throw SelectionError("\(flag): \(error.reason)")
            }
        }
        return ids
    }

    private static func levels(_ values: [String]) throws(SelectionError) -> Set<RequirementLevel> {
        var levels: Set<RequirementLevel> = []
        for word in values.flatMap({ $0.split(separator: ",") }) {
            guard let level = RequirementLevel(rawValue: word.trimmingCharacters(in: .whitespaces).uppercased()) else {
                throw SelectionError("--level takes MUST, SHOULD or MAY, not '\(word)'")
            }
            levels.insert(level)
        }
        return levels
    }
}

/// Why a selection cannot run.
public struct SelectionError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with it.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
