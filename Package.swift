// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ZoneDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zonedesk", targets: ["zonedesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "ZoneCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
            ],
            // PasswordPolicy refuses the passwords on this list (CommonPasswords.shipped).
            resources: [.copy("Resources/common-passwords.txt")],
            swiftSettings: strict
        ),
        .target(
            name: "ZoneStore",
            dependencies: [
                "ZoneCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ZoneWeb",
            dependencies: [
                "ZoneCore",
                "ZoneStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Served at /api/v1/openapi.yaml and rendered at /api/docs; the repository root links to it.
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "zonedesk",
            dependencies: [
                "ZoneCore",
                "ZoneStore",
                "ZoneWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .target(name: "ZoneTestSupport", dependencies: ["ZoneStore"], swiftSettings: strict),
        .testTarget(name: "ZoneCoreTests", dependencies: ["ZoneCore"], swiftSettings: strict),
        .testTarget(name: "ZoneStoreTests", dependencies: ["ZoneStore", "ZoneCore", "ZoneTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ZoneWebTests",
            dependencies: [
                "ZoneWeb", "ZoneStore", "ZoneCore", "ZoneTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
    ]
)
