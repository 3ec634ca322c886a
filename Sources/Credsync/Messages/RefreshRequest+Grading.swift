extension RefreshRequest {
    /// Grades a refresh call as credsync judges a Cal.com instance (or a fork) calling a sync endpoint.
    ///
    /// - Parameters:
    ///   - request: The call as received.
    ///   - edition: The edition the caller should speak.
    ///   - headerName: The configured header name, or `nil` for the edition's default.
    ///   - secret: The shared secret, or `nil` to check only that a secret header is present.
    /// - Returns: The request read from the call (when its body allows) and the findings.
    public static func grade(
        _ request: HTTPRequestMessage,
        edition: Edition,
        headerName: String? = nil,
        secret: String?
    ) -> (request: RefreshRequest?, findings: [MessageFinding]) {
        var findings: [MessageFinding] = []
        if request.method != "POST" {
            findings.append(
                MessageFinding("refresh-method", .error, "the method is \(request.method); Cal.com sends POST")
            )
        }
        if request.target.contains("?") {
            findings.append(
                MessageFinding(
                    "refresh-query",
                    .note,
                    "the target carries a query string; today's Cal.com posts to the configured URL as it is"
                )
            )
        }
        findings += gradeContentType(request)
        findings += gradeBody(request)
        findings += gradeSecret(request, edition: edition, headerName: headerName, secret: secret)
        return (parse(request), findings)
    }

    // MARK: - Parts

    private static func gradeContentType(_ request: HTTPRequestMessage) -> [MessageFinding] {
        guard let type = request.mediaType else {
            return [
                MessageFinding("refresh-content-type", .error, "there is no content-type; Cal.com sends \(contentType)")
            ]
        }
        guard type == "application/x-www-form-urlencoded" else {
            return [
                MessageFinding(
                    "refresh-content-type",
                    .error,
                    "the content type is '\(type)'; Cal.com sends \(contentType)"
                )
            ]
        }
        let value = request.fields.first { $0.name.lowercased() == "content-type" }?.value ?? ""
        if !value.lowercased().replacingSpaces().hasSuffix(";charset=utf-8") {
            return [
                MessageFinding(
                    "refresh-content-type-charset",
                    .note,
                    "the content type has no charset=UTF-8 parameter; fetch writes \(contentType)"
                )
            ]
        }
        return []
    }

    private static func gradeBody(_ request: HTTPRequestMessage) -> [MessageFinding] {
        let text = request.bodyText
        if let json = try? JSONParser.parse(text), json.objectValue != nil {
            let numeric = json["calcomUserId"]?.numberValue != nil ? " with a numeric calcomUserId" : ""
            return [
                MessageFinding(
                    "refresh-body-json",
                    .error,
                    "the body is a JSON object\(numeric), as the docs page suggests; Cal.com sends a form body"
                        + " (calcomUserId=<decimal>&appSlug=<slug>)"
                )
            ]
        }

        var findings: [MessageFinding] = []
        let pairs = FormEncoding.decode(text)
        let names = pairs.map(\.0)
        for name in ["calcomUserId", "appSlug"] {
            let count = names.filter { $0 == name }.count
            if count == 0 {
                findings.append(MessageFinding("refresh-field-missing", .error, "the body has no \(name)"))
            } else if count > 1 {
                findings.append(MessageFinding("refresh-field-repeated", .error, "the body has \(name) \(count) times"))
            }
        }
        let extra = Array(Set(names.filter { $0 != "calcomUserId" && $0 != "appSlug" })).sorted()
        if !extra.isEmpty {
            findings.append(
                MessageFinding(
                    "refresh-field-extra",
                    .error,
                    "the body has fields \(extra.map { "'\($0)'" }.joined(separator: ", ")) besides calcomUserId and"
                        + " appSlug"
                )
            )
        }
        if let id = pairs.first(where: { $0.0 == "calcomUserId" })?.1, !isDecimal(id) {
            findings.append(
                MessageFinding(
                    "refresh-user-id-not-decimal",
                    .error,
                    "calcomUserId '\(id)' is not a positive decimal integer"
                )
            )
        }
        if let slug = pairs.first(where: { $0.0 == "appSlug" })?.1, slug.isEmpty {
            findings.append(MessageFinding("refresh-app-slug-empty", .error, "appSlug is empty"))
        }
        if findings.isEmpty, names != ["calcomUserId", "appSlug"] {
            findings.append(
                MessageFinding(
                    "refresh-field-order",
                    .note,
                    "the fields are not in Cal.com's order calcomUserId, appSlug"
                )
            )
        }
        return findings
    }

    private static func gradeSecret(
        _ request: HTTPRequestMessage,
        edition: Edition,
        headerName: String?,
        secret: String?
    ) -> [MessageFinding] {
        let name = headerName.flatMap { $0.isEmpty ? nil : $0 } ?? edition.defaultHeaderName
        let value = request.value(of: name)
        guard edition == .current else {
            if value != nil {
                return [
                    MessageFinding(
                        "refresh-secret-unexpected",
                        .note,
                        "the call carries '\(name)'; the legacy edition sends no secret on refresh"
                    )
                ]
            }
            return []
        }

        guard let value else {
            let others = [Edition.legacy.defaultHeaderName, "CALCOM_CREDENTIAL_SYNC_SECRET_HEADER_NAME"]
                .filter { $0.lowercased() != name.lowercased() }
            if let other = others.first(where: { request.value(of: $0) != nil }) {
                return [
                    MessageFinding(
                        "refresh-secret-wrong-header",
                        .error,
                        "the secret comes in '\(other)', not in '\(name)'"
                    )
                ]
            }
            return [MessageFinding("refresh-secret-missing", .error, "there is no '\(name)' header")]
        }
        let count = request.fields.filter { $0.name.lowercased() == name.lowercased() }.count
        if count > 1 {
            return [MessageFinding("refresh-secret-repeated", .error, "'\(name)' is sent \(count) times")]
        }
        if let secret, value != secret {
            return [
                MessageFinding(
                    "refresh-secret-wrong",
                    .error,
                    "'\(name)' holds \(KeyCheckValue(secret: value)), the secret is \(KeyCheckValue(secret: secret))"
                )
            ]
        }
        return []
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(unicodeScalars.filter { $0 != " " && $0 != "\t" })
    }
}
