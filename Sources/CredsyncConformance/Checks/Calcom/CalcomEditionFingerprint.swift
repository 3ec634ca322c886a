public import Credsync
import CredsyncWire

/// Tells which edition a live instance speaks from four harmless calls, all for a user that cannot exist: the 403
/// message for a missing secret, the header name the secret is accepted under, the status of a schema error, and
/// the answer to GET.
public enum CalcomEditionFingerprint {
    /// Fingerprints an instance.
    ///
    /// - Parameter probe: A probe of the instance; its own edition only picks nothing here.
    /// - Returns: The edition with the most votes (current on a tie or when nothing answered) and the evidence,
    ///   one line a call.
    public static func detect(_ probe: CalcomProbe) async -> (edition: Edition, evidence: [String]) {
        var votes: [Edition: Int] = [:]
        var evidence: [String] = []
        let body = Array(CalcomChecks.unknownUserBody(probe).serialized.utf8)
        let secret = probe.configuration.secret

        let missing = await probe.webhook(secret: [], body: body)
        switch message(of: missing) {
        case Edition.legacy.invalidSecretMessage?:
            votes[.legacy, default: 0] += 1
            evidence.append("a missing secret gets 403 \"\(Edition.legacy.invalidSecretMessage)\" (legacy)")
        case Edition.current.invalidSecretMessage?:
            votes[.current, default: 0] += 1
            evidence.append("a missing secret gets 403 \"\(Edition.current.invalidSecretMessage)\" (current)")
        default:
            evidence.append("a missing secret gets \(probe.describe(missing)) (no vote)")
        }

        var acceptedName = probe.configuration.headerName
        if acceptedName == nil {
            for edition in Edition.allCases.reversed() {
                let name = edition.defaultHeaderName
                let answer = await probe.webhook(secret: [(name, secret)], body: body)
                if case .success(let response) = answer, response.status != 403 {
                    votes[edition, default: 0] += 1
                    evidence.append("the secret is accepted under \(name) (\(edition))")
                    acceptedName = acceptedName ?? name
                } else {
                    evidence.append("the secret under \(name) gets \(probe.describe(answer))")
                }
            }
        } else {
            evidence.append("the header name is configured, so it tells nothing")
        }

        if let name = acceptedName {
            let schema = await probe.webhook(secret: [(name, secret)], body: Array(#"{"userId":"x"}"#.utf8))
            if case .success(let response) = schema, response.status == 400 || response.status == 500 {
                let edition: Edition = response.status == 400 ? .current : .legacy
                votes[edition, default: 0] += 1
                evidence.append("a schema error gets \(response.status) (\(edition))")
            } else {
                evidence.append("a schema error gets \(probe.describe(schema)) (no vote)")
            }

            let get = await probe.webhook(method: "GET", secret: [(name, secret)], contentType: nil, body: [])
            if case .success(let response) = get {
                let edition: Edition = response.status == 405 ? .current : .legacy
                votes[edition, default: 0] += 1
                evidence.append(
                    "GET gets \(response.status) (\(edition == .current ? "current: 405" : "legacy: no method check"))"
                )
            } else {
                evidence.append("GET gets \(probe.describe(get)) (no vote)")
            }
        }

        let legacy = votes[.legacy, default: 0]
        let current = votes[.current, default: 0]
        let edition: Edition = legacy > current ? .legacy : .current
        if legacy == current {
            evidence.append("no majority (\(legacy) to \(current)); judged as current")
        } else {
            evidence.append("\(max(legacy, current)) of \(legacy + current) observations say \(edition)")
        }
        return (edition, evidence)
    }

    private static func message(of answer: CalcomProbe.Answer) -> String? {
        guard case .success(let response) = answer, response.status == 403 else {
            return nil
        }
        return (try? JSONParser.parse(response.body))?["message"]?.stringValue
    }
}
