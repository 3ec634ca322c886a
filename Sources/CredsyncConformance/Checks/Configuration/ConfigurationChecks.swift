public import Credsync
import Foundation

/// The CFG-* checks `credsync doctor` runs on `.env` files, one per requirement.
///
/// Each check reads the findings that ``CredentialSyncConfiguration/diagnosis`` and
/// ``CredentialSyncConfiguration/diagnoseAgreement(calcom:platform:)`` tie to its requirement: any finding fails
/// it, with the finding's fix; none passes it, with what was seen (lengths, character classes and key-check
/// values, never a value). A check skips when what it looks at is unset, which another check reports.
public enum ConfigurationChecks {
    /// Every configuration check, in catalog order.
    public static let all: [Check<ConfigurationContext>] = [
        perFile("CFG-001", expected: "the secret variable set to a non-empty value") { configuration in
            "\(configuration.edition.secretVariable) is set (\(configuration.secretCheckValue.map { "\($0)" } ?? ""))"
        },
        perFile("CFG-002", expected: "\(Edition.keyVariable) set to a non-empty value") { configuration in
            "\(Edition.keyVariable) is set (\(keyText(configuration)))"
        },
        perFile(
            "CFG-003",
            expected: "a key of exactly 32 characters, such as the output of `openssl rand -base64 24`",
            skipUnless: keyIsSet
        ) { configuration in
            "the key is 32 characters (\(keyText(configuration)))"
        },
        perFile("CFG-004", expected: "a key of ASCII characters only", skipUnless: keyIsSet) { _ in
            "the key is ASCII only"
        },
        perFile(
            "CFG-005",
            expected: "a random secret of at least \(CredentialSyncConfiguration.minimumSecretLength) characters,"
                + " other than the key",
            skipUnless: secretIsSet
        ) { configuration in
            "the secret is \(SecretStrength(configuration.secret ?? "").summary)"
        },
        perFile(
            "CFG-006",
            expected: "a secret of printable ASCII with no white space around it",
            skipUnless: secretIsSet
        ) { _ in
            "the secret is printable ASCII with no white space around it"
        },
        perFile("CFG-007", expected: "a header name that is an HTTP token") { configuration in
            "'\(configuration.headerName)'\(configuration.headerNameIsSet ? "" : " (the default)") is a valid token"
        },
        perFile("CFG-008", expected: "a lowercase header name") { configuration in
            "'\(configuration.headerName)' is lowercase"
        },
        perFile("CFG-009", expected: "a lowercase header name") { configuration in
            "'\(configuration.headerName)' is lowercase"
        },
        perFile(
            "CFG-010",
            expected: "CALCOM_CREDENTIAL_SYNC_SECRET and CALCOM_CREDENTIAL_SYNC_HEADER_NAME, not the docs' names"
        ) { configuration in
            let names = configuration.editionsWithVariablesSet.map(\.rawValue).joined(separator: " and ")
            return names.isEmpty ? "no edition's names are set" : "\(names) names are set"
        },
        perFile("CFG-011", expected: "no \(CredentialSyncConfiguration.unreadVariable)") { _ in
            "\(CredentialSyncConfiguration.unreadVariable) is not set"
        },
        agreement("CFG-012", expected: "the same header name on both sides") { calcom, platform in
            let name = "'\(calcom.headerName)'"
            return calcom.headerName == platform.headerName
                ? .pass(expected: "", observed: "both use \(name)")
                : .pass(
                    expected: "",
                    observed: "both use \(name), written '\(platform.headerName)' on the platform (see CFG-009)"
                )
        },
        agreement("CFG-013", expected: "the same secret on both sides") { calcom, platform in
            guard let mine = calcom.secretCheckValue, let theirs = platform.secretCheckValue,
                secretIsSet(calcom) == nil, secretIsSet(platform) == nil
            else {
                return .skip("a side's secret is unset (CFG-001)")
            }
            return .pass(expected: "", observed: "both secrets are \(mine == theirs ? "\(mine)" : "set")")
        },
        agreement("CFG-014", expected: "the same key on both sides") { calcom, platform in
            guard keyIsSet(calcom) == nil, keyIsSet(platform) == nil else {
                return .skip("a side's key is unset (CFG-002)")
            }
            return .pass(expected: "", observed: "both keys are \(keyText(calcom))")
        },
        perFile("CFG-015", expected: "an absolute http or https URL", sides: [.calcom]) { configuration in
            "\(Edition.endpointVariable) is \(configuration.shownEndpoint)"
        },
        perFile(
            "CFG-016",
            expected: "an https endpoint, or http to a loopback host",
            sides: [.calcom],
            skipUnless: endpointIsUsable
        ) { configuration in
            let url = configuration.endpointURL
            return url?.scheme?.lowercased() == "https"
                ? "the endpoint uses https" : "the endpoint uses http to loopback \(url?.host ?? "")"
        },
        perFile(
            "CFG-017",
            expected: "an endpoint on a loopback or private address",
            sides: [.calcom],
            skipUnless: endpointIsUsable
        ) { configuration in
            "the endpoint's host \(configuration.endpointURL?.host ?? "") is loopback or private"
        },
        perFile(
            "CFG-018",
            expected: "an endpoint URL with no user name or password",
            sides: [.calcom],
            skipUnless: endpointIsUsable
        ) { _ in
            "the endpoint URL holds no user information"
        },
    ]

