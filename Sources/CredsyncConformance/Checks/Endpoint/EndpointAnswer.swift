public import Credsync
public import CredsyncWire
import Foundation

/// What the endpoint answered to one ``EndpointCall``, with the redirect hop the probe took, if any.
public struct EndpointAnswer: Sendable {
    /// The call.
    public let call: EndpointCall

    /// The exchange at the configured URL.
    public let first: HTTPExchange

    /// The exchange at the `Location` of a same-origin 307 or 308, which fetch would follow with the same method,
    /// body and headers; `nil` when there was no such redirect.
    public let followed: HTTPExchange?

    /// The exchange whose response counts: the followed one, else the first.
    public var final: HTTPExchange {
        followed ?? first
    }

    /// The response that counts, or `nil` when the exchange failed.
    public var response: HTTPResponse? {
        try? final.response()
    }

    /// Why no response came back, when none did.
    public var error: HTTPClientError? {
        final.error
    }

    /// The status of the response at the configured URL, before any redirect was followed.
    public var firstStatus: Int? {
        (try? first.response())?.status
    }

    /// The status that counts.
    public var status: Int? {
        response?.status
    }

    /// Whether the status that counts is 2xx.
    public var isSuccess: Bool {
        status.map { (200..<300).contains($0) } ?? false
    }

    /// The time the whole call took, redirect hop included.
    public var duration: Duration {
        first.timing.total + (followed?.timing.total ?? .zero)
    }

    /// The media type of the response that counts, lowercased and without parameters.
    public var mediaType: String? {
        guard let value = response?.headers["Content-Type"] else {
            return nil
        }
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The body parsed as JSON, when it is JSON.
    public var json: JSONValue? {
        guard let body = response?.body, !body.isEmpty else {
            return nil
        }
        return try? JSONParser.parse(HTTPRequestMessage(method: "", target: "", body: body).bodyText)
    }

    /// The body's members, when the body is a JSON object.
    public var object: JSONObject? {
        json?.objectValue
    }

    /// Whether the body hands out a token: an `access_token` that is a non-empty string.
    public var carriesToken: Bool {
        guard let token = object?["access_token"]?.stringValue else {
            return false
        }
        return !token.isEmpty
    }

    /// Whether the call was refused: an answer that is not 2xx and carries no token.
    public var isRefusal: Bool {
        response != nil && !isSuccess && !carriesToken
    }

    /// The status and whether a token came, for observed lines: `403`, `200 with an access_token`; never the token.
    public var summary: String {
        guard let status else {
            return error.map { "no answer (\($0.shortDescription))" } ?? "no answer"
        }
        let hop = followed != nil ? " after a \(firstStatus ?? 0) redirect" : ""
        return "\(status)\(carriesToken ? " with an access_token" : "")\(hop)"
    }

    /// Every string the body holds under a member name that carries a credential, at any depth: the values the
    /// tripwire must never see in an output.
    var credentialValues: [String] {
        var values: [String] = []
        for exchange in [first, followed].compactMap({ $0 }) {
            guard let body = try? exchange.response().body, !body.isEmpty,
                let value = try? JSONParser.parse(HTTPRequestMessage(method: "", target: "", body: body).bodyText)
            else {
                continue
            }
            Self.collect(value, into: &values)
        }
        return values
    }

    /// The member names whose values are credentials, hidden in transcripts and watched by the tripwire.
    static let credentialFields: Set<String> = ["access_token", "refresh_token", "id_token", "token"]

    private static func collect(_ value: JSONValue, into values: inout [String]) {
        switch value {
        case .object(let object):
            for (key, member) in object.members {
                if credentialFields.contains(key), let text = member.stringValue {
                    values.append(text)
                } else {
                    collect(member, into: &values)
                }
            }
        case .array(let elements):
            for element in elements {
                collect(element, into: &values)
            }
        default:
            break
        }
    }
}
