import Foundation
import Testing
import TestSupport

/// Runs the built `jointops` binary against a test database, as an officer would from a shell.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Non-empty lines of stderr.
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init).filter { !$0.isEmpty } }
    }

    let database: TestDatabase
    /// The officer the test records for: the test cluster's login is an administrator recording on their
    /// behalf (`--on-behalf-of`, through JOINTOPS_ON_BEHALF_OF); nil records as the login's own officer.
    var actor: String? = "ZF-01"
    /// The database login to connect as instead of the test cluster's own (an officer's bound login).
    var login: String?

    /// The `jointops` executable next to the test bundle (`.build/debug/jointops`).
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent("jointops") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw CLIRunnerError("jointops is not built at \(Self.binary.path): run `swift build` before the tests")
        }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("PG") && $0.key != "JOINTOPS_ACTOR" && $0.key != "JOINTOPS_ON_BEHALF_OF"
        }
        environment["DATABASE_URL"] = database.conninfo + (login.map { " user=\($0)" } ?? "")
        if let actor { environment["JOINTOPS_ON_BEHALF_OF"] = actor }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting: a full pipe would block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a command that must succeed, recording the failure otherwise.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try run(arguments)
        #expect(result.status == 0, "jointops \(arguments.joined(separator: " ")) failed: \(result.stderr)",
                sourceLocation: sourceLocation)
        return result
    }
}

struct CLIRunnerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
