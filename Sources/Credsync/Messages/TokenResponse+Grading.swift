extension TokenResponse {
    /// How credsync grades a sync endpoint's answer.
    public struct Grading: Sendable, Hashable {
        /// What Cal.com does with the answer: `accepted`, `invalid-token-response` or `syntax-error`.
        public let outcome: String
        /// The `expiry_date` Cal.com stores after normalising, when it accepts the token.
        public let normalizedExpiryDate: Double?
        /// Whether Google Calendar marks the whole credential invalid (`error: "invalid_grant"`), which it does
        /// even with syncing on.
        public let invalidatesGoogleCredential: Bool
        /// What credsync found.
        public let findings: [MessageFinding]
    }

    /// Grades a sync endpoint's answer.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - body: The body bytes.
    ///   - now: The current time in epoch milliseconds.
    /// - Returns: Cal.com's outcome, the normalised expiry and the findings.
    public static func grade(status: Int, body: [UInt8], now: Double) -> Grading {
        let parse = parse(body)
        var findings: [MessageFinding] = []
        let value = try? JSONParser.parse(HTTPRequestMessage(method: "", target: "", body: body).bodyText)
        let invalidGrant = value?["error"]?.stringValue == "invalid_grant"

        switch parse {
        case .notJSON(let error):
            findings.append(
                MessageFinding(
                    "token-not-json",
                    .error,
                    "the body is not JSON (\(error)); Cal.com's response.json() throws"
                )
            )
        case .invalid(let issues):
            findings += issueFindings(issues, value: value)
        case .accepted:
            break
        }
        if invalidGrant {
            findings.append(
                MessageFinding(
                    "token-invalid-grant",
                    .error,
                    "the body is an OAuth error 'invalid_grant'; Google Calendar marks the credential invalid, even"
                        + " with syncing on, and the user must reconnect"
                )
            )
        }

        guard let token = parse.token else {
            return Grading(
                outcome: parse.outcome,
                normalizedExpiryDate: nil,
                invalidatesGoogleCredential: invalidGrant,
                findings: findings
            )
        }
        if !(200..<300).contains(status) {
            findings.append(
                MessageFinding(
                    "token-status-not-2xx",
                    .warning,
                    "the status is \(status), yet the body carries an access_token, which Cal.com accepts anyway"
                )
            )
        }
        if token.accessToken.isEmpty {
            findings.append(MessageFinding("token-access-token-empty", .error, "access_token is empty"))
        }
        findings += token.expiryFindings(now: now)
        if token.fields["refresh_token"] != nil {
            findings.append(
                MessageFinding(
                    "token-refresh-token-leaked",
                    .warning,
                    "the answer carries a refresh_token; a sync endpoint should hand out access tokens only"
                )
            )
        }
        let known = ["access_token"] + optionalStringFields + optionalNumberFields
        let extra = token.fields.keys.filter { !known.contains($0) }
        if !extra.isEmpty {
            findings.append(
                MessageFinding(
                    "token-extra-fields",
                    .note,
                    "members \(extra.map { "'\($0)'" }.joined(separator: ", ")) are kept in the stored token as"
                        + " they are"
                )
            )
        }
        return Grading(
            outcome: parse.outcome,
            normalizedExpiryDate: token.normalized(now: now)["expiry_date"]?.numberValue,
            invalidatesGoogleCredential: invalidGrant,
            findings: findings
        )
    }

    // MARK: - Parts

    private static func issueFindings(_ issues: [ZodIssue], value: JSONValue?) -> [MessageFinding] {
        issues.map { issue in
            let field = issue.path.first
            switch field {
            case nil:
                if value == nil {
                    return MessageFinding(
                        "token-empty-body",
                        .error,
                        "the body is empty; Cal.com reads it as null and fails with 'Invalid token response'"
                    )
                }
                return MessageFinding(
                    "token-not-object",
                    .error,
                    "the body is JSON \(issue.received), not an object; Cal.com fails with 'Invalid token response'"
                )
            case "access_token"?:
                let code =
                    issue.received == "undefined" ? "token-access-token-missing" : "token-access-token-not-string"
                return MessageFinding(
                    code,
                    .error,
                    "access_token: \(issue.message); Cal.com fails with 'Invalid token response'"
                )
            case let name?:
                return MessageFinding(
                    "token-field-type",
                    .error,
                    "\(name): \(issue.message); Cal.com fails with 'Invalid token response'"
                )
            }
        }
    }

    private func expiryFindings(now: Double) -> [MessageFinding] {
        switch (expiryDate, expiresIn) {
        case (nil, nil):
            return [
                MessageFinding(
                    "token-expiry-missing",
                    .note,
                    "there is no expiry_date or expires_in; Cal.com trusts the token for 365 days"
                )
            ]
        case (let expiry?, _) where expiry == 0 && (expiresIn ?? 0) == 0:
            return [
                MessageFinding(
                    "token-expiry-zero",
                    .warning,
                    "the expiry is 0, which Cal.com reads as missing: it trusts the token for 365 days"
                )
            ]
        case (nil, let seconds?) where seconds == 0:
            return [
                MessageFinding(
                    "token-expiry-zero",
                    .warning,
                    "expires_in is 0, which Cal.com reads as missing: it trusts the token for 365 days"
                )
            ]
        case (let expiry?, _):
            return CredentialDocument.gradeExpiryDate(expiry, now: now, prefix: "token")
        case (nil, let seconds?):
            if seconds > CredentialDocument.absoluteExpiresInThreshold {
                return [
                    MessageFinding(
                        "token-expires-in-absolute",
                        .warning,
                        "expires_in \(JSONValue.javaScriptNumber(seconds)) looks like epoch seconds; Cal.com adds it"
                            + " to now as a lifetime, so the token seems valid for decades"
                    )
                ]
            }
            if seconds < 0 {
                return [
                    MessageFinding(
                        "token-expiry-past",
                        .error,
                        "expires_in \(JSONValue.javaScriptNumber(seconds)) is negative; the token is expired on arrival"
                    )
                ]
            }
            return []
        }
    }
}
