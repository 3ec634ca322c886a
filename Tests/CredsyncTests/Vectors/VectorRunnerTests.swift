import Credsync
import Foundation
import Testing

@Suite("Vector runner")
struct VectorRunnerTests {
    @Test("the bundled vectors all pass through verify()")
    func bundledVectorsPass() throws {
        let report = try VectorRunner.verify()
        #expect(report.allPassed, "\(report.failures.map(\.line))")
        #expect(report.summary == "\(report.results.count) passed, 0 failed")
        #expect(report.files.count == 5)
    }

    /// A wrong vector planted in a copy of a bundled file, and the tcId it must make fail.
    struct Plant: Sendable, CustomTestStringConvertible {
        let file: String
        let tcId: Int
        let find: String
        let replace: String
        let testDescription: String
    }

    static let plants: [Plant] = [
        Plant(
            file: "aes_256_cbc_kat.json",
            tcId: 1,
            find: "b2eb05e2c39be9fcda6c19078c6a9d1b\"",
            replace: "b2eb05e2c39be9fcda6c19078c6a9d1c\"",
            testDescription: "a NIST ciphertext digit"
        ),
        Plant(
            file: "envelope_decrypt.json",
            tcId: 2,
            find: "\"error\": \"uppercase-hex\"",
            replace: "\"error\": \"non-hex-character\"",
            testDescription: "a strict error code"
        ),
        Plant(
            file: "key_check_value.json",
            tcId: 1,
            find: "\"result\": \"valid\"",
            replace: "\"result\": \"invalid\"",
            testDescription: "a valid key-check value marked invalid"
        ),
        Plant(
            file: "envelope_key.json",
            tcId: 1,
            find: "\"result\": \"valid\"",
            replace: "\"result\": \"acceptable\"",
            testDescription: "a plain ASCII key marked acceptable"
        ),
    ]

    @Test("a planted wrong vector is reported as failed", arguments: plants)
    func plantedVectorFails(_ plant: Plant) throws {
        let original = try BundledVectors.text(plant.file)
        let range = try #require(original.range(of: plant.find))
        let planted = original.replacingCharacters(in: range, with: plant.replace)

        let file = try VectorRunner.load(Data(planted.utf8), name: plant.file)
        let report = VectorRunner.run([file])
        #expect(report.failedCount == 1)
        #expect(!report.allPassed)
        let failure = try #require(report.failures.first)
        #expect(failure.tcId == plant.tcId)
        #expect(!failure.problems.isEmpty)
        #expect(report.text.contains("FAIL \(plant.file) tcId \(plant.tcId)"))
    }

    @Test("a planted wrong envelope in the encrypt file fails, and the report shows no plaintext")
    func plantedEnvelopeFails() throws {
        let original = try BundledVectors.text("envelope_encrypt.json")
        let planted = original.replacingOccurrences(of: "\"plaintext\": \"{\"", with: "\"plaintext\": \"[\"")
        let report = VectorRunner.run([try VectorRunner.load(Data(planted.utf8), name: "envelope_encrypt.json")])
        #expect(report.failures.map(\.tcId) == [2])
        #expect(!report.text.contains("credsync-canary"))
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let find: String
        let replace: String
        let code: VectorFileError.Code
        let path: String
        let testDescription: String
    }

    static let malformed: [Malformed] = [
        Malformed(
            find: "\"numberOfTests\": 105",
            replace: "\"numberOfTests\": 104",
            code: .bookkeeping,
            path: "$.numberOfTests",
            testDescription: "numberOfTests off by one"
        ),
        Malformed(
            find: "\"tcId\": 2,",
            replace: "\"tcId\": 1,",
            code: .bookkeeping,
            path: "$.testGroups[0].tests[1].tcId",
            testDescription: "a repeated tcId"
        ),
        Malformed(
            find: "\"flags\": [\n            \"UppercaseHex\"",
            replace: "\"flags\": [\n            \"Unexplained\"",
            code: .bookkeeping,
            path: "$.testGroups[0].tests[1].flags[0]",
            testDescription: "a flag without a note"
        ),
        Malformed(
            find: "\"tcId\": 3,",
            replace: "\"tcId\": \"3\",",
            code: .structure,
            path: "$.testGroups[0].tests[2].tcId",
            testDescription: "a string tcId"
        ),
        Malformed(
            find: "\"error\": \"uppercase-hex\"",
            replace: "\"error\": \"upper-case\"",
            code: .structure,
            path: "$.testGroups[0].tests[1].strict.error",
            testDescription: "an unknown error code"
        ),
        Malformed(
            find: "\"tcId\": 4,",
            replace: "\"tcId\": 4, \"extra\": true,",
            code: .structure,
            path: "$.testGroups[0].tests[3]",
            testDescription: "an unexpected property"
        ),
        Malformed(
            find: "\"type\": \"EnvelopeDecryptTest\"",
            replace: "\"type\": \"SomethingElse\"",
            code: .structure,
            path: "$.testGroups[0].type",
            testDescription: "an unknown group type"
        ),
        Malformed(
            find: "\"schema\": \"credsync-vectors/1\"",
            replace: "\"schema\": \"credsync-vectors/2\"",
            code: .structure,
            path: "$.schema",
            testDescription: "another schema version"
        ),
        Malformed(
            find: "\"result\": \"acceptable\"",
            replace: "\"result\": \"maybe\"",
            code: .structure,
            path: "$.testGroups[0].tests[1].result",
            testDescription: "an unknown result"
        ),
        Malformed(find: "{", replace: "{,", code: .notJSON, path: "$", testDescription: "not JSON"),
    ]

    @Test("a malformed file gives a precise error, not a crash", arguments: malformed)
    func malformedFileIsRefused(_ damage: Malformed) throws {
        let original = try BundledVectors.text("envelope_decrypt.json")
        let range = try #require(original.range(of: damage.find))
        let broken = original.replacingCharacters(in: range, with: damage.replace)

        let error = try #require(throws: VectorFileError.self) {
            try VectorRunner.load(Data(broken.utf8), name: "envelope_decrypt.json")
        }
        #expect(error.code == damage.code)
        #expect(error.path == damage.path)
        #expect(error.file == "envelope_decrypt.json")
        #expect(error.description.hasPrefix("envelope_decrypt.json: \(damage.path): "))
    }

    @Test("a missing property is named with its path")
    func missingProperty() throws {
        let original = try BundledVectors.text("envelope_key.json")
        let broken = original.replacingOccurrences(of: "\"length\": 32,", with: "")
        let error = try #require(throws: VectorFileError.self) {
            try VectorRunner.load(Data(broken.utf8), name: "envelope_key.json")
        }
        #expect(error.code == .structure)
        #expect(error.path == "$.testGroups[0].tests[0]")
        #expect(error.reason == "missing length")
    }

    @Test("a folder is read like the bundled files, and a missing or empty one is refused")
    func directories() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credsync-vectors-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let emptyError = try #require(throws: VectorFileError.self) { try VectorRunner.verify(directory: folder.path) }
        #expect(emptyError.code == .empty)

        for name in VectorFileTests.names {
            try Data(try BundledVectors.text(name).utf8).write(to: folder.appendingPathComponent(name))
        }
        let report = try VectorRunner.verify(directory: folder.path)
        #expect(report.allPassed)
        #expect(report.results.count == BundledVectors.cases.count)

        let missing = try #require(throws: VectorFileError.self) {
            try VectorRunner.verify(directory: folder.appendingPathComponent("absent").path)
        }
        #expect(missing.code == .unreadable)
    }
}
