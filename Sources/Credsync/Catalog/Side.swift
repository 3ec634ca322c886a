/// The party a requirement binds, named by the prefix of its ID.
public enum Side: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// The Cal.com instance: the webhook receiver and API v1 `/credential-sync`.
    case calcom

    /// The platform's sender: what it pushes to the webhook.
    case sender

    /// The platform's sync endpoint: how it answers Cal.com's refresh calls.
    case endpoint

    /// Cal.com as the refresh caller: what it sends to the sync endpoint and how it treats the answer.
    case refreshCaller

    /// The configuration of both sides: the `.env` variables and their agreement.
    case configuration

    /// The encryption envelope itself: algorithm, key bytes, IV, format and decoding.
    case envelope

    /// The uppercase prefix of this side's requirement IDs, such as `CAL`.
    public var prefix: String {
        switch self {
        case .calcom: "CAL"
        case .sender: "SND"
        case .endpoint: "END"
        case .refreshCaller: "REF"
        case .configuration: "CFG"
        case .envelope: "ENV"
        }
    }

    /// A short human name, such as "Cal.com instance".
    public var name: String {
        switch self {
        case .calcom: "Cal.com instance"
        case .sender: "Platform sender"
        case .endpoint: "Platform sync endpoint"
        case .refreshCaller: "Cal.com refresh caller"
        case .configuration: "Configuration"
        case .envelope: "Envelope"
        }
    }

    /// The folder, relative to the repository root, that holds the checks of this side.
    public var checksFolder: String {
        let folder: String
        switch self {
        case .calcom: folder = "Calcom"
        case .sender: folder = "Sender"
        case .endpoint: folder = "Endpoint"
        case .refreshCaller: folder = "RefreshCaller"
        case .configuration: folder = "Configuration"
        case .envelope: folder = "Envelope"
        }
        return "Sources/CredsyncConformance/Checks/\(folder)/"
    }

    /// Finds the side whose IDs start with a prefix.
    ///
    /// - Parameter prefix: An uppercase prefix such as `SND`.
    public init?(prefix: String) {
        guard let side = Self.allCases.first(where: { $0.prefix == prefix }) else {
            return nil
        }
        self = side
    }

    public var description: String { name }
}
