public import Credsync

/// Grades one refresh call against every REF-* requirement a stand-in endpoint can observe.
///
/// Each requirement a call exercises gets a ``CallVerdict``; a requirement the call says nothing about is absent.
/// The findings of ``RefreshRequest/grade(_:edition:headerName:secret:)`` are attributed to requirements; the
/// checks the message grader does not make (the path, known users and apps, team credentials, refreshes of a token
/// still valid) are made here. A call with a JSON body is graded under REF-004 only, not under the field
/// requirements REF-003, REF-005 and REF-006.
public enum RefreshCallGrading {
    /// Values a caller writes for a credential without a user (a team credential): `String(null)` and the like.
    public static let teamMarkers: Set<String> = ["", "null", "undefined", "0", "NaN"]

    /// Known app directory names whose slug differs.
    public static let directoryNames = [
        "zoomvideo": "zoom", "googlecalendar": "google-calendar", "office365calendar": "office365-calendar",
        "office365video": "msteams", "zohocrm": "zoho-crm", "zoho-bigin": "zoho-bigin",
    ]

    /// The verdicts of one call.
    ///
    /// - Parameters:
    ///   - call: The call.
    ///   - log: What it is judged against.
    /// - Returns: A verdict for each requirement the call exercises.
    public static func verdicts(for call: RefreshCall, in log: RefreshCallLog) -> [RequirementID: CallVerdict] {
        var verdicts: [RequirementID: CallVerdict] = [:]
        let graded = RefreshRequest.grade(
            call.request,
            edition: log.edition,
            headerName: log.headerName,
            secret: log.secret
        )
        let errors = graded.findings.filter { $0.severity == .error }
        func findings(_ codes: Set<String>) -> [MessageFinding] {
            errors.filter { codes.contains($0.code) }
        }
        func verdict(_ broken: [MessageFinding], met: String) -> CallVerdict {
            broken.isEmpty ? .met(met) : .violated(broken.map(\.detail).joined(separator: "; "))
        }

        verdicts[id("REF-001")] = gradeTarget(call, log: log)
        verdicts[id("REF-002")] = verdict(findings(["refresh-content-type"]), met: "form content type")
        let isJSON = call.request.bodyLooksLikeJSON
        verdicts[id("REF-004")] = verdict(findings(["refresh-body-json"]), met: "form body")

        if !isJSON {
            verdicts[id("REF-003")] = verdict(
                findings(["refresh-field-missing", "refresh-field-repeated", "refresh-field-extra"]),
                met: "calcomUserId and appSlug, once each"
            )
            if let user = call.formField("calcomUserId") {
                if teamMarkers.contains(user) {
                    verdicts[id("REF-009")] = .violated(
                        "calcomUserId is '\(user)': a credential without a user (a team credential) was refreshed"
                    )
                } else {
                    verdicts[id("REF-009")] = .met("calcomUserId names a user")
                    verdicts[id("REF-005")] = gradeUser(user, log: log)
                }
            }
            if let app = call.formField("appSlug") {
                verdicts[id("REF-006")] = gradeApp(app, log: log)
            }
        }

        switch log.edition {
        case .current:
            verdicts[id("REF-007")] = verdict(
                findings([
                    "refresh-secret-missing", "refresh-secret-wrong-header", "refresh-secret-repeated",
                    "refresh-secret-wrong",
                ]),
                met: "the secret under '\(log.headerName)'"
            )
        case .legacy:
            verdicts[id("REF-008")] = gradeLegacySecret(call, log: log)
        }

        if let (requirement, verdict) = gradeRefreshTiming(call, log: log) {
            verdicts[requirement] = verdict
        }
        if let issued = call.issued {
            let requirement = timingRequirement(issued.statement)
            verdicts[requirement] =
                verdicts[requirement]
                ?? .met("got a token with \(stated(issued.statement)); not called again while valid")
        }
        return verdicts
    }

    /// One line for a call: its number, method, path, answer and the verdicts; never a header value, secret or
    /// token.
    ///
    /// - Parameters:
    ///   - call: The call.
    ///   - log: What it is judged against.
    ///   - applicable: The requirements graded in this run.
    /// - Returns: Such as `#2 POST /api/getToken → 200 token | pass REF-001 REF-002 | fail REF-004`.
    public static func line(for call: RefreshCall, in log: RefreshCallLog, applicable: Set<RequirementID>) -> String {
        let method = String(call.request.method.prefix(12).filter { $0.isLetter })
        let path = String(call.request.target.prefix { $0 != "?" }.prefix(80).filter { !$0.isWhitespace && $0.isASCII })
        let query = call.request.target.contains("?") ? "?…" : ""
        var text = "#\(call.number) \(method) \(path)\(query) → \(call.outcome)"
        guard !call.followsRedirect else {
            return text + " | follow-up of the stand-in's redirect, not graded"
        }
        let verdicts = verdicts(for: call, in: log).filter { applicable.contains($0.key) }
        let passed = verdicts.filter { !$0.value.isViolation }.keys.sorted()
        let failed = verdicts.filter { $0.value.isViolation }.keys.sorted()
        if !passed.isEmpty {
            text += " | pass " + passed.map(\.description).joined(separator: " ")
        }
        if !failed.isEmpty {
            text += " | fail " + failed.map(\.description).joined(separator: " ")
        }
        return text
    }

