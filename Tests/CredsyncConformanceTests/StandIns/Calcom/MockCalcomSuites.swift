import Testing

/// The stand-in's suites, run one at a time: each starts servers and Node senders, which contend for the CPU.
@Suite("Mock Cal.com", .serialized)
enum MockCalcomSuites {}
