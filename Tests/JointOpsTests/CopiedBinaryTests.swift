import Foundation
import JointOps
import Testing

/// `jointops` copied on its own to another folder runs: the migrations are compiled into it, not read
/// from a resource bundle in the build folder (which an installed binary does not have).
@Suite struct CopiedBinaryTests {
    /// The built `jointops`: `JOINTOPS_BINARY` (set by `make test`), else next to the test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["JOINTOPS_BINARY"], !path.isEmpty { return path }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("jointops").path
    }

    @Test func aCopiedBinaryStartsMigratesAndRunsTheDemoFromAnEmptyFolder() throws {
        let root = "/tmp/jo-copied-\(UUID().uuidString.prefix(8).lowercased())"
        let folder = root + "/empty", copy = root + "/empty/jointops", data = root + "/data"
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.binary, toPath: copy)
        // Nothing but the binary: no resource bundle, no Schema folder beside it.
        #expect(try fm.contentsOfDirectory(atPath: folder) == ["jointops"])
        defer {
            _ = try? run(copy, ["local", "stop"], in: folder, data: data)
            try? fm.removeItem(atPath: root)
        }

        // The binary looks for no resource bundle (SwiftPM's accessor compiles in the bundle's absolute
        // path in the build folder) and loads no library from the build folder. (Its debug information
        // still names build files; nothing reads them at run time.)
        let buildFolder = URL(fileURLWithPath: Self.binary).deletingLastPathComponent().resolvingSymlinksInPath().path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        #expect(bytes.range(of: Data(".resources".utf8)) == nil, "the binary still looks for a resource bundle")
        let libraries = try ProcessRunner.run("/usr/bin/ldd", [copy])
        #expect(libraries.status == 0 && !libraries.output.contains(buildFolder), "ldd: \(libraries.output)")

        let started = try run(copy, ["local", "start", "--throwaway"], in: folder, data: data)
        #expect(started.status == 0, "local start: \(started.output)")
        let migrated = try run(copy, ["db", "migrate"], in: folder, data: data)
        #expect(migrated.status == 0 && migrated.output.contains("database is up to date"), "db migrate: \(migrated.output)")
        let status = try run(copy, ["db", "status"], in: folder, data: data)
        let embedded = try SchemaFiles.embedded()
        for migration in embedded {
            #expect(status.output.contains("\(migration.name)  applied"), "db status: \(status.output)")
        }
        let demo = try run(copy, ["demo"], in: folder, data: data)
        #expect(demo.status == 0, "demo: \(demo.output)")
        // It ran in the empty folder and left nothing there.
        #expect(try fm.contentsOfDirectory(atPath: folder) == ["jointops"])
    }

    /// Runs the copy with `folder` as its current directory, on the local cluster in `data`, with no
    /// database or schema settings inherited from the test run.
    func run(_ binary: String, _ arguments: [String], in folder: String, data: String) throws -> ProcessRunner.Result {
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("PG") && !["DATABASE_URL", "JOINTOPS_SCHEMA_DIR", "JOINTOPS_TEST_SERVER"].contains($0.key)
        }
        environment["JOINTOPS_DATA_DIR"] = data
        environment["JOINTOPS_ON_BEHALF_OF"] = "ZF-01"
        // ProcessRunner has no working directory: a shell changes into the folder and becomes the binary.
        return try ProcessRunner.run("/bin/sh", ["-c", "cd \"$1\" && shift && exec \"$@\"", "sh", folder, binary] + arguments,
                                     environment: environment)
    }
}
