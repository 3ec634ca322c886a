import Foundation

extension CredentialSyncConfiguration {
    /// Secrets shorter than this are reported as weak; `openssl rand -base64 32`, which `.env.example` suggests,
    /// prints 44 characters.
    public static let minimumSecretLength = 32

    /// What credsync finds in this configuration, most fundamental first. Values never appear; key-check values
    /// do.
    public var findings: [MessageFinding] {
        var findings = editionFindings()
        findings += secretFindings()
        findings += keyFindings()
        findings += headerFindings()
        if side == .calcom {
            findings += endpointFindings()
        }
        if origins[Self.unreadVariable] != nil {
            findings.append(
                MessageFinding(
                    "config-unread-variable",
                    .warning,
                    "\(Self.unreadVariable) is set, but no Cal.com code reads it; the header name comes from"
                        + " \(edition.headerNameVariable)"
                )
            )
        }
        return findings + fileRemarks
    }

    /// Compares a Cal.com configuration with a platform's: the two must share the secret, the key and the header.
    ///
    /// - Parameters:
    ///   - calcom: Cal.com's configuration.
    ///   - platform: The platform's configuration.
    /// - Returns: The mismatches, shown as key-check values.
    public static func compare(
        calcom: CredentialSyncConfiguration,
        platform: CredentialSyncConfiguration
    ) -> [MessageFinding] {
        var findings: [MessageFinding] = []
        if let mine = calcom.secret, let theirs = platform.secret, mine != theirs {
            findings.append(
                MessageFinding(
                    "config-secret-mismatch",
                    .error,
                    "the secrets differ: Cal.com \(KeyCheckValue(secret: mine)), platform"
                        + " \(KeyCheckValue(secret: theirs))"
                )
            )
        }
        if case .success(let mine) = calcom.key, case .success(let theirs) = platform.key, mine != theirs {
            findings.append(
                MessageFinding(
                    "config-key-mismatch",
                    .error,
                    "the keys differ: Cal.com \(mine.keyCheckValue), platform \(theirs.keyCheckValue)"
                )
            )
        }
        if calcom.headerName.lowercased() != platform.headerName.lowercased() {
            findings.append(
                MessageFinding(
                    "config-header-mismatch",
                    .error,
                    "the header names differ: Cal.com '\(calcom.headerName)', platform '\(platform.headerName)'"
                )
            )
        } else if calcom.headerName != platform.headerName {
            findings.append(
                MessageFinding(
                    "config-header-case-mismatch",
                    .warning,
                    "the header names differ in case: Cal.com '\(calcom.headerName)', platform"
                        + " '\(platform.headerName)'; a pages-router reader matches lowercase only"
                )
            )
        }
        if calcom.edition != platform.edition {
            findings.append(
                MessageFinding(
                    "config-edition-mismatch",
                    .error,
                    "Cal.com is read as \(calcom.edition), the platform as \(platform.edition)"
                )
            )
        }
        return findings
    }

    // MARK: - Parts

    private func editionFindings() -> [MessageFinding] {
        let own = origins[edition.secretVariable] != nil || origins[edition.headerNameVariable] != nil
        let other = edition.other
        let others = [other.secretVariable, other.headerNameVariable].filter { origins[$0] != nil }
        guard !others.isEmpty else {
            return []
        }
        let names = others.joined(separator: " and ")
        if own {
            return [
                MessageFinding(
                    "config-other-edition-variables",
                    .note,
                    "\(names) (\(other) names) are also set; \(edition) Cal.com ignores them"
                )
            ]
        }
        return [
            MessageFinding(
                "config-wrong-edition-variables",
                .error,
                "only \(names) (\(other) names) are set; \(edition) Cal.com reads \(edition.secretVariable) and"
                    + " \(edition.headerNameVariable)"
            )
        ]
    }

