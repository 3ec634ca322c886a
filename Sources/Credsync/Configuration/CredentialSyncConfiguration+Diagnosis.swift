import Foundation

extension CredentialSyncConfiguration {
    /// ``findings``, each tied to the requirement it breaks in this configuration's edition and given its fix.
    public var diagnosis: [ConfigurationFinding] {
        findings.map { finding in
            ConfigurationFinding(
                requirement: Self.requirement(for: finding.code, edition: edition),
                side: side,
                finding: finding,
                fix: fix(for: finding.code)
            )
        }
    }

    /// ``compare(calcom:platform:)``, each mismatch tied to its requirement and given its fix.
    ///
    /// - Parameters:
    ///   - calcom: Cal.com's configuration.
    ///   - platform: The platform's configuration.
    /// - Returns: The mismatches.
    public static func diagnoseAgreement(
        calcom: CredentialSyncConfiguration,
        platform: CredentialSyncConfiguration
    ) -> [ConfigurationFinding] {
        compare(calcom: calcom, platform: platform).map { finding in
            ConfigurationFinding(
                requirement: requirement(for: finding.code, edition: calcom.edition),
                side: nil,
                finding: finding,
                fix: agreementFix(for: finding.code, calcom: calcom)
            )
        }
    }

    /// The requirement a finding code breaks in an edition, or `nil` for a remark no requirement covers.
    ///
    /// - Parameters:
    ///   - code: A code from ``findings`` or ``compare(calcom:platform:)``, such as `config-key-length`.
    ///   - edition: The edition the configuration is read for.
    /// - Returns: The requirement's ID.
    public static func requirement(for code: String, edition: Edition) -> RequirementID? {
        let number: Int?
        switch code {
        case "config-secret-missing": number = 1
        case "config-key-missing": number = 2
        case "config-key-length": number = 3
        case "config-key-above-latin1", "config-key-non-ascii": number = 4
        case "config-secret-weak", "config-secret-low-entropy", "config-secret-is-key": number = 5
        case "config-secret-whitespace", "config-secret-control", "config-secret-non-ascii": number = 6
        case "config-header-invalid": number = 7
        case "config-header-uppercase": number = edition == .legacy ? 8 : 9
        // Under legacy a missing secret is CFG-001's finding; the misplaced names are the remark explaining it.
        case "config-wrong-edition-variables": number = edition == .current ? 10 : nil
        case "config-unread-variable": number = 11
        case "config-header-mismatch": number = 12
        case "config-secret-mismatch": number = 13
        case "config-key-mismatch": number = 14
        case "config-endpoint-missing", "config-endpoint-invalid": number = 15
        case "config-endpoint-cleartext": number = 16
        case "config-endpoint-public": number = 17
        case "config-endpoint-credentials": number = 18
        default: number = nil
        }
        return number.flatMap { try? RequirementID(side: .configuration, number: $0) }
    }

    // MARK: - Fixes

    private static let secretCommand = "`openssl rand -base64 32` (44 characters, 256 random bits)"
    private static let keyCommand =
        "`openssl rand -base64 24` (32 characters, used as they are, not base64-decoded)"

