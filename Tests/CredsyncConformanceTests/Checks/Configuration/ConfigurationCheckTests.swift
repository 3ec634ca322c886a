import Credsync
import CredsyncConformance
import Testing

/// One misconfiguration planted in a clean pair of `.env` files.
struct PlantedMisconfiguration: Sendable, CustomTestStringConvertible {
    /// The requirement whose check must fail.
    let requirement: String

    /// The edition the files are read for.
    let edition: Edition

    /// The catalog's defect name.
    let defect: String

    /// Lines replaced (or, with `nil`, removed) in Cal.com's file, as `.env` right-hand sides.
    let calcom: [String: String?]

    /// Lines replaced or removed in the platform's file.
    let platform: [String: String?]

    var testDescription: String {
        "\(requirement) \(defect) (\(edition))"
    }
}

/// The clean files both editions start from.
enum CleanEnvironment {
    static let secret = "Y2FuYXJ5LXNlY3JldC1mb3ItY3JlZHN5bmMtdGVzdHM="
    static let key = "credsync-test-key-not-a-secret!!"
    static let endpoint = "http://localhost:5100/api/getToken"

    static func calcom(_ edition: Edition) -> [(String, String)] {
        platform(edition) + [(Edition.endpointVariable, endpoint)]
    }

    static func platform(_ edition: Edition) -> [(String, String)] {
        [
            (edition.secretVariable, secret), (edition.headerNameVariable, edition.defaultHeaderName),
            (Edition.keyVariable, key),
        ]
    }

    /// The file's text after the changes: replaced lines keep their place, new ones go last.
    static func text(_ lines: [(String, String)], changing changes: [String: String?]) -> String {
        var result: [(String, String)] = []
        for (name, value) in lines {
            if let change = changes[name] {
                if let change {
                    result.append((name, change))
                }
            } else {
                result.append((name, value))
            }
        }
        for (name, change) in changes.sorted(by: { $0.key < $1.key }) where !lines.contains(where: { $0.0 == name }) {
            if let change {
                result.append((name, change))
            }
        }
        return result.map { "\($0.0)=\($0.1)\n" }.joined()
    }
}

@Suite("configuration checks")
struct ConfigurationCheckTests {
    /// A line to remove.
    static let removed: String? = nil

