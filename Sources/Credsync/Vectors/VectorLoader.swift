internal import Foundation

/// Reads vector files, and refuses a malformed one with the file and the JSON path of the problem.
enum VectorLoader {
    /// Decodes and checks one vector file.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: Its name, for errors.
    /// - Returns: The file.
    /// - Throws: ``VectorFileError`` naming the first problem.
    static func decode(_ data: Data, file: String) throws(VectorFileError) -> VectorFile {
        let tree: JSONValue
        do {
            tree = try JSONParser.parse(Array(data))
        } catch {
            throw VectorFileError(.notJSON, file: file, "not JSON: \(error.reason) at byte \(error.offset)")
        }

        let vectors: VectorFile
        do {
            vectors = try JSONDecoder().decode(VectorFile.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw VectorFileError(.structure, file: file, "\(error)")
        }

        try rejectUnknownProperties(in: tree, understood: vectors, file: file)
        try checkBookkeeping(vectors, file: file)
        return vectors
    }

    // MARK: - Decoding errors

    private static func describe(_ error: DecodingError, file: String) -> VectorFileError {
        switch error {
        case .keyNotFound(let key, let context):
            return VectorFileError(.structure, file: file, path: path(context.codingPath), "missing \(key.stringValue)")
        case .typeMismatch(let type, let context):
            return VectorFileError(
                .structure,
                file: file,
                path: path(context.codingPath),
                "expected \(typeName(type)): \(context.debugDescription)"
            )
        case .valueNotFound(let type, let context):
            return VectorFileError(.structure, file: file, path: path(context.codingPath), "expected \(typeName(type))")
        case .dataCorrupted(let context):
            return VectorFileError(.structure, file: file, path: path(context.codingPath), context.debugDescription)
        @unknown default:
            return VectorFileError(.structure, file: file, "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is [Any].Type: "an array"
        default: "\(type)"
        }
    }

    /// Writes a coding path as a JSON path: `$.testGroups[3].tests[0].iv`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("$") { path, key in
            if let index = key.intValue {
                return path + "[\(index)]"
            }
            return path + "." + key.stringValue
        }
    }

    // MARK: - Unknown properties

    /// Compares the file with what the decoder understood: a property the models do not have is an error, as
    /// `additionalProperties: false` makes it in the JSON Schemas.
    private static func rejectUnknownProperties(
        in tree: JSONValue,
        understood vectors: VectorFile,
        file: String
    ) throws(VectorFileError) {
        let encoder = JSONEncoder()
        let understood: JSONValue
        do {
            understood = try JSONParser.parse(Array(try encoder.encode(vectors)))
        } catch {
            throw VectorFileError(.structure, file: file, "could not re-encode the file: \(error)")
        }
        try compare(tree, understood, at: "$", file: file)
    }

    private static func compare(_ given: JSONValue, _ understood: JSONValue, at path: String, file: String)
        throws(VectorFileError)
    {
        switch (given, understood) {
        case (.object(let given), .object(let understood)):
            for (key, value) in given {
                guard let counterpart = understood[key] else {
                    throw VectorFileError(.structure, file: file, path: path, "unexpected property \(key)")
                }
                try compare(value, counterpart, at: path + "." + key, file: file)
            }
        case (.array(let given), .array(let understood)):
            for (index, (value, counterpart)) in zip(given, understood).enumerated() {
                try compare(value, counterpart, at: path + "[\(index)]", file: file)
            }
        default:
            break
        }
    }

    // MARK: - Bookkeeping

    private static func checkBookkeeping(_ vectors: VectorFile, file: String) throws(VectorFileError) {
        guard vectors.schema == VectorFile.schemaIdentifier else {
            throw VectorFileError(
                .structure,
                file: file,
                path: "$.schema",
                "schema \(vectors.schema) is not \(VectorFile.schemaIdentifier)"
            )
        }

        var seen: Set<Int> = []
        var count = 0
        for (groupIndex, group) in vectors.testGroups.enumerated() {
            for (testIndex, test) in group.tests.enumerated() {
                let at = "$.testGroups[\(groupIndex)].tests[\(testIndex)]"
                count += 1
                guard seen.insert(test.tcId).inserted else {
                    throw VectorFileError(.bookkeeping, file: file, path: at + ".tcId", "tcId \(test.tcId) repeated")
                }
                for (flagIndex, flag) in test.flags.enumerated() where vectors.notes[flag] == nil {
                    throw VectorFileError(
                        .bookkeeping,
                        file: file,
                        path: at + ".flags[\(flagIndex)]",
                        "flag \(flag) has no entry in notes"
                    )
                }
            }
        }

        guard count == vectors.numberOfTests else {
            throw VectorFileError(
                .bookkeeping,
                file: file,
                path: "$.numberOfTests",
                "numberOfTests is \(vectors.numberOfTests) but the file holds \(count) tests"
            )
        }
    }
}
