import Dispatch
import Glibc
import Synchronization

/// An IPv4 or IPv6 socket address.
public struct SocketAddress: Hashable, Sendable, CustomStringConvertible {
    private let storage: [UInt8]

    /// The address family, `AF_INET` or `AF_INET6`.
    public var family: Int32 {
        Int32(storage.withUnsafeBytes { $0.load(as: sa_family_t.self) })
    }

    /// The port in host byte order.
    public var port: Int {
        storage.withUnsafeBytes { bytes in
            // sin_port and sin6_port sit at the same offset, just after the family.
            Int(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: 2, as: UInt16.self)))
        }
    }

    /// The numeric host: `127.0.0.1` or `::1`.
    public var host: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        storage.withUnsafeBytes { bytes in
            if family == AF_INET6 {
                var address = bytes.load(as: sockaddr_in6.self).sin6_addr
                _ = inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count))
            } else {
                var address = bytes.load(as: sockaddr_in.self).sin_addr
                _ = inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count))
            }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `127.0.0.1:8080` or `[::1]:8080`.
    public var description: String {
        family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Parses a numeric IPv4 or IPv6 address (no brackets, no name lookup).
    ///
    /// Fails when `host` is not a numeric address or the port is out of range.
    ///
    /// - Parameters:
    ///   - host: `127.0.0.1`, `::1`, `0.0.0.0`, `::`…
    ///   - port: The port, 0 to 65535.
    public init?(numericHost host: String, port: Int) {
        guard (0...65_535).contains(port) else {
            return nil
        }
        var address4 = sockaddr_in()
        if inet_pton(AF_INET, host, &address4.sin_addr) == 1 {
            address4.sin_family = sa_family_t(AF_INET)
            address4.sin_port = UInt16(port).bigEndian
            self.init(bytesOf: &address4)
            return
        }
        var address6 = sockaddr_in6()
        if inet_pton(AF_INET6, host, &address6.sin6_addr) == 1 {
            address6.sin6_family = sa_family_t(AF_INET6)
            address6.sin6_port = UInt16(port).bigEndian
            self.init(bytesOf: &address6)
            return
        }
        return nil
    }

    init(storage: sockaddr_storage, length: socklen_t) {
        var copy = storage
        self.storage = withUnsafeBytes(of: &copy) { Array($0.prefix(Int(length))) }
    }

    private init<Address>(bytesOf address: inout Address) {
        self.storage = withUnsafeBytes(of: &address) { Array($0) }
    }

    /// Calls `body` with the raw `sockaddr` and its length.
    func withSockAddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        storage.withUnsafeBytes { bytes in
            body(bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(bytes.count))
        }
    }

    /// Resolves a host name or numeric address to TCP addresses, in the resolver's order.
    ///
    /// Numeric hosts are parsed at once. Names go through `getaddrinfo` on a background thread, so a slow resolver
    /// cannot hold the caller past `deadline` (the lookup itself is left to finish and is discarded).
    ///
    /// - Parameters:
    ///   - host: A name, or an IPv4 or IPv6 literal without brackets.
    ///   - port: The port to put in each address.
    ///   - deadline: When to give up.
    /// - Returns: At least one address.
    /// - Throws: ``ResolveError``.
    static func resolve(host: String, port: Int, deadline: Deadline) async throws(ResolveError) -> [SocketAddress] {
        if let address = SocketAddress(numericHost: host, port: port) {
            return [address]
        }

        let outcome = ResolveOutcome()
        let result = await withUnsafeContinuation { (continuation: UnsafeContinuation<ResolveResult, Never>) in
            outcome.attach(continuation)
            DispatchQueue.global().async {
                outcome.complete(lookUp(host: host, port: port))
            }
            if deadline != .distantFuture {
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline.remaining.timeInterval) {
                    outcome.complete(.failure(.timedOut))
                }
            }
        }
        return try result.get()
    }

    private static func lookUp(host: String, port: Int) -> ResolveResult {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)

        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            return .failure(.failed(String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }

        var addresses: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = list
        while let entry = cursor {
            if let address = entry.pointee.ai_addr,
                entry.pointee.ai_family == AF_INET || entry.pointee.ai_family == AF_INET6
            {
                var storage = sockaddr_storage()
                let length = min(Int(entry.pointee.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: length))
                }
                let candidate = SocketAddress(storage: storage, length: socklen_t(length))
                if !addresses.contains(candidate) {
                    addresses.append(candidate)
                }
            }
            cursor = entry.pointee.ai_next
        }
        return addresses.isEmpty ? .failure(.failed("no IPv4 or IPv6 address")) : .success(addresses)
    }
}

/// Why a host name did not resolve.
enum ResolveError: Error, Sendable {
    case timedOut
    case failed(String)
}

typealias ResolveResult = Result<[SocketAddress], ResolveError>

/// The first of a lookup and its timer to finish wins.
private final class ResolveOutcome: Sendable {
    private struct State {
        var continuation: UnsafeContinuation<ResolveResult, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    func attach(_ continuation: UnsafeContinuation<ResolveResult, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    func complete(_ result: ResolveResult) {
        let continuation = state.withLock { state -> UnsafeContinuation<ResolveResult, Never>? in
            guard !state.finished else {
                return nil
            }
            state.finished = true
            return state.continuation.take()
        }
        continuation?.resume(returning: result)
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var timeInterval: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