    // MARK: - Parts

    private static func gradeTarget(_ call: RefreshCall, log: RefreshCallLog) -> CallVerdict {
        let request = call.request
        var problems: [String] = []
        if request.method != "POST" {
            problems.append("the method is \(request.method.prefix(12)), not POST")
        }
        let path = request.target.prefix { $0 != "?" }
        if path != log.path {
            problems.append("the call went to \(path.prefix(80)), not the configured \(log.path)")
        }
        if let mark = request.target.firstIndex(of: "?") {
            let query = request.target[request.target.index(after: mark)...]
            let names = FormEncoding.decode(String(query)).map(\.0).prefix(5)
            problems.append(
                "a query was added (fields \(names.map { "'\($0.prefix(40))'" }.joined(separator: ", ")))"
            )
        }
        return problems.isEmpty ? .met("POST \(log.path)") : .violated(problems.joined(separator: "; "))
    }

    private static func gradeUser(_ user: String, log: RefreshCallLog) -> CallVerdict {
        guard let id = EndpointGrant.userID(user) else {
            return .violated("calcomUserId '\(user.prefix(40))' is not a positive decimal integer")
        }
        guard log.grants.contains(where: { $0.calcomUserId == id }) else {
            let users = Set(log.grants.map(\.calcomUserId)).sorted().map(String.init).joined(separator: ", ")
            return .violated(
                "calcomUserId \(id) is no user the endpoint holds credentials for (users \(users)); a credential id?"
            )
        }
        return .met("calcomUserId \(id)")
    }

    private static func gradeApp(_ app: String, log: RefreshCallLog) -> CallVerdict {
        let slugs = Set(log.grants.map(\.appSlug))
        if slugs.contains(app) {
            return .met("appSlug \(app)")
        }
        if let slug = directoryNames[app], slug != app {
            return .violated("appSlug '\(app)' is the app's directory name; its slug is '\(slug)'")
        }
        if app.isEmpty {
            return .violated("appSlug is empty")
        }
        return .violated(
            "appSlug '\(app.prefix(40))' is no app the endpoint holds (apps \(slugs.sorted().joined(separator: ", ")))"
        )
    }

    private static func gradeLegacySecret(_ call: RefreshCall, log: RefreshCallLog) -> CallVerdict? {
        let names = [log.headerName, Edition.current.defaultHeaderName]
        guard let name = names.first(where: { call.request.value(of: $0) != nil }),
            let value = call.request.value(of: name)
        else {
            return .met("no secret sent, as the legacy caller does")
        }
        guard let secret = log.secret, !secret.isEmpty else {
            return nil
        }
        guard value == secret else {
            return .violated(
                "'\(name)' holds \(KeyCheckValue(secret: value)), the secret is \(KeyCheckValue(secret: secret))"
            )
        }
        return .met("the secret under '\(name)'")
    }

    private static func gradeRefreshTiming(_ call: RefreshCall, log: RefreshCallLog) -> (RequirementID, CallVerdict)? {
        guard let prior = call.prior else {
            return nil
        }
        let requirement = timingRequirement(prior.statement)
        let allowance = log.crossingAllowance.inMilliseconds
        let sinceAnswer = call.receivedAt - prior.answeredAt
        guard prior.expiresAt > call.receivedAt else {
            return (requirement, .met("called after the token of call #\(prior.callNumber) expired"))
        }
        guard sinceAnswer > allowance else {
            return (requirement, .met("sent while the answer to call #\(prior.callNumber) was on its way"))
        }
        let left = ((prior.expiresAt - call.receivedAt) / 1000).rounded()
        return (
            requirement,
            .violated(
                "called \(Int(sinceAnswer)) ms after call #\(prior.callNumber) got a token still valid for"
                    + " \(Int(left)) s by \(stated(prior.statement))"
            )
        )
    }

    private static func timingRequirement(_ statement: RefreshCall.IssuedToken.Statement) -> RequirementID {
        switch statement {
        case .expiryDate: id("REF-010")
        case .none: id("REF-011")
        case .expiresIn: id("REF-012")
        }
    }

    private static func stated(_ statement: RefreshCall.IssuedToken.Statement) -> String {
        switch statement {
        case .expiryDate: "its expiry_date"
        case .none: "no expiry (365 days)"
        case .expiresIn: "its expires_in (seconds)"
        }
    }

    static func id(_ text: String) -> RequirementID {
        do {
            return try RequirementID(text)
        } catch {
            preconditionFailure("\(error)")
        }
    }
}
