import Foundation
import PackagePlugin

/// Embeds the package's `vectors/` and `fixtures/` JSON files into the target as Swift source.
///
/// The `credsync` binary then carries its vectors and fixtures with it, and works from any directory
/// with no resource bundle beside it.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs = try ["vectors", "fixtures"].flatMap { folder in
            try jsonFiles(under: root.appending(path: folder))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let tool = try context.tool(named: "credsync-embed")

        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) vector and fixture files",
                executable: tool.url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false)]
                    + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func jsonFiles(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }
}
