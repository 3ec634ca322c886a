public import Credsync
import Foundation

/// What `credsync doctor` checks: one side's `.env` file, or both sides', read for one edition.
///
/// The configurations are resolved from the files alone, not from the process environment, so the same files
/// give the same verdicts on any machine.
public struct ConfigurationContext: Sendable {
    /// One side's file and what credsync finds in it.
    public struct File: Sendable {
        /// How the file is named in reports: its path as given.
        public let label: String

        /// The side it belongs to.
        public let side: ConfigurationSide

        /// The resolved configuration; holds the secret and key, never to be shown.
        public let configuration: CredentialSyncConfiguration

        /// What credsync finds in it, with requirements and fixes.
        public let diagnosis: [ConfigurationFinding]

        /// Resolves a parsed file.
        ///
        /// - Parameters:
        ///   - label: The file's name in reports.
        ///   - side: The side.
        ///   - edition: The edition whose variable names to read.
        ///   - file: The parsed file.
        public init(label: String, side: ConfigurationSide, edition: Edition, file: EnvironmentFile) {
            self.label = label
            self.side = side
            configuration = CredentialSyncConfiguration.resolve(edition: edition, side: side, file: file)
            diagnosis = configuration.diagnosis
        }
    }

    /// The edition the files are read for.
    public let edition: Edition

    /// Cal.com's file, if given.
    public let calcom: File?

    /// The platform's file, if given.
    public let platform: File?

    /// The two sides' disagreements, when both are given.
    public let agreement: [ConfigurationFinding]

    /// Makes a context from parsed files; at least one must be given.
    ///
    /// - Parameters:
    ///   - edition: The edition whose variable names to read.
    ///   - calcom: Cal.com's file and its label, if any.
    ///   - platform: The platform's file and its label, if any.
    public init(
        edition: Edition,
        calcom: (label: String, file: EnvironmentFile)? = nil,
        platform: (label: String, file: EnvironmentFile)? = nil
    ) {
        self.edition = edition
        self.calcom = calcom.map { File(label: $0.label, side: .calcom, edition: edition, file: $0.file) }
        self.platform = platform.map { File(label: $0.label, side: .platform, edition: edition, file: $0.file) }
        if let mine = self.calcom, let theirs = self.platform {
            agreement = CredentialSyncConfiguration.diagnoseAgreement(
                calcom: mine.configuration,
                platform: theirs.configuration
            )
        } else {
            agreement = []
        }
    }

    /// The files given, Cal.com's first.
    public var files: [File] {
        [calcom, platform].compactMap { $0 }
    }

    /// The findings no requirement covers (file remarks, the other edition's names also set, a header name that
    /// differs only in case), each with the label of its file.
    public var remarks: [(label: String?, finding: ConfigurationFinding)] {
        let own = files.flatMap { file in
            file.diagnosis.filter { $0.requirement == nil }.map { (label: Optional(file.label), finding: $0) }
        }
        return own + agreement.filter { $0.requirement == nil }.map { (label: nil, finding: $0) }
    }

    /// The secrets, key strings and key bytes in the files, and any password in the endpoint URL, for the
    /// tripwire.
    public var secrets: [Tripwire.Secret] {
        var secrets: [Tripwire.Secret] = []
        for file in files {
            let configuration = file.configuration
            if let secret = configuration.secret {
                secrets.append(
                    Tripwire.Secret(label: "\(configuration.edition.secretVariable) of \(file.label)", value: secret)
                )
            }
            if let keyString = configuration.keyString {
                secrets.append(Tripwire.Secret(label: "\(Edition.keyVariable) of \(file.label)", value: keyString))
                if case .success(let key) = configuration.key {
                    secrets.append(Tripwire.Secret(label: "key bytes of \(file.label)", bytes: key.bytes))
                }
            }
            if let password = configuration.endpointURL?.password, !password.isEmpty {
                secrets.append(Tripwire.Secret(label: "endpoint password of \(file.label)", value: password))
            }
        }
        return secrets
    }
}
