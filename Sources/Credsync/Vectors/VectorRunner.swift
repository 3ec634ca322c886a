public import Foundation

/// Loads vector files and runs every vector against the Swift implementation: ``AES256CBC``-backed
/// ``Envelope`` (strict and compatible), ``EnvelopeKey`` and ``KeyCheckValue``.
public enum VectorRunner {
    /// The folder of the vector files in the repository and in ``BundledFiles``.
    public static let folder = "vectors"

    /// Runs the vectors built into the library, or those in a folder.
    ///
    /// This is `credsync vectors verify [DIR]`.
    ///
    /// - Parameter directory: A folder of vector files (`*.json` directly inside it; `schema/` is not read), or
    ///   `nil` for the bundled files.
    /// - Returns: One result for each vector, and a summary.
    /// - Throws: ``VectorFileError`` when a folder or file cannot be read or a file is malformed, naming the file
    ///   and the JSON path.
    public static func verify(directory: String? = nil) throws(VectorFileError) -> VectorReport {
        if let directory {
            return run(try load(directory: directory))
        }
        return run(try loadBundled())
    }

    /// Runs loaded files.
    ///
    /// - Parameter files: The files, from ``loadBundled()`` or ``load(directory:)``.
    /// - Returns: One result for each vector, and a summary.
    public static func run(_ files: [LoadedVectorFile]) -> VectorReport {
        var results: [VectorResult] = []
        var summaries: [VectorReport.FileSummary] = []
        for file in files {
            let fileResults = file.cases.map { $0.run() }
            results += fileResults
            summaries.append(
                VectorReport.FileSummary(
                    file: file.name,
                    version: file.vectors.version,
                    numberOfTests: file.vectors.numberOfTests,
                    passed: fileResults.count { $0.passed }
                )
            )
        }
        return VectorReport(results: results, files: summaries)
    }

    /// Loads the vector files built into the library.
    ///
    /// - Returns: The files, sorted by name.
    /// - Throws: ``VectorFileError`` when a bundled file is malformed.
    public static func loadBundled() throws(VectorFileError) -> [LoadedVectorFile] {
        let paths = BundledFiles.paths(under: folder).filter { !$0.dropFirst(folder.count + 1).contains("/") }
        guard !paths.isEmpty else {
            throw VectorFileError(.empty, file: folder, "no vector files are bundled")
        }
        var files: [LoadedVectorFile] = []
        for path in paths {
            let name = String(path.dropFirst(folder.count + 1))
            guard let data = BundledFiles.data(path) else {
                throw VectorFileError(.unreadable, file: name, "the bundled file cannot be decoded")
            }
            files.append(try load(data, name: name))
        }
        return files
    }

    /// Loads every `*.json` file directly inside a folder.
    ///
    /// - Parameter directory: The folder.
    /// - Returns: The files, sorted by name.
    /// - Throws: ``VectorFileError`` when the folder cannot be read, holds no vector file, or a file is malformed.
    public static func load(directory: String) throws(VectorFileError) -> [LoadedVectorFile] {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw VectorFileError(.unreadable, file: directory, "cannot list the folder")
        }
        guard !names.isEmpty else {
            throw VectorFileError(.empty, file: directory, "no .json vector files in the folder")
        }

        var files: [LoadedVectorFile] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = manager.contents(atPath: path) else {
                throw VectorFileError(.unreadable, file: path, "cannot read the file")
            }
            files.append(try load(data, name: name))
        }
        return files
    }

    /// Loads one vector file from its bytes.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - name: Its name, used in results and errors.
    /// - Returns: The file and its runnable cases.
    /// - Throws: ``VectorFileError`` naming the file and the JSON path of the first problem.
    public static func load(_ data: Data, name: String) throws(VectorFileError) -> LoadedVectorFile {
        let vectors = try VectorLoader.decode(data, file: name)
        return LoadedVectorFile(name: name, vectors: vectors, cases: VectorCase.cases(of: vectors, file: name))
    }
}
