import Foundation

// Usage: credsync-embed OUTPUT ROOT FILE...
// Writes a Swift file holding each FILE (as a path relative to ROOT) and its bytes in base64.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: credsync-embed OUTPUT ROOT FILE...\n".utf8))
    exit(2)
}

let output = URL(fileURLWithPath: arguments[arguments.startIndex])
let root = URL(fileURLWithPath: arguments[arguments.startIndex + 1]).standardizedFileURL.path
let files = arguments.dropFirst(2)

var source = """
    // Generated at build time from the package's vectors/ and fixtures/ folders. Do not edit.

    /// The package's vector and fixture files, keyed by their path in the repository.
    enum EmbeddedFiles {
        static let base64: [String: String] = [

    """

for file in files.sorted() {
    let url = URL(fileURLWithPath: file).standardizedFileURL
    var relative = url.path
    if relative.hasPrefix(root + "/") {
        relative.removeFirst(root.count + 1)
    }
    do {
        let data = try Data(contentsOf: url)
        source += "        \"\(relative)\": \"\(data.base64EncodedString())\",\n"
    } catch {
        FileHandle.standardError.write(Data("credsync-embed: cannot read \(file): \(error)\n".utf8))
        exit(1)
    }
}

if files.isEmpty {
    source += "        :\n"
}
source += "    ]\n}\n"

do {
    let existing = try? String(contentsOf: output, encoding: .utf8)
    if existing != source {
        try source.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("credsync-embed: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
