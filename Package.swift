// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "credsync",
    products: [
        .library(name: "Credsync", targets: ["Credsync"]),
        .library(name: "CredsyncWire", targets: ["CredsyncWire"]),
        .library(name: "CredsyncConformance", targets: ["CredsyncConformance"]),
        .executable(name: "credsync", targets: ["credsync"]),
    ],
    targets: [
        // The C boundary: OpenSSL's headers and a few inline shims. Only CredsyncOpenSSL imports it.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .yum(["openssl-devel"]), .brew(["openssl@3"])]
        ),
        // The one Swift layer over OpenSSL: it owns every C pointer.
        .target(
            name: "CredsyncOpenSSL",
            dependencies: ["COpenSSL"],
            swiftSettings: strictSettings
        ),
        // SQLite's header, for the stand-in's credential store. Only CredsyncStore imports it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .yum(["sqlite-devel"]), .brew(["sqlite"])]
        ),
        // Durable credential storage for `credsync mock calcom`: one row per (user, app), the one layer over SQLite.
        .target(
            name: "CredsyncStore",
            dependencies: ["CSQLite"],
            swiftSettings: strictSettings
        ),
        // HTTP/1.1 and TLS over sockets. Knows nothing of Cal.com.
        .target(
            name: "CredsyncWire",
            dependencies: ["CredsyncOpenSSL"],
            swiftSettings: strictSettings
        ),
        // The protocol: envelope, messages, editions, configuration, requirement catalog, vectors and fixtures.
        .target(
            name: "Credsync",
            dependencies: ["CredsyncOpenSSL"],
            swiftSettings: strictSettings,
            linkerSettings: [.linkedLibrary("m")],
            plugins: ["EmbedResources"]
        ),
        // Checks grouped by the side they judge, the stand-ins, the runner and the reports.
        .target(
            name: "CredsyncConformance",
            dependencies: ["Credsync", "CredsyncOpenSSL", "CredsyncWire", "CredsyncStore"],
            swiftSettings: strictSettings
        ),
        // The command line: parses flags and wires the library together. Kept apart from `main` so tests can
        // run every command in-process.
        .target(
            name: "CredsyncCLI",
            dependencies: ["Credsync", "CredsyncOpenSSL", "CredsyncWire", "CredsyncConformance"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "credsync",
            dependencies: ["CredsyncCLI"],
            swiftSettings: strictSettings
        ),
        // Build-time tool: turns vectors/, fixtures/ and the catalog data into Swift source.
        .executableTarget(
            name: "credsync-embed",
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["credsync-embed"]
        ),
        .testTarget(
            name: "CredsyncOpenSSLTests",
            dependencies: ["CredsyncOpenSSL"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredsyncTests",
            dependencies: ["Credsync"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredsyncWireTests",
            dependencies: ["CredsyncWire"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredsyncStoreTests",
            dependencies: ["CredsyncStore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredsyncCLITests",
            dependencies: ["CredsyncCLI", "Credsync", "CredsyncConformance", "CredsyncWire"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredsyncConformanceTests",
            dependencies: ["CredsyncConformance", "Credsync", "CredsyncWire"],
            swiftSettings: strictSettings
        ),
    ]
)
