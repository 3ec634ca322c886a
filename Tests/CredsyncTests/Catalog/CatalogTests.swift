import Credsync
import Foundation
import Testing

@Suite("Requirement catalog")
struct CatalogTests {
    private let catalog = Catalog.standard

    /// The repository root, found from this file's path.
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Catalog
        .deletingLastPathComponent()  // CredsyncTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    // MARK: - Shape

    @Test("IDs are unique and well formed")
    func idsUniqueAndWellFormed() throws {
        let ids = catalog.requirements.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate IDs: \(duplicates(ids.map(\.description)))")
        for id in ids {
            #expect(try RequirementID(id.description) == id)
        }
    }

    @Test("every ID's prefix matches its requirement's side")
    func prefixesMatchSides() {
        for requirement in catalog.requirements {
            #expect(requirement.id.side == requirement.side, "\(requirement.id) is filed under \(requirement.side)")
        }
    }

    @Test("every requirement has a title, a statement, an edition, a source, a check and a defect")
    func complete() {
        for requirement in catalog.requirements {
            let id = requirement.id
            #expect(!requirement.title.isEmpty, "\(id) has no title")
            #expect(requirement.statement.count >= 20, "\(id) has no real statement")
            #expect(!requirement.editions.isEmpty, "\(id) applies to no edition")
            #expect(!requirement.sources.isEmpty, "\(id) has no source")
            #expect(!requirement.coverage.checks.isEmpty, "\(id) names no check")
            #expect(isKebabCase(requirement.coverage.defect), "\(id) defect \"\(requirement.coverage.defect)\"")
        }
    }

    @Test("defect names are unique within each side")
    func defectsUniquePerSide() {
        for side in Side.allCases {
            let defects = catalog.requirements(for: side).map(\.coverage.defect)
            #expect(Set(defects).count == defects.count, "\(side.prefix) repeats \(duplicates(defects))")
        }
    }

    @Test("edition-specific expectations and responses only name the requirement's editions")
    func editionDetailsWithinEditions() {
        for requirement in catalog.requirements {
            #expect(Set(requirement.expectations.keys).isSubset(of: requirement.editions), "\(requirement.id)")
            #expect(Set(requirement.responses.keys).isSubset(of: requirement.editions), "\(requirement.id)")
            #expect(requirement.knownMisses.isSubset(of: requirement.editions), "\(requirement.id)")
        }
    }

    @Test("only Cal.com's own requirements expect exact responses")
    func responsesOnlyForCalcom() {
        for requirement in catalog.requirements where !requirement.responses.isEmpty {
            #expect(requirement.side == .calcom, "\(requirement.id)")
        }
    }

    // MARK: - Levels

    @Test("a requirement real Cal.com misses is never a MUST")
    func missesAreNotMust() {
        for requirement in catalog.requirements where !requirement.knownMisses.isEmpty {
            #expect(requirement.level != .must, "\(requirement.id) is a MUST that real Cal.com misses")
        }
    }

    @Test(
        "concurrent duplicates and 5xx answers to client errors are SHOULD",
        arguments: [
            ("CAL-025", "concurrent first pushes"),
            ("CAL-011", "invalid JSON"),
            ("CAL-013", "schema violation"),
            ("CAL-020", "decryption failure"),
            ("CAL-037", "API v1 unknown app"),
            ("END-016", "endpoint client errors"),
        ]
    )
    func hardeningIsShould(id: String, topic: String) throws {
        let requirement = try catalog.requirement(named: id)
        #expect(requirement.level == .should, "\(id) (\(topic))")
    }

    @Test("the catalog lists the 5xx answers of today's Cal.com as misses")
    func todaysServerErrorsAreMisses() throws {
        #expect(try catalog.requirement(named: "CAL-011").knownMisses == [.current])
        #expect(try catalog.requirement(named: "CAL-020").knownMisses == [.legacy, .current])
        #expect(try catalog.requirement(named: "CAL-025").knownMisses == [.legacy, .current])
    }

    @Test("counts are sane")
    func counts() {
        let active = catalog.requirements.filter { !$0.isRetired }
        #expect((60...130).contains(active.count), "\(active.count) requirements")
        for side in Side.allCases {
            #expect(catalog.requirements(for: side).count >= 5, "\(side.prefix)")
            for edition in Edition.allCases {
                let musts = catalog.applicable(to: side, edition: edition).filter { $0.level == .must }
                #expect(musts.count >= 3, "\(side.prefix) has \(musts.count) MUSTs in \(edition)")
            }
        }
        #expect(catalog.requirements(at: .should).count >= 15)
    }

    // MARK: - Queries

    @Test("applicable requirements follow the edition")
    func applicable() throws {
        let legacy = catalog.applicable(to: .calcom, edition: .legacy).map(\.id.description)
        let current = catalog.applicable(to: .calcom, edition: .current).map(\.id.description)
        #expect(current.contains("CAL-009"))
        #expect(!legacy.contains("CAL-009"))
        #expect(legacy.contains("CAL-002") && current.contains("CAL-002"))
        #expect(!legacy.contains("CAL-030"))
        #expect(catalog.applicable(to: .refreshCaller, edition: .legacy).allSatisfy { $0.side == .refreshCaller })
        #expect(catalog.requirements(in: .legacy).allSatisfy { $0.editions.contains(.legacy) })
    }

