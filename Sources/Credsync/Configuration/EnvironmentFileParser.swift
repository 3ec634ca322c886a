import Foundation

/// The line-by-line reader behind ``EnvironmentFile/parse(_:)``.
struct EnvironmentFileParser {
    private let lines: [[Character]]
    private var index = 0
    private var entries: [EnvironmentFile.Entry] = []
    private var remarks: [MessageFinding] = []

    init(text: String) {
        // dotenv turns CRLF and lone CR into LF before reading.
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    }

    mutating func parse() throws(EnvironmentFileError) -> EnvironmentFile {
        while index < lines.count {
            try parseLine()
            index += 1
        }
        for (key, lines) in EnvironmentFile(entries: entries, remarks: []).duplicates {
            let shown = lines.map(String.init).joined(separator: ", ")
            remarks.append(
                MessageFinding("env-duplicate-key", .warning, "\(key) is set on lines \(shown); the last one wins")
            )
        }
        return EnvironmentFile(entries: entries, remarks: remarks)
    }

    private mutating func parseLine() throws(EnvironmentFileError) {
        let line = lines[index]
        let number = index + 1
        var position = skipBlanks(line, from: 0)
        if position == line.count || line[position] == "#" {
            return
        }

        // `export` followed by white space is dropped.
        let exportWord: [Character] = ["e", "x", "p", "o", "r", "t"]
        if line.count > position + 6, Array(line[position..<position + 6]) == exportWord,
            line[position + 6] == " " || line[position + 6] == "\t"
        {
            position = skipBlanks(line, from: position + 6)
        }

        let nameStart = position
        while position < line.count, Self.isNameCharacter(line[position]) {
            position += 1
        }
        let name = String(line[nameStart..<position])
        guard !name.isEmpty else {
            throw EnvironmentFileError(
                .invalidName,
                line: number,
                column: nameStart + 1,
                "a variable name must start the line, made of letters, digits, '_', '.' and '-'"
            )
        }

        let afterName = skipBlanks(line, from: position)
        if afterName < line.count, line[afterName] == "=" {
            position = afterName + 1
        } else if afterName == position, position < line.count, line[position] == ":", position + 1 < line.count,
            line[position + 1] == " " || line[position + 1] == "\t"
        {
            position += 1
        } else if afterName == line.count || line[afterName] == "#" {
            throw EnvironmentFileError(
                .missingEquals,
                line: number,
                column: afterName + 1,
                "\(Self.shown(name)) has no '=' after it; write NAME=value"
            )
        } else {
            throw EnvironmentFileError(
                .invalidName,
                line: number,
                column: position + 1,
                "\(Self.shown(name)) is followed by '\(line[position])'; names hold only letters, digits, '_', '.'"
                    + " and '-', and '=' must follow"
            )
        }

        position = skipBlanks(line, from: position)
        if position < line.count, let quote = Optional(line[position]), quote == "\"" || quote == "'" || quote == "`" {
            try parseQuoted(name: name, quote: quote, column: position)
        } else {
            parseUnquoted(name: name, line: line, from: position)
        }
    }

    private mutating func parseQuoted(name: String, quote: Character, column: Int) throws(EnvironmentFileError) {
        let startLine = index
        var text: [Character] = []
        var lineIndex = index
        var position = column + 1
        while true {
            let line = lines[lineIndex]
            var closed = false
            while position < line.count {
                let character = line[position]
                if character == "\\", position + 1 < line.count, line[position + 1] == quote {
                    text += [character, quote]
                    position += 2
                } else if character == quote {
                    closed = true
                    break
                } else {
                    text.append(character)
                    position += 1
                }
            }
            if closed {
                break
            }
            lineIndex += 1
            guard lineIndex < lines.count else {
                throw EnvironmentFileError(
                    .unterminatedQuote,
                    line: startLine + 1,
                    column: column + 1,
                    "the value of \(name) opens a \(quote) quote that is never closed"
                )
            }
            text.append("\n")
            position = 0
        }

        let line = lines[lineIndex]
        let rest = skipBlanks(line, from: position + 1)
        guard rest == line.count || line[rest] == "#" else {
            throw EnvironmentFileError(
                .textAfterQuote,
                line: lineIndex + 1,
                column: rest + 1,
                "text follows the closing quote of \(name); put it inside the quotes or after a '#'"
            )
        }

        var value = String(text)
        if quote == "\"" {
            value = value.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\r", with: "\r")
        }
        if quote != "'" && value.contains("$") {
            remarks.append(expansionRemark(name: name, line: startLine + 1))
        }
        entries.append(EnvironmentFile.Entry(key: name, value: value, line: startLine + 1, quoted: true))
        index = lineIndex
    }

    private mutating func parseUnquoted(name: String, line: [Character], from start: Int) {
        var end = start
        while end < line.count, line[end] != "#" {
            end += 1
        }
        if end < line.count, end > start, line[end - 1] != " " && line[end - 1] != "\t" {
            remarks.append(
                MessageFinding(
                    "env-unquoted-hash",
                    .warning,
                    "line \(index + 1): the value of \(name) holds a '#', which starts a comment: the value is cut"
                        + " there; quote it"
                )
            )
        }
        let value = String(line[start..<end]).trimmingJavaScriptWhitespace()
        if value.contains("$") {
            remarks.append(expansionRemark(name: name, line: index + 1))
        }
        entries.append(EnvironmentFile.Entry(key: name, value: value, line: index + 1, quoted: false))
    }

    private func expansionRemark(name: String, line: Int) -> MessageFinding {
        MessageFinding(
            "env-dollar-expansion",
            .warning,
            "line \(line): the value of \(name) holds a '$'; Next expands $NAME in .env values unless the value is"
                + " in single quotes"
        )
    }

    private func skipBlanks(_ line: [Character], from start: Int) -> Int {
        var position = start
        while position < line.count, line[position] == " " || line[position] == "\t" {
            position += 1
        }
        return position
    }

    /// How an error names a word that should be a variable name: as it is when it looks like one (uppercase
    /// letters, digits and underscores, as the protocol's names are), else only by its length, since a line with
    /// no '=' is often a pasted value, such as a secret.
    private static func shown(_ name: String) -> String {
        let conventional =
            name.count <= 64 && name.contains("_")
            && name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        return conventional ? "the name '\(name)'" : "a \(name.count)-character word (not shown: it may be a value)"
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let ascii = character.asciiValue else {
            return false
        }
        return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x61 && ascii <= 0x7A)
            || ascii == 0x5F || ascii == 0x2E || ascii == 0x2D
    }
}
