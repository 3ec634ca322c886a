import Credsync
public import Foundation

/// A (Cal.com user, app) pair the sync endpoint stand-in holds a credential for.
///
/// On the command line a grant is `USER:APP`, such as `1:google-calendar`. A seed file is JSON:
///
/// ```json
/// {"grants": [{"calcomUserId": 1, "appSlug": "google-calendar"}, {"calcomUserId": 2, "appSlug": "zoom"}]}
/// ```
///
/// `calcomUserId` is a positive integer (a decimal string is accepted too) and `appSlug` a non-empty app slug.
public struct EndpointGrant: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Cal.com user id.
    public let calcomUserId: Int

    /// The app's metadata slug.
    public let appSlug: String

    /// The grants used when none are given: user 1 with `google-calendar` and `zoom`.
    public static let defaults = [
        EndpointGrant(calcomUserId: 1, appSlug: "google-calendar"), EndpointGrant(calcomUserId: 1, appSlug: "zoom"),
    ]

    /// Makes a grant.
    ///
    /// - Parameters:
    ///   - calcomUserId: The user id.
    ///   - appSlug: The app slug.
    public init(calcomUserId: Int, appSlug: String) {
        self.calcomUserId = calcomUserId
        self.appSlug = appSlug
    }

    /// Reads `USER:APP`.
    ///
    /// - Parameter text: Such as `1:google-calendar`.
    /// - Throws: ``EndpointStandInError`` with code `badGrant`.
    public init(parsing text: String) throws(EndpointStandInError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Self.userID(String(parts[0])), !parts[1].isEmpty else {
            throw EndpointStandInError(
                .badGrant,
                "'\(text)' is not a grant: expected USER:APP with a positive decimal user id, such as 1:google-calendar"
            )
        }
        self.init(calcomUserId: id, appSlug: String(parts[1]))
    }

    /// Reads a seed file.
    ///
    /// - Parameter path: The file's path.
    /// - Returns: Its grants, at least one.
    /// - Throws: ``EndpointStandInError`` with code `badSeed`, saying what is wrong.
    public static func load(seedFile path: String) throws(EndpointStandInError) -> [EndpointGrant] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw EndpointStandInError(.badSeed, "cannot read the seed file '\(path)'")
        }
        return try parse(seed: data, source: path)
    }

    /// Reads a seed document.
    ///
    /// - Parameters:
    ///   - data: The JSON: `{"grants": [{"calcomUserId": 1, "appSlug": "zoom"}, …]}`.
    ///   - source: What to call it in messages.
    /// - Returns: Its grants, at least one.
    /// - Throws: ``EndpointStandInError`` with code `badSeed`, saying what is wrong.
    public static func parse(seed data: Data, source: String = "the seed") throws(EndpointStandInError)
        -> [EndpointGrant]
    {
        let shape = #"{"grants": [{"calcomUserId": 1, "appSlug": "google-calendar"}]}"#
        guard let root = try? JSONParser.parse(String(decoding: data, as: UTF8.self)),
            case .array(let entries)? = root["grants"]
        else {
            throw EndpointStandInError(
                .badSeed,
                "\(source) is not a JSON object with a \"grants\" array, like \(shape)"
            )
        }
        var grants: [EndpointGrant] = []
        for (index, entry) in entries.enumerated() {
            let id: Int? =
                switch entry["calcomUserId"] {
                case .string(let text)?: userID(text)
                case .number(let number)? where number >= 1 && number < 1e15 && number.rounded() == number:
                    Int(number)
                default: nil
                }
            guard let id, let slug = entry["appSlug"]?.stringValue, !slug.isEmpty else {
                throw EndpointStandInError(
                    .badSeed,
                    "\(source): grants[\(index)] needs a positive integer calcomUserId and a non-empty appSlug"
                )
            }
            grants.append(EndpointGrant(calcomUserId: id, appSlug: slug))
        }
        guard !grants.isEmpty else {
            throw EndpointStandInError(.badSeed, "\(source) grants nothing: give at least one grant")
        }
        return grants
    }

    /// A positive decimal integer with no sign, no leading zero and no other character, as Cal.com writes a user id.
    ///
    /// - Parameter text: The text.
    /// - Returns: The id, or `nil`.
    public static func userID(_ text: String) -> Int? {
        guard let first = text.utf8.first, first != UInt8(ascii: "0"), text.utf8.count <= 15,
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            return nil
        }
        return Int(text)
    }

    public var description: String {
        "\(calcomUserId):\(appSlug)"
    }
}
