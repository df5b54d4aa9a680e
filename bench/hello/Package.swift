// swift-tools-version: 6.2
// The framework's ceiling for bench/run's HTTP rows: a Hummingbird hello-world built with the same
// toolchain and the same hummingbird version ZoneDesk resolves (from the same local package cache,
// so it builds offline). Not part of the product.
import PackageDescription

let package = Package(
    name: "hello",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
    ],
    targets: [
        .executableTarget(name: "hello", dependencies: [.product(name: "Hummingbird", package: "hummingbird")]),
    ]
)
