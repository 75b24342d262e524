// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "CarePortal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "careportal", targets: ["careportal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // ncurses, wrapped so its macros and globals import into Swift.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The C library's memmem (My Customers' search looks for a word in all of a domain's customers at once).
        .target(name: "CByteSearch"),
        // Entities, rules, validation, filter language, category catalogue. Pure Swift, no I/O.
        .target(name: "Domain"),
        // SQLite storage: migrations, paged queries, commands. The only code that speaks SQL.
        .target(name: "Store", dependencies: [
            "Domain", "CByteSearch",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        // The store protocol's PostgreSQL implementation (postgres-nio, behind a server): its schema and migrations.
        .target(name: "PostgresStore", dependencies: [
            "Domain", "Store",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The one service boundary the command line and the app use; LocalPortal runs the embedded store.
        .target(name: "Portal", dependencies: ["Domain", "Store"]),
        // Cells, styles, screen buffers, display width, keys.
        .target(name: "ScreenKit"),
        // Pure state machine and views.
        .target(name: "UI", dependencies: ["Domain", "ScreenKit"]),
        // The ncurses backend: the only code that calls ncurses.
        .target(name: "Terminal", dependencies: ["ScreenKit", "CNCurses"]),
        // The API's wire types, shared by the server and its client: the JSON of the Domain's values, RFC 3339 times,
        // list pages written byte by byte, keyset cursors, case commands.
        .target(name: "API", dependencies: ["Domain"]),
        // `careportal serve`: the HTTP JSON API over a Portal (Hummingbird 2 on swift-nio), HTTPS with swift-nio-ssl.
        .target(name: "Server", dependencies: [
            "API", "Domain", "Portal",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], resources: [.copy("openapi.yaml")]),
        // A careportal server as a Portal: the command line's `--server`, over AsyncHTTPClient.
        .target(name: "Remote", dependencies: [
            "API", "Domain", "Portal",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // The app loop, the effect runner, $EDITOR, local files for the app, the session file.
        .target(name: "Runtime", dependencies: ["Domain", "Portal", "UI", "Terminal", "ScreenKit",
                                                .product(name: "TOMLKit", package: "TOMLKit")]),
        // Thin executable: argument parsing and wiring (`demo` and `bench` open the store directly).
        .executableTarget(name: "careportal", dependencies: [
            "Domain", "Store", "PostgresStore", "Portal", "Runtime", "UI", "ScreenKit", "Server", "Remote",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            "Bench",
        ]),
        // `careportal bench`: the store against the same SQL through SQLite's C API (the only code that calls
        // SQLite directly), the app's key path, launch from process start, and `bench load`: agents over HTTP on a server.
        .target(name: "Bench", dependencies: [
            "Store", "PostgresStore", "Domain", "Portal", "Runtime", "UI", "ScreenKit",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Domain", "TestScratch"]),
        // A folder for a test process's files, removed when it exits.
        .target(name: "TestScratch", path: "Tests/Support/TestScratch"),
        // Against a throwaway PostgreSQL cluster each run starts (initdb, pg_ctl) and removes.
        .testTarget(name: "PostgresTests", dependencies: [
            "PostgresStore", "Store", "Domain", "PostgresCluster", "TestScratch",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // The throwaway PostgreSQL cluster of a test process (initdb, pg_ctl), for the store's and the binary's tests.
        .target(name: "PostgresCluster", dependencies: ["PostgresStore"], path: "Tests/Support/PostgresCluster"),
        .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "ScreenKit", "CNCurses"]),
        .testTarget(name: "UITests", dependencies: ["UI", "Domain", "ScreenKit"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Portal", "UI", "Domain", "ScreenKit"]),
        .testTarget(name: "RemoteTests", dependencies: [
            "API", "Remote", "Server", "Portal", "Store", "Domain",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["PostgresCluster"]),
    ]
)
