import Glibc

/// The Linux calls that Glibc's Swift module leaves out (`<sys/epoll.h>`, `<sys/eventfd.h>`, `accept4`).
///
/// They are looked up once in the C library with `dlsym` and called through C function pointers; their ABI is part of
/// the stable Linux user-space interface. The constants below are the kernel's values.
enum LinuxSystemCalls {
    typealias EpollCreate1 = @convention(c) (Int32) -> Int32
    typealias EpollControl = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias EpollWait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    typealias EventDescriptor = @convention(c) (UInt32, Int32) -> Int32
    typealias Accept4 =
        @convention(c) (
            Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32
        ) -> Int32

    static let epollCreate1: EpollCreate1 = symbol("epoll_create1")
    static let epollControl: EpollControl = symbol("epoll_ctl")
    static let epollWait: EpollWait = symbol("epoll_wait")
    static let eventDescriptor: EventDescriptor = symbol("eventfd")
    static let accept4: Accept4 = symbol("accept4")

    static let epollIn: UInt32 = 0x001
    static let epollOut: UInt32 = 0x004
    static let epollError: UInt32 = 0x008
    static let epollHangUp: UInt32 = 0x010
    static let epollReadHangUp: UInt32 = 0x2000
    static let epollEdgeTriggered: UInt32 = 1 << 31
    static let epollAdd: Int32 = 1
    static let epollDelete: Int32 = 2
    static let closeOnExec: Int32 = 0o2_000_000
    static let nonblocking: Int32 = 0o4_000

    /// The size of `struct epoll_event`: packed on x86-64, naturally aligned elsewhere.
    #if arch(x86_64)
        static let epollEventSize = 12
        static let epollDataOffset = 4
    #else
        static let epollEventSize = 16
        static let epollDataOffset = 8
    #endif

    private static func symbol<Function>(_ name: String) -> Function {
        guard let library = dlopen(nil, RTLD_NOW), let pointer = dlsym(library, name) else {
            fatalError("the C library has no \(name)")
        }
        return unsafeBitCast(pointer, to: Function.self)
    }
}
