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
        if case .success(let mine) = calcom.key, case .success(let theirs) = platform.key {
            if mine != theirs {
                findings.append(
                    MessageFinding(
                        "config-key-mismatch",
                        .error,
                        "the keys differ: Cal.com \(mine.keyCheckValue), platform \(theirs.keyCheckValue)"
                    )
                )
            }
        } else if let mine = calcom.keyString, let theirs = platform.keyString, !mine.isEmpty, !theirs.isEmpty,
            mine != theirs
        {
            findings.append(
                MessageFinding(
                    "config-key-mismatch",
                    .error,
                    "the key strings differ (and at least one is not a usable key): Cal.com"
                        + " \(KeyCheckValue(secret: mine)), platform \(KeyCheckValue(secret: theirs)), as UTF-8"
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
        let other = edition.other
        let pairs = [
            (own: edition.secretVariable, other: other.secretVariable),
            (own: edition.headerNameVariable, other: other.headerNameVariable),
        ]
        let misplaced = pairs.filter { origins[$0.other] != nil && origins[$0.own] == nil }
        let extra = pairs.filter { origins[$0.other] != nil && origins[$0.own] != nil }
        var findings: [MessageFinding] = []
        if !misplaced.isEmpty {
            let names = misplaced.map(\.other).joined(separator: " and ")
            let wanted = misplaced.map(\.own).joined(separator: " and ")
            findings.append(
                MessageFinding(
                    "config-wrong-edition-variables",
                    .error,
                    "\(names) (\(other) names) \(misplaced.count == 1 ? "is" : "are") set without \(wanted);"
                        + " \(edition) Cal.com reads only \(wanted)"
                )
            )
        }
        if !extra.isEmpty {
            let names = extra.map(\.other).joined(separator: " and ")
            findings.append(
                MessageFinding(
                    "config-other-edition-variables",
                    .note,
                    "\(names) (\(other) names) \(extra.count == 1 ? "is" : "are") also set; \(edition) Cal.com"
                        + " ignores \(extra.count == 1 ? "it" : "them")"
                )
            )
        }
        return findings
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
        let strength = SecretStrength(secret)
        if strength.controlCharacters > 0 {
            findings.append(
                MessageFinding(
                    "config-secret-control",
                    .error,
                    "\(edition.secretVariable) holds \(strength.controlCharacters) control character(s) (a newline"
                        + " from a quoted value, a tab); HTTP refuses them in a header value, so it can never be sent"
                )
            )
        }
        if strength.nonASCIICharacters > 0 {
            findings.append(
                MessageFinding(
                    "config-secret-non-ascii",
                    .error,
                    "\(edition.secretVariable) holds \(strength.nonASCIICharacters) character(s) outside ASCII; header"
                        + " values travel as bytes that Node reads as latin1, so the two sides see different strings"
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
        } else if let weakness = strength.weakness {
            findings.append(
                MessageFinding(
                    "config-secret-low-entropy",
                    .warning,
                    "\(edition.secretVariable) (\(KeyCheckValue(secret: secret)), \(strength.summary)) \(weakness)"
                )
            )
        }
        if let keyString, !keyString.isEmpty, keyString == secret {
            findings.append(
                MessageFinding(
                    "config-secret-is-key",
                    .warning,
                    "\(edition.secretVariable) equals \(Edition.keyVariable); whoever sees one header learns the key"
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
        case .success(let key) where keyString.unicodeScalars.contains(where: { !$0.isASCII }):
            return [
                MessageFinding(
                    "config-key-non-ascii",
                    .warning,
                    "\(Edition.keyVariable) (\(key.keyCheckValue)) holds characters between U+0080 and U+00FF: one"
                        + " latin1 byte each for Cal.com, two UTF-8 bytes each for a platform that encodes the key as"
                        + " UTF-8"
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
                    .error,
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
        if edition == .legacy && !Self.isPrivate(host) {
            findings.append(
                MessageFinding(
                    "config-endpoint-public",
                    .warning,
                    "\(Edition.endpointVariable) points at \(host), which is not a loopback or private address;"
                        + " legacy Cal.com calls it with no secret, so anyone who can reach it can ask for tokens"
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

    /// Whether a host is loopback or private, judged from its text alone (no name is resolved): loopback, the
    /// RFC 1918 and link-local IPv4 ranges, IPv6 unique-local and link-local addresses, single-label names, and
    /// the `.internal`, `.local`, `.lan`, `.home.arpa` and `.localhost` suffixes.
    static func isPrivate(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: ["[", "]"]).lowercased()
        if isLoopback(bare) || !bare.contains(".") && !bare.contains(":") {
            return true
        }
        if [".internal", ".local", ".lan", ".home.arpa"].contains(where: { bare.hasSuffix($0) }) {
            return true
        }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        if octets.count == 4 {
            switch (octets[0], octets[1]) {
            case (10, _), (192, 168), (169, 254): return true
            case (172, let second): return (16...31).contains(second)
            default: return false
            }
        }
        return bare.contains(":") && (bare.hasPrefix("fc") || bare.hasPrefix("fd") || bare.hasPrefix("fe80:"))
    }

    /// Whether a host names this machine.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: ["[", "]"]).lowercased()
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare.hasPrefix("127.") || bare == "::1"
    }
}
