public import Credsync

/// Runs a list of checks in order against one context and grades each against the catalog.
public struct CheckRunner<Context: Sendable>: Sendable {
    /// The checks, in the order they run.
    public let checks: [Check<Context>]

    /// The catalog that gives each check its level, side and title.
    public let catalog: Catalog

    /// Makes a runner.
    ///
    /// - Parameters:
    ///   - checks: The checks, in order; each ID must be in the catalog.
    ///   - catalog: The catalog.
    public init(checks: [Check<Context>], catalog: Catalog = .standard) {
        self.checks = checks
        self.catalog = catalog
    }

    /// The requirements the checks test, in order.
    public var requirements: [Requirement] {
        checks.compactMap { catalog.requirement($0.id) }
    }

    /// Runs the selected checks.
    ///
    /// - Parameters:
    ///   - context: What the checks run against.
    ///   - selection: Which checks run.
    ///   - progress: Called before each check with its position, the total and the requirement.
    /// - Returns: One result a selected check, in order.
    public func run(
        _ context: Context,
        selection: RequirementSelection = .all,
        progress: @Sendable (Int, Int, Requirement) -> Void = { _, _, _ in }
    ) async -> [CheckResult] {
        let selected = checks.compactMap { check -> (Check<Context>, Requirement)? in
            guard let requirement = catalog.requirement(check.id), selection.includes(requirement) else {
                return nil
            }
            return (check, requirement)
        }

        var results: [CheckResult] = []
        let clock = ContinuousClock()
        for (position, (check, requirement)) in selected.enumerated() {
            progress(position + 1, selected.count, requirement)
            let start = clock.now
            let outcome = await CurrentCheck.$id.withValue(check.id) {
                await check.body(context)
            }
            let elapsed = start.duration(to: clock.now)
            results.append(
                CheckResult(outcome: outcome, requirement: requirement, milliseconds: elapsed.inMilliseconds)
            )
        }
        return results
    }
}
