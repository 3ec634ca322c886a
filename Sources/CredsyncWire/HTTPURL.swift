/// The parts of an `http` or `https` URL that a request needs.
///
/// Parsed strictly and without normalization: the target is sent exactly as written after the authority.
public struct HTTPURL: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    public var scheme: String

    /// The host name or IP literal, without brackets.
    public var host: String

    /// The port, explicit or the scheme's default.
    public var port: Int

    /// The request target: path and query as written, `/` when the URL has no path. Fragments are dropped.
    public var target: String

    /// Whether the scheme is `https`.
    public var isSecure: Bool {
        scheme == "https"
    }

    /// The `Host` field value: the host, bracketed when IPv6, with the port when it is not the default.
    public var authority: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isSecure ? 443 : 80
        return port == defaultPort ? bracketed : "\(bracketed):\(port)"
    }

    public var description: String {
        "\(scheme)://\(authority)\(target)"
    }

    /// Parses `http://host[:port][/path][?query][#fragment]` or the `https` form.
    ///
    /// Fails when the string is not such a URL. User information (`user@`) is refused: credentials never go in
    /// URLs here.
    ///
    /// - Parameter string: The URL.
    public init?(_ string: String) {
        let lowered = string.lowercased()
        let scheme: String
        if lowered.hasPrefix("http://") {
            scheme = "http"
        } else if lowered.hasPrefix("https://") {
            scheme = "https"
        } else {
            return nil
        }

        var rest = Substring(string.dropFirst(scheme.count + 3))
        if let hash = rest.firstIndex(of: "#") {
            rest = rest[..<hash]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let target = rest[authorityEnd...]
        guard !authority.isEmpty, !authority.contains("@"),
            target.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\u{7F}" })
        else {
            return nil
        }

        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return nil
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    return nil
                }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }

        let port: Int
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII),
                let parsed = Int(portText), (1...65_535).contains(parsed)
            else {
                return nil
            }
            port = parsed
        } else {
            port = scheme == "https" ? 443 : 80
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            return nil
        }

        self.scheme = scheme
        self.host = String(host)
        self.port = port
        if target.isEmpty {
            self.target = "/"
        } else if target.hasPrefix("?") {
            self.target = "/" + target
        } else {
            self.target = String(target)
        }
    }
}