    /// The requirements that compare the two sides.
    public static let agreementRequirements: Set<Int> = [12, 13, 14]

    /// The requirements on the sync endpoint, which only Cal.com's file sets.
    public static let endpointRequirements: Set<Int> = [15, 16, 17, 18]

    /// The checks that apply to a context: those of its edition, the endpoint's only with Cal.com's file, the
    /// agreement's only with both files.
    ///
    /// - Parameters:
    ///   - context: The files and the edition.
    ///   - catalog: The catalog.
    /// - Returns: The checks, in catalog order.
    public static func checks(
        for context: ConfigurationContext,
        catalog: Catalog = .standard
    ) -> [Check<ConfigurationContext>] {
        all.filter { check in
            guard let requirement = catalog.requirement(check.id),
                requirement.applies(to: .configuration, edition: context.edition)
            else {
                return false
            }
            if agreementRequirements.contains(check.id.number) {
                return context.calcom != nil && context.platform != nil
            }
            if endpointRequirements.contains(check.id.number) {
                return context.calcom != nil
            }
            return true
        }
    }

    // MARK: - Building checks

    private static func perFile(
        _ id: String,
        expected: String,
        sides: Set<ConfigurationSide> = [.calcom, .platform],
        skipUnless notApplicable: @escaping @Sendable (CredentialSyncConfiguration) -> String? = { _ in nil },
        describe: @escaping @Sendable (CredentialSyncConfiguration) -> String
    ) -> Check<ConfigurationContext> {
        let requirement = try? RequirementID(id)
        return Check(id) { context in
            var violations: [String] = []
            var fixes: [(label: String, fix: String)] = []
            var passes: [String] = []
            var skips: [String] = []
            for file in context.files where sides.contains(file.side) {
                let found = file.diagnosis.filter { $0.requirement != nil && $0.requirement == requirement }
                if !found.isEmpty {
                    violations += found.map { "\(file.label): \($0.finding.detail)" }
                    fixes += found.map { (file.label, $0.fix) }
                } else if let reason = notApplicable(file.configuration) {
                    skips.append("\(file.label): \(reason)")
                } else {
                    passes.append("\(file.label): \(describe(file.configuration))")
                }
            }
            if !violations.isEmpty {
                return .fail(
                    expected: expected,
                    observed: (violations + passes).joined(separator: "; "),
                    fix: joined(fixes)
                )
            }
            guard !passes.isEmpty else {
                return .skip(skips.joined(separator: "; "))
            }
            return .pass(expected: expected, observed: (passes + skips).joined(separator: "; "))
        }
    }

    private static func agreement(
        _ id: String,
        expected: String,
        whenAgreeing: @escaping @Sendable (CredentialSyncConfiguration, CredentialSyncConfiguration) -> CheckOutcome
    ) -> Check<ConfigurationContext> {
        let requirement = try? RequirementID(id)
        return Check(id) { context in
            guard let calcom = context.calcom, let platform = context.platform else {
                return .skip("needs both sides' files", enableWith: "--peer-env-file")
            }
            let found = context.agreement.filter { $0.requirement != nil && $0.requirement == requirement }
            if !found.isEmpty {
                return .fail(
                    expected: expected,
                    observed: "\(calcom.label) and \(platform.label): "
                        + found.map(\.finding.detail).joined(separator: "; "),
                    fix: joined(found.map { (label: "", fix: $0.fix) })
                )
            }
            let outcome = whenAgreeing(calcom.configuration, platform.configuration)
            guard outcome.kind == .satisfied else {
                return outcome
            }
            return .pass(expected: expected, observed: "\(calcom.label) and \(platform.label): \(outcome.observed)")
        }
    }

    /// The fixes, once each; labelled by file only when the files need different fixes.
    private static func joined(_ fixes: [(label: String, fix: String)]) -> String {
        var distinct: [String] = []
        for fix in fixes.map(\.fix) where !distinct.contains(fix) {
            distinct.append(fix)
        }
        let labels = Set(fixes.map(\.label))
        if labels.count <= 1 || distinct.count == fixes.count / labels.count {
            return distinct.joined(separator: "; ")
        }
        return fixes.map { "\($0.label): \($0.fix)" }.joined(separator: "; ")
    }

    // MARK: - Conditions

    private static func keyText(_ configuration: CredentialSyncConfiguration) -> String {
        switch configuration.key {
        case .success(let key): "\(key.keyCheckValue)"
        case .failure: "unusable, \((configuration.keyString ?? "").utf16.count) characters"
        }
    }

    private static func keyIsSet(_ configuration: CredentialSyncConfiguration) -> String? {
        (configuration.keyString ?? "").isEmpty ? "the key is unset (CFG-002)" : nil
    }

    private static func secretIsSet(_ configuration: CredentialSyncConfiguration) -> String? {
        (configuration.secret ?? "").isEmpty ? "the secret is unset (CFG-001)" : nil
    }

    private static func endpointIsUsable(_ configuration: CredentialSyncConfiguration) -> String? {
        configuration.endpointURL?.host == nil ? "no usable endpoint (CFG-015)" : nil
    }
}
