import CredsyncCLI
import Foundation

let exitCode = await CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), on: .process)
exit(exitCode.rawValue)
