public import Foundation

/// Writes a report as JSON in the `credsync-report/1` schema.
public enum JSONReport {
    /// The report's JSON: pretty-printed, keys sorted, dates in ISO 8601.
    ///
    /// - Parameter report: The report.
    /// - Returns: UTF-8 JSON ending with a newline.
    public static func data(_ report: ConformanceReport) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return try encoder.encode(report) + Data("\n".utf8)
        } catch {
            // Every field is a plain value; encoding cannot fail short of a programming error.
            preconditionFailure("a report could not be encoded: \(error)")
        }
    }

    /// Reads a report written by ``data(_:)``.
    ///
    /// - Parameter data: The JSON.
    /// - Returns: The report.
    /// - Throws: A decoding error naming the field.
    public static func read(_ data: Data) throws -> ConformanceReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ConformanceReport.self, from: data)
    }
}
