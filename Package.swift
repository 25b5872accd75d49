// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "JointOps",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jointops", targets: ["jointops"]),
        .executable(name: "jointops-bench", targets: ["jointops-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "EventStore", dependencies: ["Postgres"]),
        .target(name: "Enforcement"),
        .target(
            name: "JointOps",
            dependencies: ["EventStore", "Enforcement", "Schema"]
        ),
        // Schema/ is a target only to ship its .sql files as resources inside the binary's bundle.
        .target(name: "Schema", path: "Schema", sources: ["Schema.swift"], resources: [.copy("migrations")]),
        .executableTarget(
            name: "jointops",
            dependencies: [
                "JointOps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "jointops-bench",
            dependencies: [
                "JointOps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["JointOps"], path: "Tests/TestSupport"),
        .testTarget(name: "EnforcementTests", dependencies: ["Enforcement"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "TestSupport"]),
        .testTarget(
            name: "JointOpsTests",
            dependencies: [
                "JointOps", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
