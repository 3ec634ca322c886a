import Foundation

/// The credential-sync settings of one side, resolved from the process environment and a `.env` file as Cal.com
/// (through Next's `@next/env`) resolves them.
///
/// A variable set in the process environment, even to an empty string, wins over the file, as Next does. The
/// secret and the key are kept for use but never shown: ``description`` and every finding show key-check values.
public struct CredentialSyncConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// Where a value came from.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// The process environment.
        case process
        /// The `.env` file.
        case file
    }

    /// The edition whose variable names were read.
    public let edition: Edition

    /// The side the configuration belongs to.
    public let side: ConfigurationSide

    /// The secret, or `nil` when the variable is unset. Never print it; use ``secretCheckValue``.
    public let secret: String?

    /// The header name in effect: the configured one, or the edition's default when unset or empty.
    public let headerName: String

    /// Whether the header-name variable is set to a non-empty value.
    public let headerNameIsSet: Bool

    /// The key string, or `nil` when unset. Never print it.
    public let keyString: String?

    /// The endpoint URL text, or `nil` when unset.
    public let endpoint: String?

    /// Every protocol variable that is set, with where its value came from.
    public let origins: [String: Origin]

    /// Remarks from the `.env` file (repeated keys, cut values, expansion) that concern the protocol's variables.
    public let fileRemarks: [MessageFinding]

    /// The variables credsync looks at: both editions' names, the key, the endpoint, and the name only a PR
    /// description mentions.
    public static let variables = [
        Edition.current.secretVariable, Edition.current.headerNameVariable, Edition.legacy.secretVariable,
        Edition.legacy.headerNameVariable, Edition.keyVariable, Edition.endpointVariable, unreadVariable,
    ]

    /// The variable PR #13907's description names, which no code reads.
    public static let unreadVariable = "CALCOM_CREDENTIAL_SYNC_SECRET_HEADER_NAME"

    /// Resolves the configuration of one side for an edition.
    ///
    /// - Parameters:
    ///   - edition: The edition whose variable names to read.
    ///   - side: The side.
    ///   - environment: The process environment.
    ///   - file: The `.env` file, if any.
    /// - Returns: The configuration.
    public static func resolve(
        edition: Edition,
        side: ConfigurationSide,
        environment: [String: String] = [:],
        file: EnvironmentFile? = nil
    ) -> CredentialSyncConfiguration {
        var values: [String: String] = [:]
        var origins: [String: Origin] = [:]
        let fileValues = file?.values ?? [:]
        for name in variables {
            if let value = environment[name] {
                values[name] = value
                origins[name] = .process
            } else if let value = fileValues[name] {
                values[name] = value
                origins[name] = .file
            }
        }
        let remarks = (file?.remarks ?? []).filter { remark in
            variables.contains { remark.detail.contains($0) }
        }
        return CredentialSyncConfiguration(
            edition: edition,
            side: side,
            values: values,
            origins: origins,
            fileRemarks: remarks
        )
    }

    private init(
        edition: Edition,
        side: ConfigurationSide,
        values: [String: String],
        origins: [String: Origin],
        fileRemarks: [MessageFinding]
    ) {
        self.edition = edition
        self.side = side
        self.secret = values[edition.secretVariable]
        let header = values[edition.headerNameVariable] ?? ""
        self.headerName = header.isEmpty ? edition.defaultHeaderName : header
        self.headerNameIsSet = !header.isEmpty
        self.keyString = values[Edition.keyVariable]
        self.endpoint = values[Edition.endpointVariable]
        self.origins = origins
        self.fileRemarks = fileRemarks
    }

    /// The key, or why the configured string is not one.
    public var key: Result<EnvelopeKey, EnvelopeError> {
        Result { () throws(EnvelopeError) in try EnvelopeKey(keyString ?? "") }
    }

    /// Whether credential sharing is on: the secret and the key string are both non-empty (the key's length is not
    /// checked; a wrong length makes every decrypt fail).
    public var isEnabled: Bool {
        !(secret ?? "").isEmpty && !(keyString ?? "").isEmpty
    }

    /// The secret's key-check value, safe to show, or `nil` when unset.
    public var secretCheckValue: KeyCheckValue? {
        secret.map { KeyCheckValue(secret: $0) }
    }

    /// The endpoint as a URL, when it parses as an absolute http or https URL.
    public var endpointURL: URL? {
        guard let endpoint, let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            return nil
        }
        return url
    }

    /// The editions whose own variable names (secret or header name) are set.
    public var editionsWithVariablesSet: [Edition] {
        Edition.allCases.filter { edition in
            origins[edition.secretVariable] != nil || origins[edition.headerNameVariable] != nil
        }
    }

    /// The settings Cal.com's webhook runs with under this configuration.
    public var webhookSettings: WebhookSettings {
        WebhookSettings(edition: edition, secret: secret ?? "", headerName: headerName, keyString: keyString ?? "")
    }

    public var description: String {
        let secretText = secretCheckValue.map { "\($0)" } ?? "unset"
        let keyText: String
        switch key {
        case .success(let key): keyText = "\(key.keyCheckValue)"
        case .failure(let error): keyText = keyString == nil ? "unset" : "unusable (\(error.code))"
        }
        let header = headerName + (headerNameIsSet ? "" : " (default)")
        return "CredentialSyncConfiguration(\(edition), \(side), \(isEnabled ? "enabled" : "disabled"), secret"
            + " \(secretText), header \(header), key \(keyText), endpoint \(shownEndpoint))"
    }

    /// The endpoint with any user name and password removed, safe to show.
    public var shownEndpoint: String {
        guard let endpoint else {
            return "unset"
        }
        guard var parts = URLComponents(string: endpoint), parts.user != nil || parts.password != nil else {
            return endpoint
        }
        parts.user = nil
        parts.password = nil
        return parts.string ?? "(unparsable URL)"
    }
}