    private func secretFindings() -> [MessageFinding] {
        guard let secret, !secret.isEmpty else {
            let consequence =
                side == .calcom
                ? "credential sharing is off and the webhook answers 403 'Credential sharing is not enabled'"
                : "the platform cannot authenticate its calls"
            return [
                MessageFinding(
                    "config-secret-missing",
                    .error,
                    "\(edition.secretVariable) is unset or empty; \(consequence)"
                )
            ]
        }
        var findings: [MessageFinding] = []
        if secret.trimmingHTTPWhitespace() != secret {
            findings.append(
                MessageFinding(
                    "config-secret-whitespace",
                    .error,
                    "\(edition.secretVariable) starts or ends with white space, which HTTP strips from header"
                        + " values: the secret can never match"
                )
            )
        }
        if secret.unicodeScalars.contains(where: { !$0.isASCII }) {
            findings.append(
                MessageFinding(
                    "config-secret-non-ascii",
                    .warning,
                    "\(edition.secretVariable) holds characters outside ASCII; header values travel as bytes that"
                        + " Node reads as latin1, so the two sides may see different strings"
                )
            )
        }
        if secret.count < Self.minimumSecretLength {
            findings.append(
                MessageFinding(
                    "config-secret-weak",
                    .warning,
                    "\(edition.secretVariable) is \(secret.count) characters (\(KeyCheckValue(secret: secret)));"
                        + " use at least \(Self.minimumSecretLength), e.g. `openssl rand -base64 32`"
                )
            )
        }
        return findings
    }

    private func keyFindings() -> [MessageFinding] {
        guard let keyString, !keyString.isEmpty else {
            return [
                MessageFinding(
                    "config-key-missing",
                    .error,
                    "\(Edition.keyVariable) is unset or empty; credential sharing is off"
                )
            ]
        }
        switch key {
        case .failure(let error):
            return [MessageFinding("config-key-length", .error, "\(Edition.keyVariable): \(error.reason)")]
        case .success(let key) where key.hasCharactersAboveLatin1:
            return [
                MessageFinding(
                    "config-key-above-latin1",
                    .warning,
                    "\(Edition.keyVariable) (\(key.keyCheckValue)) holds characters above U+00FF, which Node cuts to"
                        + " their low byte; a platform that encodes the key as UTF-8 gets another key"
                )
            ]
        case .success:
            return []
        }
    }

    private func headerFindings() -> [MessageFinding] {
        var findings: [MessageFinding] = []
        if !HeaderLookup.isValidName(headerName) {
            findings.append(
                MessageFinding(
                    "config-header-invalid",
                    .error,
                    "'\(headerName)' is not a valid header name; current Cal.com answers every webhook call with 500"
                )
            )
        } else if headerName != headerName.lowercased() {
            let severity: MessageFinding.Severity = edition == .legacy ? .error : .warning
            let consequence =
                edition == .legacy
                ? "the pages-router webhook looks names up in lowercase only, so it never matches and always"
                    + " answers 403"
                : "today's webhook matches it in any case, but a pages-router reader (the example sync endpoint,"
                    + " older Cal.com) never does; .env.example says it should be lowercase"
            findings.append(
                MessageFinding(
                    "config-header-uppercase",
                    severity,
                    "'\(headerName)' has uppercase letters; \(consequence)"
                )
            )
        }
        if side == .platform && !headerNameIsSet {
            findings.append(
                MessageFinding(
                    "config-header-unset",
                    .warning,
                    "\(edition.headerNameVariable) is unset; Cal.com defaults to '\(edition.defaultHeaderName)', but"
                        + " the example platform app has no default and rejects every refresh call"
                )
            )
        }
        return findings
    }

    private func endpointFindings() -> [MessageFinding] {
        guard let endpoint, !endpoint.isEmpty else {
            return [
                MessageFinding(
                    "config-endpoint-missing",
                    .warning,
                    "\(Edition.endpointVariable) is unset; Cal.com never asks the platform for a fresh token"
                )
            ]
        }
        guard let url = endpointURL, let host = url.host else {
            return [
                MessageFinding(
                    "config-endpoint-invalid",
                    .error,
                    "\(Edition.endpointVariable) '\(shownEndpoint)' is not an absolute http or https URL"
                )
            ]
        }
        var findings: [MessageFinding] = []
        if url.scheme?.lowercased() == "http" && !Self.isLoopback(host) {
            findings.append(
                MessageFinding(
                    "config-endpoint-cleartext",
                    .warning,
                    "\(Edition.endpointVariable) uses plain http to \(host); the secret and the tokens cross the"
                        + " network unencrypted"
                )
            )
        }
        if url.user != nil || url.password != nil {
            findings.append(
                MessageFinding(
                    "config-endpoint-credentials",
                    .warning,
                    "\(Edition.endpointVariable) carries a user name or password, which Cal.com writes into error"
                        + " messages"
                )
            )
        }
        return findings
    }

    /// Whether a host names this machine.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: ["[", "]"]).lowercased()
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare.hasPrefix("127.") || bare == "::1"
    }
}
