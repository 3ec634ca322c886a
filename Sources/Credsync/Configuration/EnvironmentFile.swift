import Foundation

/// A `.env` file read as `dotenv` (which Next's `@next/env` uses) reads it, with precise errors where dotenv
/// would silently drop or mangle a line.
///
/// Accepted: `KEY=value`, `export KEY=value`, `KEY: value`, blank lines and `#` comments; unquoted values end at
/// the first `#` and are trimmed; single, double and backtick quotes, which may span lines; in double quotes
/// `\n` and `\r` become a newline and a carriage return and every other backslash stays as it is; an empty
/// value; a repeated key (the last one wins, and it is reported). Refused, with the line and column: a name with
/// other characters than letters, digits, `_`, `.` and `-`; a name with no `=`; an unterminated quote; text after
/// a closing quote. Variable expansion (`$OTHER`), which Next applies afterwards, is not performed; a value with
/// a `$` is reported instead.
public struct EnvironmentFile: Sendable, Hashable {
    /// One assignment.
    public struct Entry: Sendable, Hashable {
        /// The variable name.
        public let key: String
        /// The value, quotes removed and escapes applied.
        public let value: String
        /// The 1-based line where the assignment starts.
        public let line: Int
        /// Whether the value was quoted.
        public let quoted: Bool
    }

    /// Every assignment, in order, repeats included.
    public let entries: [Entry]

    /// Remarks on lines that parse but may not mean what they seem: repeated keys, values cut at a `#`, values
    /// Next would expand. Each names the line and never shows a value.
    public let remarks: [MessageFinding]

    /// The value of every key; for a repeated key, the last one.
    public var values: [String: String] {
        var result: [String: String] = [:]
        for entry in entries {
            result[entry.key] = entry.value
        }
        return result
    }

    /// The keys assigned more than once, with the lines of each assignment.
    public var duplicates: [(key: String, lines: [Int])] {
        var lines: [String: [Int]] = [:]
        var order: [String] = []
        for entry in entries {
            if lines[entry.key] == nil {
                order.append(entry.key)
            }
            lines[entry.key, default: []].append(entry.line)
        }
        return order.compactMap { key in lines[key].flatMap { $0.count > 1 ? (key, $0) : nil } }
    }

    /// Parses the text of a `.env` file.
    ///
    /// - Parameter text: The file's text.
    /// - Returns: The file.
    /// - Throws: ``EnvironmentFileError`` naming the line and column of the first malformed line.
    public static func parse(_ text: String) throws(EnvironmentFileError) -> EnvironmentFile {
        var parser = EnvironmentFileParser(text: text)
        return try parser.parse()
    }

    /// Reads and parses a `.env` file.
    ///
    /// - Parameter path: The file's path.
    /// - Returns: The file.
    /// - Throws: ``EnvironmentFileError`` with code `unreadable` when the file cannot be read, `not-utf8` when it
    ///   is not text, or the code of the first malformed line.
    public static func load(path: String) throws(EnvironmentFileError) -> EnvironmentFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw EnvironmentFileError(.unreadable, "\(path) does not exist")
        }
        guard !isFolder.boolValue else {
            throw EnvironmentFileError(.unreadable, "\(path) is a folder, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EnvironmentFileError(.unreadable, "\(path) cannot be read (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EnvironmentFileError(.notUTF8, "\(path) is not UTF-8 text")
        }
        return try parse(text)
    }

    init(entries: [Entry], remarks: [MessageFinding]) {
        self.entries = entries
        self.remarks = remarks
    }
}
