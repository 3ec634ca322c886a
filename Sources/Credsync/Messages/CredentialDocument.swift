/// The plaintext inside a webhook's `keys`: the credential document Cal.com stores as the credential's `key`.
///
/// Cal.com's webhook runs a plain `JSON.parse` and stores whatever comes out, unvalidated. Its apps then read it
/// through `OAuthManager`: `access_token` (string) is required; expiry comes from `expiry_date` (epoch
/// milliseconds), or from `expires_in` only when that is above 10⁹ (read as epoch seconds); a token with neither
/// counts as expired, which sends Cal.com to the sync endpoint on first use.
public enum CredentialDocument {
    /// Below this an `expiry_date` is taken to be in seconds: 10¹¹ ms is 1973, 10¹¹ s is the year 5138.
    public static let millisecondsThreshold = 1e11

    /// Above this `OAuthManager` reads `expires_in` as absolute epoch seconds.
    public static let absoluteExpiresInThreshold = 1e9

    /// Makes a well-formed document: `{"access_token": …, "expiry_date": …}` plus any other members.
    ///
    /// - Parameters:
    ///   - accessToken: The access token.
    ///   - expiryDate: The expiry in epoch milliseconds.
    ///   - extra: Other members, appended in order.
    /// - Returns: The document.
    public static func make(accessToken: String, expiryDate: Double, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object(JSONObject([("access_token", .string(accessToken)), ("expiry_date", .number(expiryDate))] + extra))
    }

    /// Grades a decrypted document as credsync judges a sender.
    ///
    /// - Parameters:
    ///   - plaintext: The decrypted text.
    ///   - now: The current time in epoch milliseconds.
    /// - Returns: The findings; empty for a document with a string `access_token` and a future `expiry_date` in
    ///   milliseconds.
    public static func grade(_ plaintext: String, now: Double) -> [MessageFinding] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(plaintext)
        } catch {
            return [
                MessageFinding(
                    "credential-not-json",
                    .error,
                    "the decrypted document is not JSON (\(error)); Cal.com's JSON.parse throws and it answers 500"
                )
            ]
        }
        return grade(value, now: now)
    }

    /// Grades a parsed document as credsync judges a sender.
    ///
    /// - Parameters:
    ///   - document: The parsed document.
    ///   - now: The current time in epoch milliseconds.
    /// - Returns: The findings.
    public static func grade(_ document: JSONValue, now: Double) -> [MessageFinding] {
        guard let object = document.objectValue else {
            let consequence =
                document == .null
                ? "Cal.com's database refuses a null key and it answers 500"
                : "Cal.com stores it and the app's token parsing fails later"
            return [
                MessageFinding(
                    "credential-not-object",
                    .error,
                    "the document is JSON \(document.typeName), not an object; \(consequence)"
                )
            ]
        }

        var findings: [MessageFinding] = []
        switch object["access_token"] {
        case nil:
            findings.append(MessageFinding("credential-access-token-missing", .error, "there is no access_token"))
        case .string(let token) where token.isEmpty:
            findings.append(MessageFinding("credential-access-token-empty", .error, "access_token is empty"))
        case .string:
            break
        case let other?:
            findings.append(
                MessageFinding(
                    "credential-access-token-not-string",
                    .error,
                    "access_token is a \(other.typeName), not a string"
                )
            )
        }
        for field in ["token_type", "refresh_token", "scope"] {
            if let value = object[field], value.stringValue == nil {
                findings.append(
                    MessageFinding(
                        "credential-field-type",
                        .warning,
                        "\(field) is a \(value.typeName), not a string; Cal.com's token schema refuses it"
                    )
                )
            }
        }
        findings += gradeExpiry(object, now: now)
        if object["refresh_token"] != nil {
            findings.append(
                MessageFinding(
                    "credential-refresh-token-present",
                    .note,
                    "the document carries a refresh_token; with syncing on, Cal.com never uses it"
                )
            )
        }
        return findings
    }

    private static func gradeExpiry(_ object: JSONObject, now: Double) -> [MessageFinding] {
        if let value = object["expiry_date"] {
            guard let expiry = value.numberValue else {
                return [
                    MessageFinding(
                        "credential-expiry-not-number",
                        .error,
                        "expiry_date is a \(value.typeName), not a number of milliseconds"
                    )
                ]
            }
            return gradeExpiryDate(expiry, now: now, prefix: "credential")
        }
        if let value = object["expires_in"] {
            guard let seconds = value.numberValue else {
                return [
                    MessageFinding(
                        "credential-expiry-not-number",
                        .error,
                        "expires_in is a \(value.typeName), not a number"
                    )
                ]
            }
            if seconds > absoluteExpiresInThreshold {
                return gradeExpiryDate(seconds * 1000, now: now, prefix: "credential")
                    + [
                        MessageFinding(
                            "credential-expires-in-absolute",
                            .note,
                            "expires_in \(JSONValue.javaScriptNumber(seconds)) is read as epoch seconds; prefer"
                                + " expiry_date in milliseconds"
                        )
                    ]
            }
            return [
                MessageFinding(
                    "credential-expires-in-relative",
                    .warning,
                    "only expires_in \(JSONValue.javaScriptNumber(seconds)) (relative seconds) is given; Cal.com"
                        + " reads a stored expires_in only as epoch seconds, so the token counts as expired at once"
                        + " and Cal.com calls the sync endpoint on first use"
                )
            ]
        }
        return [
            MessageFinding(
                "credential-expiry-missing",
                .warning,
                "there is no expiry_date; the token counts as expired and Cal.com calls the sync endpoint on"
                    + " first use"
            )
        ]
    }

    /// Grades an absolute expiry in milliseconds: zero or past, or small enough to be seconds.
    static func gradeExpiryDate(_ expiry: Double, now: Double, prefix: String) -> [MessageFinding] {
        let shown = JSONValue.javaScriptNumber(expiry)
        if expiry > 0 && expiry < millisecondsThreshold {
            return [
                MessageFinding(
                    "\(prefix)-expiry-in-seconds",
                    .error,
                    "expiry_date \(shown) looks like epoch seconds; Cal.com reads milliseconds, so the token is"
                        + " expired at once and every use triggers another sync"
                )
            ]
        }
        if expiry <= now {
            return [
                MessageFinding(
                    "\(prefix)-expiry-past",
                    .error,
                    "expiry_date \(shown) is not in the future; the token is expired on arrival"
                )
            ]
        }
        return []
    }
}
