extension WebhookRequest {
    /// The Cal.com user ids a Postgres `int4` column can hold.
    public static let databaseUserIds = Double(Int32.min)...Double(Int32.max)

    /// The app slugs the protocol names; others may exist on an instance.
    public static let knownAppSlugs = ["google-calendar", "zoom", "office365-calendar", "msteams"]

    /// Grades a webhook body strictly, as credsync judges a sender (stricter than Cal.com's schema).
    ///
    /// Beyond the schema it reports extra members (Cal.com drops them silently), a user id that is not a positive
    /// `int4`, an empty or unknown app slug, an envelope that is not exactly what Cal.com's `symmetricEncrypt`
    /// writes, and, when the key is given, the credential document inside.
    ///
    /// - Parameters:
    ///   - body: The body bytes.
    ///   - key: The shared envelope key, or `nil` to skip opening the envelope.
    ///   - now: The current time in epoch milliseconds, for judging expiry.
    /// - Returns: The findings, most fundamental first; empty for a perfect body.
    public static func grade(_ body: [UInt8], key: EnvelopeKey?, now: Double) -> [MessageFinding] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(HTTPRequestMessage(method: "POST", target: "", body: body).bodyText)
        } catch {
            return [MessageFinding("webhook-body-not-json", .error, "the body is not JSON: \(error)")]
        }
        guard let object = value.objectValue else {
            return [
                MessageFinding(
                    "webhook-body-not-object",
                    .error,
                    "the body is JSON \(value.typeName), not an object with userId, appSlug and keys"
                )
            ]
        }

        var findings = validate(value).issues.map(Self.finding(for:))
        let extra = object.keys.filter { !["userId", "appSlug", "keys"].contains($0) }
        if !extra.isEmpty {
            findings.append(
                MessageFinding(
                    "webhook-extra-fields",
                    .warning,
                    "members \(extra.map { "'\($0)'" }.joined(separator: ", ")) are not part of the body; Cal.com"
                        + " drops them silently"
                )
            )
        }
        guard let request = validate(value).request else {
            return findings
        }

        if !databaseUserIds.contains(request.userId) {
            findings.append(
                MessageFinding(
                    "webhook-user-id-out-of-range",
                    .error,
                    "userId \(request.userIdText) does not fit User.id (int4); Cal.com answers 500"
                )
            )
        } else if request.userId <= 0 {
            findings.append(
                MessageFinding(
                    "webhook-user-id-not-positive",
                    .error,
                    "userId \(request.userIdText) is not a positive id; Cal.com answers 404 User not found"
                )
            )
        }
        if request.appSlug.isEmpty {
            findings.append(MessageFinding("webhook-app-slug-empty", .error, "appSlug is empty; Cal.com answers 404"))
        } else if !knownAppSlugs.contains(request.appSlug) {
            findings.append(
                MessageFinding(
                    "webhook-app-slug-unknown",
                    .note,
                    "appSlug '\(request.appSlug)' is not one of \(knownAppSlugs.joined(separator: ", "))"
                )
            )
        }
        findings += gradeEnvelope(request.keys, key: key, now: now)
        return findings
    }

    /// Grades a whole webhook call from a sender: method, content type and secret header, then the body.
    ///
    /// - Parameters:
    ///   - request: The call as received.
    ///   - edition: The edition the sender should speak.
    ///   - headerName: The configured header name, or `nil` for the edition's default.
    ///   - secret: The shared secret.
    ///   - key: The shared envelope key, or `nil` to skip opening the envelope.
    ///   - now: The current time in epoch milliseconds.
    /// - Returns: The findings.
    public static func grade(
        call request: HTTPRequestMessage,
        edition: Edition,
        headerName: String? = nil,
        secret: String,
        key: EnvelopeKey?,
        now: Double
    ) -> [MessageFinding] {
        var findings: [MessageFinding] = []
        if request.method != "POST" {
            findings.append(
                MessageFinding("webhook-method", .error, "the method is \(request.method); the webhook takes POST")
            )
        }
        let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        if path != Edition.webhookPath {
            findings.append(
                MessageFinding("webhook-path", .error, "the path is '\(path)', not '\(Edition.webhookPath)'")
            )
        }
        findings += gradeContentType(request.mediaType, edition: edition)
        findings += gradeSecretHeader(request, edition: edition, headerName: headerName, secret: secret)
        return findings + grade(request.body, key: key, now: now)
    }

    // MARK: - Parts

    private static func finding(for issue: ZodIssue) -> MessageFinding {
        let field = issue.path.first ?? "body"
        if issue.received == "undefined" {
            return MessageFinding("webhook-field-missing", .error, "\(field) is missing (Zod: Required)")
        }
        let code =
            switch (field, issue.expected) {
            case ("userId", "integer"): "webhook-user-id-not-integer"
            case ("userId", _): "webhook-user-id-not-number"
            case ("appSlug", _): "webhook-app-slug-not-string"
            default: "webhook-keys-not-string"
            }
        return MessageFinding(code, .error, "\(field): \(issue.message)")
    }

    private static func gradeContentType(_ mediaType: String?, edition: Edition) -> [MessageFinding] {
        guard mediaType != "application/json" else {
            return []
        }
        let shown = mediaType.map { "'\($0)'" } ?? "missing"
        switch edition {
        case .current:
            return [
                MessageFinding(
                    "webhook-content-type",
                    .warning,
                    "the content type is \(shown); today's Cal.com parses the body as JSON whatever it says, but"
                        + " the pages-router versions need application/json"
                )
            ]
        case .legacy:
            return [
                MessageFinding(
                    "webhook-content-type",
                    .error,
                    "the content type is \(shown); the pages-router webhook only parses application/json bodies,"
                        + " so the schema check fails and Cal.com answers 500"
                )
            ]
        }
    }

    private static func gradeSecretHeader(
        _ request: HTTPRequestMessage,
        edition: Edition,
        headerName: String?,
        secret: String
    ) -> [MessageFinding] {
        let name = headerName ?? edition.defaultHeaderName
        let count = request.fields.filter { $0.name.lowercased() == name.lowercased() }.count
        guard let value = request.value(of: name) else {
            let other = edition.other.defaultHeaderName
            if request.value(of: other) != nil {
                return [
                    MessageFinding(
                        "webhook-secret-wrong-header",
                        .error,
                        "the secret is sent as '\(other)' (the \(edition.other) edition's header), not '\(name)'"
                    )
                ]
            }
            return [MessageFinding("webhook-secret-missing", .error, "no '\(name)' header")]
        }
        if count > 1 {
            return [
                MessageFinding(
                    "webhook-secret-repeated",
                    .error,
                    "'\(name)' is sent \(count) times; servers join the values with ', ', which never matches"
                )
            ]
        }
        if value != secret {
            return [
                MessageFinding(
                    "webhook-secret-wrong",
                    .error,
                    "'\(name)' holds \(KeyCheckValue(secret: value)), the secret is \(KeyCheckValue(secret: secret))"
                )
            ]
        }
        return []
    }

    private static func gradeEnvelope(_ keys: String, key: EnvelopeKey?, now: Double) -> [MessageFinding] {
        do {
            _ = try Envelope.parse(keys, decoding: .strict)
        } catch {
            let compatible = (try? Envelope.parse(keys, decoding: .compatible)) != nil
            let severity: MessageFinding.Severity = compatible ? .warning : .error
            let consequence = compatible ? "Cal.com still reads it" : "Cal.com cannot read it and answers 500"
            return [
                MessageFinding(
                    "webhook-keys-envelope",
                    severity,
                    "keys is not a clean envelope (\(error)); \(consequence)"
                )
            ]
        }
        guard let key else {
            return []
        }
        let plaintext: String
        do {
            plaintext = try Envelope.openText(keys, key: key, decoding: .strict)
        } catch {
            return [
                MessageFinding(
                    "webhook-keys-decrypt",
                    .error,
                    "keys does not open with the key \(key.keyCheckValue) (\(error.code)); Cal.com answers 500"
                )
            ]
        }
        return CredentialDocument.grade(plaintext, now: now)
    }
}
