import Credsync
import Foundation

/// `credsync requirements`: the requirement catalog, filtered.
struct RequirementsCommand: Command {
    let name = "requirements"
    let summary = "List the numbered requirements, their levels, sides, editions and checks."
    let usage = "credsync requirements [ID…] [--side S] [--level L] [--edition E] [--json] [--markdown]"
    let positionals = 16

    var discussion: String {
        """
        Prints the catalog CONFORMANCE.md is generated from: one line a requirement with its ID, level, editions
        and title, or the full entry of each ID given. --side takes calcom, sender, endpoint, refreshCaller,
        configuration or envelope (or their prefixes CAL, SND, END, REF, CFG, ENV); --level takes MUST, SHOULD or
        MAY; --edition takes legacy or current. --json prints the whole catalog as JSON; --markdown prints
        CONFORMANCE.md.

        Exit codes: 0 printed; 2 an unknown ID, side, level or edition, or a filter that matches nothing.
        """
    }

    var examples: [String] {
        [
            "# What a platform's sync endpoint must do",
            "credsync requirements --side endpoint --level MUST",
            "# One requirement in full",
            "credsync requirements CAL-012",
            "# The catalog as data",
            "credsync requirements --json > catalog.json",
        ]
    }

    var options: [Option] {
        [
            .value("side", "S", help: "Only this side (name or ID prefix)."),
            .value("level", "L", help: "Only this level: MUST, SHOULD or MAY."),
            .value("edition", "E", help: "Only requirements that apply in this edition: legacy or current."),
            .flag("json", help: "Print the catalog as JSON."),
            .flag("markdown", help: "Print CONFORMANCE.md."),
        ]
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let catalog = Catalog.standard
        if arguments.flag("json") {
            terminal.writeOutput(String(decoding: catalog.json(), as: UTF8.self) + "\n")
            return .success
        }
        if arguments.flag("markdown") {
            terminal.writeOutput(catalog.markdown())
            return .success
        }

        if !arguments.positionals.isEmpty {
            for text in arguments.positionals {
                do {
                    terminal.writeOutput(describe(try catalog.requirement(named: text.uppercased())) + "\n")
                } catch {
                    throw CommandError(.usage, error.reason)
                }
            }
            return .success
        }

        var requirements = catalog.requirements
        if let text = arguments.value("side") {
            guard let side = Side(prefix: text.uppercased()) ?? Side.allCases.first(where: { $0.rawValue == text })
            else {
                let known = Side.allCases.map { "\($0.rawValue) (\($0.prefix))" }.joined(separator: ", ")
                throw .usage("--side takes one of \(known), not '\(text)'")
            }
            requirements = requirements.filter { $0.side == side }
        }
        if let text = arguments.value("level") {
            guard let level = RequirementLevel(rawValue: text.uppercased()) else {
                throw .usage("--level takes MUST, SHOULD or MAY, not '\(text)'")
            }
            requirements = requirements.filter { $0.level == level }
        }
        if let text = arguments.value("edition") {
            guard let edition = Edition(rawValue: text) else {
                throw .usage("--edition takes legacy or current, not '\(text)'")
            }
            requirements = requirements.filter { $0.editions.contains(edition) }
        }
        guard !requirements.isEmpty else {
            throw CommandError(.usage, "no requirement matches these filters")
        }

        for requirement in requirements {
            let editions = requirement.editions.count == 2 ? "both" : requirement.editions.map(\.rawValue).joined()
            let line =
                requirement.id.description + "  " + requirement.level.rawValue.padded(to: 7)
                + editions.padded(to: 8) + requirement.title
            terminal.writeOutput(line + "\n")
        }
        return .success
    }

    private func describe(_ requirement: Requirement) -> String {
        var text = "\(requirement.id) [\(requirement.level)] \(requirement.title)\n"
        text += "  side: \(requirement.side.name)\n"
        text +=
            "  editions: \(Edition.allCases.filter(requirement.editions.contains).map(\.rawValue).joined(separator: ", "))\n"
        text += "  statement: \(requirement.statement)\n"
        for edition in Edition.allCases {
            if let expectation = requirement.expectations[edition] {
                text += "  \(edition): \(expectation)\n"
            }
        }
        text += "  sources: \(requirement.sources.map(\.description).joined(separator: "; "))\n"
        if let note = requirement.note {
            text += "  note: \(note)\n"
        }
        let coverage = requirement.coverage
        text += "  checked by: \(coverage.checks.map(\.rawValue).joined(separator: ", ")); defect: \(coverage.defect)"
        text += "; \(coverage.status)\n"
        text += "  checks live in: \(requirement.side.checksFolder)\n"
        return text
    }
}
