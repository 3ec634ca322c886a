import Credsync
import Testing

/// The bundled vector files, loaded once for every suite.
enum BundledVectors {
    /// The files, or empty when loading failed (``VectorFileTests`` then fails with the reason).
    static let files: [LoadedVectorFile] = (try? VectorRunner.loadBundled()) ?? []

    /// Every vector of every file.
    static let cases: [VectorCase] = files.flatMap(\.cases)

    /// The vectors of one file.
    static func cases(in file: String) -> [VectorCase] {
        cases.filter { $0.file == file }
    }

    /// The raw text of a bundled vector file.
    static func text(_ file: String) throws -> String {
        let data = try #require(BundledFiles.data("vectors/\(file)"))
        return String(decoding: data, as: UTF8.self)
    }
}

extension VectorCase: CustomTestStringConvertible {
    public var testDescription: String {
        description
    }
}
