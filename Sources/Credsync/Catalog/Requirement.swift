/// One numbered requirement of the credential sync protocol.
///
/// A requirement binds one ``Side`` in one or both editions. Where the editions differ, ``expectations`` and
/// ``responses`` say what each edition expects; ``expectation(for:)`` and ``expectedResponse(for:)`` answer for a
/// runner.
public struct Requirement: Hashable, Sendable, Identifiable {
    /// The stable ID, also the ID of the requirement's check.
    public let id: RequirementID

    /// How binding it is.
    public let level: RequirementLevel

    /// The party it binds; always the side named by the ID's prefix.
    public let side: Side

    /// The editions it applies to.
    public let editions: Set<Edition>

    /// A short title.
    public let title: String

    /// The precise statement of what is expected, common to its editions.
    public let statement: String

    /// What each edition expects where they differ, in addition to the statement.
    public let expectations: [Edition: String]

    /// The exact HTTP answer each edition expects, for requirements on a Cal.com instance's answers.
    public let responses: [Edition: ExpectedResponse]

    /// Where it comes from.
    public let sources: [RequirementSource]

    /// Context: known deviations, what today's Cal.com does, why the level is what it is.
    public let note: String?

    /// The editions in which real Cal.com falls short of this requirement; only a SHOULD or a MAY can have any.
    public let knownMisses: Set<Edition>

    /// How it is checked and whether that is proven.
    public let coverage: Coverage

    /// Why the requirement no longer holds, when it is retired; retired requirements keep their ID and apply to
    /// nothing.
    public let retiredReason: String?

    /// Makes a requirement.
    ///
    /// - Parameters:
    ///   - id: The stable ID.
    ///   - level: How binding it is.
    ///   - side: The party it binds.
    ///   - editions: The editions it applies to.
    ///   - title: A short title.
    ///   - statement: What is expected.
    ///   - expectations: What each edition expects where they differ.
    ///   - responses: The exact HTTP answer per edition.
    ///   - sources: Where it comes from.
    ///   - note: Context.
    ///   - knownMisses: The editions in which real Cal.com falls short of it.
    ///   - coverage: How it is checked.
    ///   - retiredReason: Why it no longer holds, if retired.
    public init(
        id: RequirementID,
        level: RequirementLevel,
        side: Side,
        editions: Set<Edition>,
        title: String,
        statement: String,
        expectations: [Edition: String] = [:],
        responses: [Edition: ExpectedResponse] = [:],
        sources: [RequirementSource],
        note: String? = nil,
        knownMisses: Set<Edition> = [],
        coverage: Coverage,
        retiredReason: String? = nil
    ) {
        self.id = id
        self.level = level
        self.side = side
        self.editions = editions
        self.title = title
        self.statement = statement
        self.expectations = expectations
        self.responses = responses
        self.sources = sources
        self.note = note
        self.knownMisses = knownMisses
        self.coverage = coverage
        self.retiredReason = retiredReason
    }

    /// Whether the requirement is retired.
    public var isRetired: Bool {
        retiredReason != nil
    }

    /// Its editions in the canonical order, legacy before current.
    public var orderedEditions: [Edition] {
        Edition.allCases.filter(editions.contains)
    }

    /// Whether it applies to a side in an edition: not retired, same side, edition included.
    ///
    /// - Parameters:
    ///   - side: The side being graded.
    ///   - edition: The edition the counterpart speaks.
    /// - Returns: Whether a runner grades it.
    public func applies(to side: Side, edition: Edition) -> Bool {
        !isRetired && self.side == side && editions.contains(edition)
    }

    /// What the requirement expects in one edition.
    ///
    /// - Parameter edition: The edition.
    /// - Returns: The statement followed by the edition's own expectation, or `nil` when it does not apply to the
    ///   edition.
    public func expectation(for edition: Edition) -> String? {
        guard !isRetired, editions.contains(edition) else {
            return nil
        }
        guard let specific = expectations[edition] else {
            return statement
        }
        return statement + " " + specific
    }

    /// The exact HTTP answer expected in one edition, for requirements on a Cal.com instance's answers.
    ///
    /// - Parameter edition: The edition.
    /// - Returns: The answer, or `nil` when none is fixed or the requirement does not apply to the edition.
    public func expectedResponse(for edition: Edition) -> ExpectedResponse? {
        guard !isRetired, editions.contains(edition) else {
            return nil
        }
        return responses[edition]
    }
}

// MARK: - Data entry

extension Requirement {
    /// Makes a requirement of the built-in catalog from its ID's text; a malformed ID is a programming error.
    init(
        _ id: String,
        _ level: RequirementLevel,
        _ side: Side,
        _ editions: Set<Edition>,
        title: String,
        statement: String,
        expectations: [Edition: String] = [:],
        responses: [Edition: ExpectedResponse] = [:],
        sources: [RequirementSource],
        note: String? = nil,
        knownMisses: Set<Edition> = [],
        coverage: Coverage,
        retiredReason: String? = nil
    ) {
        let parsed: RequirementID
        do {
            parsed = try RequirementID(id)
        } catch {
            preconditionFailure("catalog entry: \(error)")
        }
        self.init(
            id: parsed,
            level: level,
            side: side,
            editions: editions,
            title: title,
            statement: statement,
            expectations: expectations,
            responses: responses,
            sources: sources,
            note: note,
            knownMisses: knownMisses,
            coverage: coverage,
            retiredReason: retiredReason
        )
    }
}

// MARK: - Encodable

extension Requirement: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, level, side, editions, title, statement, expectations, responses, sources, note, knownMisses
        case coverage, retiredReason
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(level, forKey: .level)
        try container.encode(side, forKey: .side)
        try container.encode(orderedEditions, forKey: .editions)
        try container.encode(title, forKey: .title)
        try container.encode(statement, forKey: .statement)
        try container.encode(
            Dictionary(uniqueKeysWithValues: expectations.map { ($0.rawValue, $1) }),
            forKey: .expectations
        )
        try container.encode(Dictionary(uniqueKeysWithValues: responses.map { ($0.rawValue, $1) }), forKey: .responses)
        try container.encode(sources, forKey: .sources)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(Edition.allCases.filter(knownMisses.contains), forKey: .knownMisses)
        try container.encode(coverage, forKey: .coverage)
        try container.encodeIfPresent(retiredReason, forKey: .retiredReason)
    }
}
