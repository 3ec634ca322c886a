public import Foundation

extension Catalog {
    private struct Document: Encodable {
        struct SideEntry: Encodable {
            let side: Side
            let prefix: String
            let name: String
            let checksFolder: String
        }

        let sides: [SideEntry]
        let requirements: [Requirement]
    }

    /// The catalog as JSON, for `credsync requirements --json`: the sides with their prefixes and check folders,
    /// then every requirement, retired ones included.
    ///
    /// - Returns: Pretty-printed UTF-8 JSON with sorted keys, ending in a newline.
    public func json() -> Data {
        let document = Document(
            sides: Side.allCases.map {
                Document.SideEntry(side: $0, prefix: $0.prefix, name: $0.name, checksFolder: $0.checksFolder)
            },
            requirements: requirements
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(document) + Data("\n".utf8)
        } catch {
            // Every value is a string, number, array or keyed container; encoding cannot fail.
            preconditionFailure("encoding the catalog failed: \(error)")
        }
    }
}