    private func fix(for code: String) -> String {
        let secretVariable = edition.secretVariable
        let headerVariable = edition.headerNameVariable
        let keyVariable = Edition.keyVariable
        let endpointVariable = Edition.endpointVariable
        switch code {
        case "config-secret-missing":
            return "add `\(secretVariable)=` followed by the output of \(Self.secretCommand), the same value in both"
                + " sides' .env, then restart"
        case "config-wrong-edition-variables":
            let other = edition.other
            let renames = [
                (other.secretVariable, secretVariable), (other.headerNameVariable, headerVariable),
            ]
            .filter { origins[$0.0] != nil && origins[$0.1] == nil }
            .map { "rename \($0.0) to \($0.1)" }
            return renames.joined(separator: " and ")
                + "; or, for a Cal.com that still reads the docs' names, run the doctor with --edition \(other)"
        case "config-other-edition-variables":
            let other = edition.other
            let names = [other.secretVariable, other.headerNameVariable].filter { origins[$0] != nil }
            return "delete the \(names.joined(separator: " and ")) line(s); \(edition) Cal.com never reads them"
        case "config-key-missing":
            return "add `\(keyVariable)=` followed by the output of \(Self.keyCommand), the same value on both sides"
        case "config-key-length":
            return "replace \(keyVariable) on both sides with the output of \(Self.keyCommand);"
                + " `openssl rand -base64 32` prints 44 characters, which Cal.com rejects with 'Invalid key length'"
        case "config-key-above-latin1", "config-key-non-ascii":
            return "replace \(keyVariable) on both sides with an ASCII key: the output of \(Self.keyCommand)"
        case "config-secret-weak", "config-secret-low-entropy":
            return "replace \(secretVariable) on both sides with the output of \(Self.secretCommand)"
        case "config-secret-is-key":
            return "give \(secretVariable) its own value on both sides: the output of \(Self.secretCommand)"
        case "config-secret-whitespace":
            return "remove the spaces or tabs around the value: write `\(secretVariable)=\"…\"` with nothing between"
                + " the quotes and the secret"
        case "config-secret-control":
            return "write \(secretVariable) on one line with no escape such as \\n inside; or regenerate it with"
                + " \(Self.secretCommand)"
        case "config-secret-non-ascii":
            return "replace \(secretVariable) on both sides with printable ASCII: the output of \(Self.secretCommand)"
        case "config-header-invalid":
            return "set `\(headerVariable)=\(edition.defaultHeaderName)` on both sides: letters, digits and '-' only,"
                + " no spaces or ':'"
        case "config-header-uppercase":
            return "write it in lowercase on both sides: `\(headerVariable)=\(headerName.lowercased())`"
        case "config-header-unset":
            return "set `\(headerVariable)=\(headerName)` explicitly, the same on both sides"
        case "config-unread-variable":
            return "delete the \(Self.unreadVariable) line; the header name is set with"
                + " `\(headerVariable)=\(headerName)`"
        case "config-endpoint-missing":
            return "set `\(endpointVariable)=https://<platform host>/<sync path>`, the platform's sync endpoint (the"
                + " example app serves /api/getToken)"
        case "config-endpoint-invalid":
            return "write an absolute URL with a scheme and a host:"
                + " `\(endpointVariable)=https://<platform host>/api/getToken`"
        case "config-endpoint-cleartext":
            return "serve the endpoint over TLS and write `\(endpointVariable)=https://…`; plain http is only for"
                + " localhost, 127.0.0.0/8 and ::1"
        case "config-endpoint-public":
            return "keep the endpoint on loopback or a private network (e.g. http://10.0.0.5/api/getToken) and"
                + " firewall it, or move to a Cal.com that sends the secret with the refresh call (--edition current)"
        case "config-endpoint-credentials":
            return "remove the user name and password: `\(endpointVariable)=\(shownEndpoint)`; the platform"
                + " authenticates Cal.com by the secret header"
        case "env-duplicate-key":
            return "keep one line for the variable and delete the others"
        case "env-unquoted-hash":
            return "quote the value in single quotes: `NAME='value#rest'`"
        case "env-dollar-expansion":
            return "put the value in single quotes, which Next does not expand: `NAME='value'`"
        default:
            return "see the requirement's statement in `credsync requirements`"
        }
    }

    private static func agreementFix(for code: String, calcom: CredentialSyncConfiguration) -> String {
        let edition = calcom.edition
        switch code {
        case "config-header-mismatch":
            return "set `\(edition.headerNameVariable)=\(calcom.headerName.lowercased())` in both sides' .env"
        case "config-header-case-mismatch":
            return "write the same lowercase name on both sides:"
                + " `\(edition.headerNameVariable)=\(calcom.headerName.lowercased())`"
        case "config-secret-mismatch":
            return "copy Cal.com's \(edition.secretVariable) into the platform's .env (or set a new one from"
                + " \(secretCommand) on both), then compare with `credsync kcv --env-file FILE` on each side"
        case "config-key-mismatch":
            return "copy Cal.com's \(Edition.keyVariable) into the platform's .env (or set a new one from"
                + " \(keyCommand) on both), then compare with `credsync kcv --env-file FILE` on each side"
        case "config-edition-mismatch":
            return "read both files for the same edition"
        default:
            return "see the requirement's statement in `credsync requirements`"
        }
    }
}
