import Foundation
import JointOps

/// The `jointops` command line, process start to exit, against the scratch database over its socket.
enum CLIWorkload {
    struct Invocation: Sendable {
        let name: String
        let arguments: @Sendable (Int) -> [String]
    }

    static let eventsList = Invocation(name: "cli-events-list") { _ in ["events", "list", "--limit", "1"] }
    static let agencyRegister = Invocation(name: "cli-agency-register") { index in
        ["agency", "register", "BENCH" + String(index), "--name", "基准测试机构", "--kind", "other", "--on-behalf-of", "bench"]
    }

    /// Runs the invocation `times` times in a row; each run is one step, each counts as one "event".
    static func measure(_ invocation: Invocation, executable: String, times: Int, conninfo: String,
                        start: Int) throws -> Measurement {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = conninfo
        var measurement = Measurement()
        let began = WriterPool.now()
        for index in 0..<times {
            let before = WriterPool.now()
            let result = try ProcessRunner.run(executable, invocation.arguments(start + index), environment: environment)
            _ = measurement.latency.record(max(1, (WriterPool.now() - before) / 1000))
            guard result.status == 0 else {
                throw BenchError.commandFailed(([executable] + invocation.arguments(start + index)).joined(separator: " "),
                                               status: result.status, output: result.output)
            }
            measurement.operations += 1
            measurement.events += 1
        }
        measurement.seconds = Double(WriterPool.now() - began) / 1e9
        return measurement
    }

    /// The `jointops` binary: `--jointops`, else next to this benchmark, else nil.
    static func locate(_ explicit: String?) -> String? {
        if let explicit { return explicit }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = me.deletingLastPathComponent().appendingPathComponent("jointops").path
        return FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil
    }
}

enum BenchError: Error, CustomStringConvertible {
    case commandFailed(String, status: Int32, output: String)

    var description: String {
        switch self {
        case let .commandFailed(command, status, output):
            return "`\(command)` exited with \(status): \(output.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
    }
}
