/// Where a requirement comes from: a docs section, a source file at a commit, a pull request or issue, or an
/// observation.
public struct RequirementSource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of source.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A section of Cal.com's public docs page "Syncing third-party apps".
        case docs
        /// A file in `calcom/cal.com`, optionally at a commit.
        case file
        /// A pull request in `calcom/cal.com`.
        case pullRequest = "pull-request"
        /// An issue in `calcom/cal.com`.
        case issue
        /// Behaviour observed by running Node 20.20.2 with OpenSSL 3.0.
        case run
        /// A consequence of the code or of a library's documented behaviour, not executed.
        case inference
    }

    /// The kind of source.
    public let kind: Kind

    /// The docs section, file path, PR or issue number, or what was observed.
    public let reference: String

    /// The abbreviated commit of a file, when known.
    public let commit: String?

    /// A section of the public docs page.
    ///
    /// - Parameter section: Such as "step 2".
    /// - Returns: The source.
    public static func docs(_ section: String) -> RequirementSource {
        RequirementSource(kind: .docs, reference: "Syncing third-party apps, \(section)", commit: nil)
    }

    /// A file in `calcom/cal.com`.
    ///
    /// - Parameters:
    ///   - path: The path in the repository.
    ///   - commit: The abbreviated commit of the version meant, if known.
    /// - Returns: The source.
    public static func file(_ path: String, at commit: String? = nil) -> RequirementSource {
        RequirementSource(kind: .file, reference: path, commit: commit)
    }

    /// A pull request in `calcom/cal.com`.
    ///
    /// - Parameter number: Its number.
    /// - Returns: The source.
    public static func pullRequest(_ number: Int) -> RequirementSource {
        RequirementSource(kind: .pullRequest, reference: String(number), commit: nil)
    }

    /// An issue in `calcom/cal.com`.
    ///
    /// - Parameter number: Its number.
    /// - Returns: The source.
    public static func issue(_ number: Int) -> RequirementSource {
        RequirementSource(kind: .issue, reference: String(number), commit: nil)
    }

    /// Behaviour observed on Node 20.20.2.
    ///
    /// - Parameter observation: What was observed.
    /// - Returns: The source.
    public static func run(_ observation: String) -> RequirementSource {
        RequirementSource(kind: .run, reference: observation, commit: nil)
    }

    /// A consequence of the code, not executed.
    ///
    /// - Parameter reasoning: What follows from what.
    /// - Returns: The source.
    public static func inference(_ reasoning: String) -> RequirementSource {
        RequirementSource(kind: .inference, reference: reasoning, commit: nil)
    }

    /// The source as cited in CONFORMANCE.md, such as `apps/web/app/api/webhook/app-credential/route.ts@5b6d63e6`.
    public var description: String {
        switch kind {
        case .docs: "docs: \(reference)"
        case .file: commit.map { "\(reference)@\($0)" } ?? reference
        case .pullRequest: "PR #\(reference)"
        case .issue: "issue #\(reference)"
        case .run: "[run] Node 20.20.2: \(reference)"
        case .inference: "[inf] \(reference)"
        }
    }
}