    /// One planted misconfiguration per CFG requirement and edition.
    static let plants: [PlantedMisconfiguration] = Edition.allCases.flatMap { edition in
        let secret = edition.secretVariable
        let removed = Self.removed
        let header = edition.headerNameVariable
        let key = Edition.keyVariable
        let endpoint = Edition.endpointVariable
        var plants = [
            PlantedMisconfiguration(
                requirement: "CFG-001",
                edition: edition,
                defect: "secret-unset",
                calcom: [secret: removed],
                platform: [secret: removed]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-002",
                edition: edition,
                defect: "key-unset",
                calcom: [key: ""],
                platform: [key: ""]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-003",
                edition: edition,
                defect: "key-base64-32",
                calcom: [key: "Y2FuYXJ5LWtleS1mb3ItY3JlZHN5bmMtdGVzdHMtMDE="],
                platform: [key: "Y2FuYXJ5LWtleS1mb3ItY3JlZHN5bmMtdGVzdHMtMDE="]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-004",
                edition: edition,
                defect: "key-non-ascii",
                calcom: [key: "credsync-test-key-not-a-secrét!!"],
                platform: [key: "credsync-test-key-not-a-secrét!!"]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-005",
                edition: edition,
                defect: "weak-secret",
                calcom: [secret: "changeme"],
                platform: [secret: "changeme"]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-006",
                edition: edition,
                defect: "secret-with-whitespace",
                calcom: [secret: "\" \(CleanEnvironment.secret) \""],
                platform: [secret: "\" \(CleanEnvironment.secret) \""]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-007",
                edition: edition,
                defect: "header-name-with-space",
                calcom: [header: "\"calcom credential sync secret\""],
                platform: [header: "\"calcom credential sync secret\""]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-011",
                edition: edition,
                defect: "unread-header-variable",
                calcom: [CredentialSyncConfiguration.unreadVariable: edition.defaultHeaderName],
                platform: [:]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-012",
                edition: edition,
                defect: "header-name-mismatch",
                calcom: [:],
                platform: [header: "x-platform-sync-secret"]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-013",
                edition: edition,
                defect: "secret-mismatch",
                calcom: [:],
                platform: [secret: "canary-platform-secret-0123456789abcdef"]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-014",
                edition: edition,
                defect: "key-mismatch",
                calcom: [:],
                platform: [key: "credsync-other-key-not-a-secret!"]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-015",
                edition: edition,
                defect: "relative-endpoint",
                calcom: [endpoint: "/api/getToken"],
                platform: [:]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-016",
                edition: edition,
                defect: "plain-http-endpoint",
                calcom: [endpoint: "http://10.1.2.3:5100/api/getToken"],
                platform: [:]
            ),
            PlantedMisconfiguration(
                requirement: "CFG-018",
                edition: edition,
                defect: "endpoint-with-userinfo",
                calcom: [endpoint: "https://sync:canary-endpoint-password@10.1.2.3/api/getToken"],
                platform: [:]
            ),
        ]
        switch edition {
        case .legacy:
            plants += [
                PlantedMisconfiguration(
                    requirement: "CFG-008",
                    edition: edition,
                    defect: "uppercase-header-name",
                    calcom: [header: "Calcom-Webhook-Secret"],
                    platform: [header: "Calcom-Webhook-Secret"]
                ),
                PlantedMisconfiguration(
                    requirement: "CFG-017",
                    edition: edition,
                    defect: "public-legacy-endpoint",
                    calcom: [endpoint: "https://platform.example.com/api/getToken"],
                    platform: [:]
                ),
            ]
        case .current:
            // A half-migrated file: today's secret name, but the header name still under the docs' name.
            plants += [
                PlantedMisconfiguration(
                    requirement: "CFG-009",
                    edition: edition,
                    defect: "mixed-case-header-name",
                    calcom: [header: "Calcom-Credential-Sync-Secret"],
                    platform: [header: "Calcom-Credential-Sync-Secret"]
                ),
                PlantedMisconfiguration(
                    requirement: "CFG-010",
                    edition: edition,
                    defect: "legacy-variable-names",
                    calcom: [header: removed, Edition.legacy.headerNameVariable: edition.defaultHeaderName],
                    platform: [header: removed, Edition.legacy.headerNameVariable: edition.defaultHeaderName]
                ),
            ]
        }
        return plants
    }

    static func context(_ edition: Edition, calcom: [String: String?] = [:], platform: [String: String?] = [:])
        throws -> ConfigurationContext
    {
        let calcomFile = try EnvironmentFile.parse(
            CleanEnvironment.text(CleanEnvironment.calcom(edition), changing: calcom)
        )
        let platformFile = try EnvironmentFile.parse(
            CleanEnvironment.text(CleanEnvironment.platform(edition), changing: platform)
        )
        return ConfigurationContext(
            edition: edition,
            calcom: (label: "calcom.env", file: calcomFile),
            platform: (label: "platform.env", file: platformFile)
        )
    }

    static func run(_ context: ConfigurationContext) async -> [CheckResult] {
        await CheckRunner(checks: ConfigurationChecks.checks(for: context)).run(context)
    }

    @Test("a clean pair passes every check of its edition", arguments: Edition.allCases)
    func cleanPair(edition: Edition) async throws {
        let context = try Self.context(edition)
        let results = await Self.run(context)
        let expected = Catalog.standard.applicable(to: .configuration, edition: edition).map(\.id)
        #expect(results.map(\.id) == expected)
        for result in results {
            #expect(result.verdict == .pass, "\(result.id): \(result.observed) \(result.reason ?? "")")
        }
        #expect(context.remarks.isEmpty)
    }

