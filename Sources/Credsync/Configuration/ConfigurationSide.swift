/// Which counterpart a configuration belongs to.
public enum ConfigurationSide: String, Sendable, Hashable, CaseIterable, Codable {
    /// The Cal.com instance: it receives the webhook and calls the sync endpoint.
    case calcom
    /// The platform: it pushes credentials and serves the sync endpoint. The example platform app reads the same
    /// `CALCOM_*` names.
    case platform
}
