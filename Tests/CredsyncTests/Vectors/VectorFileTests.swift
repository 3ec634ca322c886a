import Credsync
import Foundation
import Testing

@Suite("Vector files")
struct VectorFileTests {
    static let names = [
        "aes_256_cbc_kat.json", "envelope_decrypt.json", "envelope_encrypt.json", "envelope_key.json",
        "key_check_value.json",
    ]

    @Test("the bundled files load, and there are at least 200 vectors")
    func bundledFilesLoad() throws {
        let files = try VectorRunner.loadBundled()
        #expect(files.map(\.name) == Self.names)
        #expect(files.reduce(0) { $0 + $1.cases.count } >= 200)
    }

    @Test("numberOfTests matches the tests in each file", arguments: names)
    func numberOfTestsMatches(_ name: String) throws {
        let file = try #require(BundledVectors.files.first { $0.name == name })
        let tests = file.vectors.testGroups.flatMap(\.tests)
        #expect(tests.count == file.vectors.numberOfTests)
        #expect(file.cases.count == file.vectors.numberOfTests)
    }

    @Test("tcIds are unique in each file", arguments: names)
    func tcIdsAreUnique(_ name: String) throws {
        let file = try #require(BundledVectors.files.first { $0.name == name })
        let ids = file.vectors.testGroups.flatMap(\.tests).map(\.tcId)
        #expect(Set(ids).count == ids.count)
    }

    @Test("every flag used is explained in notes, and every note is used", arguments: names)
    func flagsAreExplained(_ name: String) throws {
        let file = try #require(BundledVectors.files.first { $0.name == name })
        let used = Set(file.vectors.testGroups.flatMap(\.tests).flatMap(\.flags))
        #expect(used.subtracting(file.vectors.notes.keys).isEmpty)
        #expect(Set(file.vectors.notes.keys).subtracting(used).isEmpty)
        for note in file.vectors.notes.values {
            #expect(!note.description.isEmpty)
        }
    }

    @Test("each file names the schema and has its JSON Schema beside it", arguments: names)
    func schemaIsBundled(_ name: String) throws {
        let file = try #require(BundledVectors.files.first { $0.name == name })
        #expect(file.vectors.schema == "credsync-vectors/1")
        let schemaName = name.replacingOccurrences(of: ".json", with: ".schema.json")
        let schema = try #require(BundledFiles.data("vectors/schema/\(schemaName)"))
        let text = String(decoding: schema, as: UTF8.self)
        #expect(text.contains("\"additionalProperties\": false"))
        #expect(text.contains("http://json-schema.org/draft-07/schema#"))
    }

    @Test("a decryption vector's result follows from its verdicts")
    func decryptResultsAreConsistent() throws {
        let file = try #require(BundledVectors.files.first { $0.name == "envelope_decrypt.json" })
        for case .decrypt(let group) in file.vectors.testGroups {
            for test in group.tests {
                let strict = test.json?.strict ?? test.strict
                let compatible = test.json?.compatible ?? test.compatible
                let result: VectorExpectedResult =
                    strict.result == .valid ? .valid : compatible.result == .valid ? .acceptable : .invalid
                #expect(test.result == result, "tcId \(test.tcId)")
                #expect(!(test.strict.result == .valid && test.compatible.result == .invalid), "tcId \(test.tcId)")
                if test.compatible.result == .invalid {
                    #expect(test.compatible.nodeError?.hasPrefix("ERR_") == true, "tcId \(test.tcId)")
                }
            }
        }
    }

    @Test("the NIST SP 800-38A F.2.5 values are the published ones")
    func nistValues() throws {
        let file = try #require(BundledVectors.files.first { $0.name == "aes_256_cbc_kat.json" })
        guard case .aes(let group) = try #require(file.vectors.testGroups.first) else {
            Issue.record("the first group is not AES")
            return
        }
        let test = try #require(group.tests.first)
        #expect(test.key == "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
        #expect(test.iv == "000102030405060708090a0b0c0d0e0f")
        #expect(test.ct.hasPrefix("f58c4c04d6e5f1ba779eabfb5f7bfbd6"))
        #expect(test.ct.hasSuffix("b2eb05e2c39be9fcda6c19078c6a9d1b"))
    }
}