    @Test("each planted misconfiguration fails exactly its own check", arguments: plants)
    func planted(plant: PlantedMisconfiguration) async throws {
        let requirement = try Catalog.standard.requirement(named: plant.requirement)
        #expect(requirement.coverage.defect == plant.defect)
        #expect(requirement.editions.contains(plant.edition))

        let results = await Self.run(try Self.context(plant.edition, calcom: plant.calcom, platform: plant.platform))
        let target = try #require(results.first { $0.id == requirement.id })
        #expect(target.verdict == (requirement.level.isMandatory ? .fail : .warn), "\(target.observed)")
        #expect(!(target.fix ?? "").isEmpty)
        for result in results where result.id != requirement.id {
            #expect(
                result.verdict == .pass || result.verdict == .skip,
                "\(result.id) \(result.verdict): \(result.observed)"
            )
        }
    }

    @Test("every CFG requirement has a planted misconfiguration in each of its editions")
    func everyRequirementPlanted() {
        for requirement in Catalog.standard.requirements(for: .configuration) where !requirement.isRetired {
            for edition in requirement.orderedEditions {
                #expect(
                    Self.plants.contains { $0.requirement == requirement.id.description && $0.edition == edition },
                    "\(requirement.id) in \(edition)"
                )
            }
        }
    }

    @Test("one file runs its own side's checks: no agreement, and endpoints only for Cal.com")
    func singleFiles() throws {
        let file = try EnvironmentFile.parse(CleanEnvironment.text(CleanEnvironment.calcom(.current), changing: [:]))
        let calcom = ConfigurationChecks.checks(for: ConfigurationContext(edition: .current, calcom: ("c", file)))
        let platform = ConfigurationChecks.checks(for: ConfigurationContext(edition: .current, platform: ("p", file)))
        let numbers = { (checks: [Check<ConfigurationContext>]) in Set(checks.map(\.id.number)) }
        #expect(numbers(calcom).isDisjoint(with: ConfigurationChecks.agreementRequirements))
        #expect(numbers(calcom).isSuperset(of: [15, 16, 18]))
        #expect(numbers(platform).isDisjoint(with: ConfigurationChecks.agreementRequirements))
        #expect(numbers(platform).isDisjoint(with: ConfigurationChecks.endpointRequirements))
    }

    @Test("no finding, fix or result shows a secret or key", arguments: plants)
    func noSecretInResults(plant: PlantedMisconfiguration) async throws {
        let context = try Self.context(plant.edition, calcom: plant.calcom, platform: plant.platform)
        let results = await Self.run(context)
        let tripwire = Tripwire(secrets: context.secrets)
        let text =
            results.map { "\($0.expected) \($0.observed) \($0.fix ?? "") \($0.reason ?? "")" }.joined(separator: "\n")
            + context.remarks.map { "\($0.finding)" }.joined(separator: "\n")
        #expect(tripwire.scan(text, location: "results").isEmpty)
    }
}

@Suite("secret strength")
struct SecretStrengthTests {
    @Test(
        "guessable secrets of full length are named, random ones are not",
        arguments: [
            ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true),
            ("passwordpasswordpasswordpassword", true),
            ("abcabcabcabcabcabcabcabcabcabcabcx", true),
            ("Y2FuYXJ5LXNlY3JldC1mb3ItY3JlZHN5bmMtdGVzdHM=", false),
            ("9f86d081884c7d659a2feaa0c55ad015", false),
            ("canary-platform-secret-0123456789abcdef", false),
        ]
    )
    func weakness(secret: String, weak: Bool) {
        let strength = SecretStrength(secret)
        #expect((strength.weakness != nil) == weak, "\(strength.summary)")
        #expect(!strength.summary.contains(secret))
    }

    @Test("classes, control and non-ASCII characters are counted")
    func classes() {
        let strength = SecretStrength("aB3-\u{7}é")
        #expect(strength.classes == "lowercase+uppercase+digits+symbols+control+non-ASCII")
        #expect(strength.controlCharacters == 1)
        #expect(strength.nonASCIICharacters == 1)
        #expect(strength.length == 6)
    }
}
