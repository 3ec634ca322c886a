import Credsync
import Testing

@Suite("Vectors against the Swift implementation")
struct VectorCaseTests {
    @Test("every bundled vector passes", arguments: BundledVectors.cases)
    func vectorPasses(_ vector: VectorCase) {
        let result = vector.run()
        #expect(result.passed, "\(result.problems.joined(separator: "; "))")
    }
}
