import Credsync
import Testing

@Suite("Requirement IDs")
struct RequirementIDTests {
    @Test("well-formed IDs parse and print back", arguments: ["CAL-001", "SND-018", "END-020", "CFG-999", "ENV-010"])
    func roundTrip(text: String) throws {
        let id = try RequirementID(text)
        #expect(id.description == text)
    }

    @Test(
        "malformed IDs are refused with malformed-id",
        arguments: ["CAL-4", "CAL-0004", "cal-004", "CAL004", "CAL-00a", "-004", "CAL-004-1", "CAL-000", ""]
    )
    func malformed(text: String) {
        #expect(throws: CatalogError(.malformedID, "")) {
            try RequirementID(text)
        }
    }

    @Test("an unknown prefix is refused with unknown-prefix and the known ones listed")
    func unknownPrefix() throws {
        let error = try #require(throws: CatalogError.self) {
            try RequirementID("XYZ-001")
        }
        #expect(error.code == .unknownPrefix)
        #expect(error.reason.contains("CAL, SND, END, REF, CFG, ENV"))
    }

    @Test("IDs order by side, then number")
    func ordering() throws {
        let ids = try ["SND-002", "CAL-010", "CAL-002", "ENV-001"].map { try RequirementID($0) }
        #expect(ids.sorted().map(\.description) == ["CAL-002", "CAL-010", "SND-002", "ENV-001"])
    }

    @Test("every side's prefix is three uppercase letters and finds the side again")
    func prefixes() {
        for side in Side.allCases {
            #expect(side.prefix.count == 3)
            #expect(side.prefix == side.prefix.uppercased())
            #expect(Side(prefix: side.prefix) == side)
        }
    }
}
