import Foundation

/// Reads `.env` files for the commands.
enum EnvironmentFileLoader {
    /// The variables a `.env` file sets, in order.
    ///
    /// - Throws: ``CommandError`` with the usage code when the file cannot be read or a line is malformed.
    static func load(_ path: String) throws(CommandError) -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(.usage, "cannot read the env file '\(path)'")
        }
        var pairs: [(String, String)] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n",
            omittingEmptySubsequences: false
        ).enumerated() {
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") {
                continue
            }
            if text.hasPrefix("export ") {
                text = String(text.dropFirst(7))
            }
            guard let equals = text.firstIndex(of: "=") else {
                throw CommandError(.usage, "\(path):\(number + 1): expected NAME=value")
            }
            var value = String(text[text.index(after: equals)...])
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            pairs.append((String(text[..<equals]).trimmingCharacters(in: .whitespaces), value))
        }
        return pairs
    }
}
