/// The one HTTP version the wire speaks.
public enum HTTPVersion {
    /// The request and status line token.
    public static let token = "HTTP/1.1"
}