    @Test("each edition expects its own answer")
    func perEditionAnswers() throws {
        let wrongSecret = try catalog.requirement(named: "CAL-003")
        let legacy = try #require(wrongSecret.expectedResponse(for: .legacy))
        let current = try #require(wrongSecret.expectedResponse(for: .current))
        #expect(legacy.status == 403 && current.status == 403)
        #expect(legacy.body == .json(#"{"message":"Invalid webhook secret"}"#))
        #expect(current.body == .json(#"{"message":"Invalid credential sync secret"}"#))

        let invalidJSON = try catalog.requirement(named: "CAL-010")
        #expect(invalidJSON.expectedResponse(for: .legacy) == .text(400, "Invalid JSON"))
        #expect(invalidJSON.expectedResponse(for: .current)?.status == 500)

        let methods = try catalog.requirement(named: "CAL-009")
        #expect(methods.expectation(for: .legacy) == nil)
        #expect(methods.expectedResponse(for: .current) == .status(405))

        let header = try catalog.requirement(named: "SND-002")
        #expect(header.expectation(for: .legacy)?.contains("calcom-webhook-secret") == true)
        #expect(header.expectation(for: .current)?.contains("calcom-credential-sync-secret") == true)
    }

    @Test("lookups by name report precisely what is wrong")
    func lookups() throws {
        #expect(try catalog.requirement(named: "ENV-002").side == .envelope)
        let unknown = try #require(throws: CatalogError.self) {
            try catalog.requirement(named: "CAL-999")
        }
        #expect(unknown.code == .unknownRequirement)
        #expect(unknown.reason.contains("CAL-999"))
        #expect(throws: CatalogError(.malformedID, "")) {
            try catalog.requirement(named: "cal-1")
        }
        #expect(catalog.requirement(defect: "iv-reuse", side: .sender)?.id.description == "SND-011")
        #expect(catalog.requirements(checkedBy: .doctor).allSatisfy { $0.side == .configuration })
    }

    // MARK: - Coverage

    @Test("covered requirements name the tests and vector files that prove them")
    func coveredNamesProof() {
        for requirement in catalog.requirements where requirement.coverage.status == .covered {
            let coverage = requirement.coverage
            #expect(!coverage.tests.isEmpty, "\(requirement.id) is covered but names no test")
            #expect(coverage.tests.allSatisfy { $0.hasPrefix("Tests/") }, "\(requirement.id)")
            #expect(coverage.vectorFiles.allSatisfy { $0.hasPrefix("vectors/") }, "\(requirement.id)")
        }
    }

    @Test(
        "the tests and vector files that covered requirements name exist",
        .enabled(if: !BundledFiles.paths(under: "vectors").isEmpty, "runs once vectors/ holds vector files")
    )
    func coveredProofExists() {
        for requirement in catalog.requirements where requirement.coverage.status == .covered {
            for path in requirement.coverage.vectorFiles {
                #expect(
                    BundledFiles.data(path) != nil,
                    "\(requirement.id) names \(path), which is not bundled; fix its coverage or mark it planned"
                )
            }
            for path in requirement.coverage.tests {
                #expect(
                    FileManager.default.fileExists(atPath: Self.root.appending(path: path).path),
                    "\(requirement.id) names \(path), which does not exist; fix its coverage or mark it planned"
                )
            }
        }
    }

    // MARK: - Renderings

    @Test("CONFORMANCE.md is the catalog's rendering")
    func conformanceFileIsCurrent() throws {
        let url = Self.root.appending(path: "CONFORMANCE.md")
        let rendered = catalog.markdown()
        if ProcessInfo.processInfo.environment["CREDSYNC_REGENERATE"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
        }

        // Compare as a Bool so a failure names the first differing line instead of printing both files.
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let matches = committed == rendered
        #expect(
            matches,
            """
            CONFORMANCE.md differs from the catalog from line \(firstDifferingLine(committed, rendered)); \
            regenerate it with: \(Catalog.regenerateCommand)
            """
        )
    }

    @Test("the Markdown lists every requirement once, with its check and defect")
    func markdownRows() {
        let markdown = catalog.markdown()
        for requirement in catalog.requirements {
            let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| \(requirement.id) |") }
            #expect(rows.count == 1, "\(requirement.id)")
            #expect(rows.first?.contains("`\(requirement.coverage.defect)`") == true, "\(requirement.id)")
        }
        for side in Side.allCases {
            #expect(markdown.contains(side.checksFolder))
        }
    }

    @Test("the JSON holds every requirement and every side")
    func json() throws {
        let object = try JSONSerialization.jsonObject(with: catalog.json())
        let document = try #require(object as? [String: Any])
        let requirements = try #require(document["requirements"] as? [[String: Any]])
        let sides = try #require(document["sides"] as? [[String: Any]])
        #expect(requirements.count == catalog.requirements.count)
        #expect(sides.count == Side.allCases.count)

        let first = try #require(requirements.first)
        #expect(first["id"] as? String == "CAL-001")
        #expect(first["editions"] as? [String] == ["legacy", "current"])
        let coverage = try #require(first["coverage"] as? [String: Any])
        #expect(coverage["defect"] as? String == "ignore-switch")

        let responses = try #require(first["responses"] as? [String: [String: Any]])
        let body = try #require(responses["current"]?["body"] as? [String: String])
        #expect(body == ["kind": "json", "value": #"{"message":"Credential sharing is not enabled"}"#])
    }

    // MARK: - Helpers

    private func isKebabCase(_ text: String) -> Bool {
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        return !text.isEmpty
            && words.allSatisfy { word in
                !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    private func firstDifferingLine(_ left: String, _ right: String) -> Int {
        let leftLines = left.split(separator: "\n", omittingEmptySubsequences: false)
        let rightLines = right.split(separator: "\n", omittingEmptySubsequences: false)
        let common = zip(leftLines, rightLines).prefix { $0 == $1 }.count
        return common + 1
    }

    private func duplicates(_ values: [String]) -> [String] {
        Dictionary(grouping: values, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }
}
