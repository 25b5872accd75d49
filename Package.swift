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
        // The bureau's demo year and the synthetic history the benchmark and tests replay.
        .target(name: "JointOpsDemo", dependencies: ["JointOps", "EventStore", "Enforcement"]),
        // Schema/ is a target only to compile its .sql files into the binary (`.embedInCode`).
        .target(name: "Schema", path: "Schema", sources: ["Schema.swift"], resources: [.embedInCode("migrations")]),
        // The command line's commands, a library so tests can parse with them; `jointops` only runs it.
        .target(
            name: "JointOpsCLI",
            dependencies: [
                "JointOps", "JointOpsDemo", "Enforcement",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "jointops", dependencies: ["JointOpsCLI"]),
        .executableTarget(
            name: "jointops-bench",
            dependencies: [
                "JointOps", "JointOpsDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["JointOps", "JointOpsDemo"], path: "Tests/TestSupport"),
        .testTarget(name: "EnforcementTests", dependencies: ["Enforcement"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "TestSupport"]),
        .testTarget(
            name: "JointOpsTests",
            dependencies: [
                "JointOps", "JointOpsDemo", "JointOpsCLI", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
