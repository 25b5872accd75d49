import Foundation
import TestSupport

/// A long-running `jointops` (e.g. `project run`) whose stderr lines are collected as they come, each
/// with the moment it arrived, so a test can wait on a log line instead of sleeping.
final class LoggedProcess: @unchecked Sendable {
    struct Line: Sendable {
        let at: ContinuousClock.Instant
        let text: String
    }

    let process = Process()
    private let lines = Locked<[Line]>([])
    private let reader: TestThread

    init(_ cli: CLIRunner, _ arguments: [String], environment extra: [String: String] = [:]) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("PG") && $0.key != "JOINTOPS_ACTOR" && $0.key != "JOINTOPS_ON_BEHALF_OF"
        }
        environment["DATABASE_URL"] = cli.database.conninfo
        if let actor = cli.actor { environment["JOINTOPS_ON_BEHALF_OF"] = actor }
        environment.merge(extra) { $1 }
        process.environment = environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let handle = err.fileHandleForReading
        let lines = self.lines
        reader = TestThread {
            var pending = Data()
            while case let chunk = handle.availableData, !chunk.isEmpty {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let text = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    lines.withLock { $0.append(Line(at: .now, text: text)) }
                }
            }
            if !pending.isEmpty { lines.withLock { $0.append(Line(at: .now, text: String(decoding: pending, as: UTF8.self))) } }
        }
    }

    var all: [Line] { lines.current }

    /// Waits for a line after the first `index` lines whose text contains `text`; returns its index.
    @discardableResult
    func waitForLine(containing text: String, after index: Int = 0, atMost timeout: Duration = .seconds(60)) throws -> Int {
        var found: Int?
        try waitUntil("`jointops \(process.arguments?.joined(separator: " ") ?? "")` logs a line with \"\(text)\"",
                      atMost: timeout) {
            let current = all
            found = current.indices.first { $0 >= index && current[$0].text.contains(text) }
            return found != nil || !process.isRunning
        }
        guard let found else { throw CLIRunnerError("jointops exited (\(process.terminationStatus)) before logging \"\(text)\": \(all.map(\.text))") }
        return found
    }

    /// Sends SIGTERM and waits for the exit and the last line.
    func terminate() throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try reader.join("the projector's stderr closed", atMost: .seconds(30))
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
