extension Catalog {
    /// The command that regenerates CONFORMANCE.md from the catalog.
    public static let regenerateCommand = "CREDSYNC_REGENERATE=1 swift test --filter CatalogTests"

    /// Renders CONFORMANCE.md: what the columns mean, a summary, then one table per side.
    ///
    /// - Returns: The Markdown text, ending in a newline.
    public func markdown() -> String {
        var lines = introduction()
        lines += summary()
        for side in Side.allCases {
            lines += table(for: side)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func introduction() -> [String] {
        [
            "# Conformance requirements",
            "",
            "<!-- Generated from Sources/Credsync/Catalog/ by Catalog.markdown(). Do not edit by hand. -->",
            "",
            "Every numbered requirement of Cal.com's credential sync protocol that credsync checks, on both sides:",
            "the Cal.com instance and the platform that embeds it. The catalog in `Sources/Credsync/Catalog/` is the",
            "one source of truth (one file per side, such as `Catalog+Calcom.swift`); this file is generated from it.",
            "After changing the catalog, regenerate this file with",
            "",
            "```sh",
            Self.regenerateCommand,
            "```",
            "",
            "A test fails, and says so, whenever this file and the catalog disagree.",
            "`credsync requirements --json` prints the same catalog as JSON.",
            "",
            "## How to read the tables",
            "",
            "- **ID**: a side's prefix and a three-digit number, such as `CAL-004`. IDs are stable and never reused;",
            "  a requirement that no longer holds stays listed as retired, with its reason. Prefixes:",
        ]
            + Side.allCases.map { "  - `\($0.prefix)` \($0.name): \(sideScope($0))." }
            + [
                "- **Level**: MUST is what a faithful Cal.com of the edition really does, or what the other side must",
                "  do for the real Cal.com to work; a failed MUST fails the run. SHOULD is recommended; what today's",
                "  Cal.com gets wrong (a 5xx for a client error, duplicates under concurrent pushes, a JSON body",
                "  taken under another content type, a scalar stored as keys, a comparison that is not",
                "  constant-time) is at most a SHOULD, and a failed SHOULD is a warning. MAY is allowed; its check",
                "  fails only when the allowed variation is done wrongly.",
                "- **Editions**: `legacy` is what the public docs page \"Syncing third-party apps\" describes (the",
                "  original pages-router webhook, `CALCOM_WEBHOOK_SECRET`, header `calcom-webhook-secret`, no",
                "  secret on the refresh call); `current` is today's source (the App Router webhook,",
                "  `CALCOM_CREDENTIAL_SYNC_SECRET`, header `calcom-credential-sync-secret`). A requirement applies",
                "  only to the editions listed; where they differ, the row says what each expects.",
                "- **Check**: the check's ID is the requirement's ID. Its kinds: `probe calcom` and `probe endpoint`",
                "  probe a live counterpart; `mock calcom` stands in for Cal.com and grades a platform's pushes;",
                "  `mock endpoint` stands in for the sync endpoint and grades Cal.com's refresh calls; `doctor` checks",
                "  `.env` files; `vectors` runs the files in `vectors/`; `test` is a Swift test. Each side's checks",
                "  live in the folder named under its heading. Run a single check with its command and the ID (for",
                "  example `credsync probe calcom --only CAL-004`); vector and test checks run with `swift test`.",
                "- **Defect**: the planted defect that makes the check fail, unique within its side. Defects are",
                "  planted in credsync's stand-ins (`--defect NAME`), in a test sender or in a test `.env`.",
                "- **Status**: `covered` only when a test shows the check failing with the defect planted and passing",
                "  without it; otherwise `planned`.",
                "",
            ]
    }

    private func sideScope(_ side: Side) -> String {
        switch side {
        case .calcom: "the webhook receiver and API v1 `/credential-sync`"
        case .sender: "what the platform pushes to the webhook"
        case .endpoint: "how the platform answers refresh calls"
        case .refreshCaller: "what Cal.com sends to the sync endpoint and how it treats the answer"
        case .configuration: "both sides' `.env` files and their agreement"
        case .envelope: "algorithm, key bytes, IV, format and decoding"
        }
    }

    private func summary() -> [String] {
        var lines = [
            "## Summary",
            "",
            "| Side | Prefix | MUST | SHOULD | MAY | Total | Covered | Planned | Checks in |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for side in Side.allCases {
            let active = requirements(for: side).filter { !$0.isRetired }
            lines.append(
                summaryRow(name: "[\(side.name)](#\(anchor(for: side)))", prefix: "`\(side.prefix)`", active)
                    + " `\(side.checksFolder)` |"
            )
        }
        let all = requirements.filter { !$0.isRetired }
        lines.append(summaryRow(name: "**All**", prefix: "", all) + " |")

        let retired = requirements.count - all.count
        lines += ["", "Retired requirements: \(retired).", ""]
        return lines
    }

    private func summaryRow(name: String, prefix: String, _ list: [Requirement]) -> String {
        let counts = RequirementLevel.allCases.map { level in list.count { $0.level == level } }
        let covered = list.count { $0.coverage.status == .covered }
        let cells =
            [name, prefix] + counts.map(String.init)
            + [String(list.count), String(covered), String(list.count - covered)]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    private func anchor(for side: Side) -> String {
        let heading = "\(side.name) \(side.prefix)".lowercased()
        return String(heading.compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber ? $0 : nil) })
    }

    private func table(for side: Side) -> [String] {
        [
            "## \(side.name) (\(side.prefix))",
            "",
            "Checks live in `\(side.checksFolder)`, one per requirement, named by its ID.",
            "",
            "| ID | Level | Editions | Requirement | Source | Check | Defect | Status |",
            "|---|---|---|---|---|---|---|---|",
        ]
            + requirements(for: side).map(row)
            + [""]
    }

    private func row(_ requirement: Requirement) -> String {
        let coverage = requirement.coverage
        var status = coverage.status.rawValue
        if let reason = requirement.retiredReason {
            status = "retired: \(reason)"
        }
        let check = "`\(requirement.id)` " + coverage.checks.map(\.rawValue).joined(separator: ", ")
        let cells = [
            "\(requirement.id)",
            requirement.level.rawValue,
            requirement.orderedEditions.map(\.rawValue).joined(separator: ", "),
            describe(requirement),
            requirement.sources.map { "`\($0)`" }.joined(separator: "; "),
            check,
            "`\(coverage.defect)`",
            status,
        ]
        return "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    private func describe(_ requirement: Requirement) -> String {
        var text = "**\(requirement.title).** \(requirement.statement)"
        for edition in requirement.orderedEditions {
            if let specific = requirement.expectations[edition] {
                text += " *\(edition):* \(specific)"
            }
        }
        let responses = requirement.orderedEditions.compactMap { edition in
            requirement.responses[edition].map { "\(edition) `\($0)`" }
        }
        if !responses.isEmpty {
            text += " Expected: " + responses.joined(separator: "; ") + "."
        }
        if !requirement.knownMisses.isEmpty {
            let editions = Edition.allCases.filter(requirement.knownMisses.contains).map(\.rawValue)
            text += " Real Cal.com misses this in: " + editions.joined(separator: ", ") + "."
        }
        if let note = requirement.note {
            text += " *Note:* \(note)"
        }
        if !requirement.coverage.tests.isEmpty || !requirement.coverage.vectorFiles.isEmpty {
            let proofs = (requirement.coverage.vectorFiles + requirement.coverage.tests).map { "`\($0)`" }
            text += " *Proven by:* " + proofs.joined(separator: ", ") + "."
        }
        return text
    }

    private func escape(_ cell: String) -> String {
        cell.replacing("|", with: "\\|").replacing("\n", with: " ")
    }
}
