import Credsync
import CredsyncCLI
import CredsyncConformance
import Foundation
import Testing

@Suite("credsync demo")
struct DemoCommandTests {
    @Test(
        "runs both stand-ins and both probes, names every requirement it exercised, and exits 0",
        arguments: Edition.allCases
    )
    func demo(edition: Edition) async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appending(path: "demo.json").path

        let (terminal, output) = Terminal.capturing()
        let exitCode = await CommandLineTool.run(
            [
                "demo", "--edition", edition.rawValue, "--json", json, "--junit",
                folder.appending(path: "demo.xml").path,
            ],
            on: terminal
        )
        #expect(exitCode == .success, "\(output.standardError)")

        let report = try JSONReport.read(Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(report.edition?.edition == edition)
        #expect(report.summary.fail == 0 && report.summary.error == 0)
        let sides = Set(report.results.map(\.side))
        #expect(sides == [.configuration, .sender, .refreshCaller, .calcom, .endpoint])
        for result in report.results where result.verdict != .skip {
            #expect(output.standardOutput.contains("\(result.id)  \(result.level.rawValue)"), "\(result.id) not named")
        }
        if edition == .current {
            let api = report.results.filter { $0.id.side == .calcom && (35...36).contains($0.id.number) }
            #expect(
                api.count == 2 && api.allSatisfy { $0.verdict == .pass },
                "API v1 is exercised in the current edition"
            )
        }
        #expect(output.standardOutput.contains("push user 1 google-calendar → 200"))
        #expect(output.standardOutput.contains("refresh user 1 zoom → 200"))
        #expect(!output.standardOutput.contains("re-run:"), "the demo takes no --only, so it offers no re-run")
    }
}
