public import Foundation

/// The repository's `vectors/` and `fixtures/` files, built into the library.
///
/// The `credsync` binary reads them from here, so it works from any directory with nothing beside it.
public enum BundledFiles {
    /// The repository paths of every bundled file, sorted, such as `vectors/envelope_decrypt.json`.
    public static var paths: [String] {
        EmbeddedFiles.base64.keys.sorted()
    }

    /// The paths of the bundled files under a folder.
    ///
    /// - Parameter folder: A repository folder such as `vectors` or `fixtures/webhook`.
    /// - Returns: The sorted paths.
    public static func paths(under folder: String) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return paths.filter { $0.hasPrefix(prefix) }
    }

    /// The bytes of a bundled file.
    ///
    /// - Parameter path: Its repository path.
    /// - Returns: The bytes, or `nil` when no such file is bundled.
    public static func data(_ path: String) -> Data? {
        EmbeddedFiles.base64[path].flatMap { Data(base64Encoded: $0) }
    }
}
