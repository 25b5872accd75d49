import Foundation

/// Runs a program and collects its combined output.
enum ProcessRunner {
    struct Result {
        let status: Int32
        let output: String
    }

    /// Output goes to a temporary file, not a pipe: `pg_ctl start` leaves a server running that may
    /// inherit the pipe's write end, and reading a pipe to its end would then wait for ever.
    static func run(_ executable: String, _ arguments: [String], currentDirectory: String? = nil) throws -> Result {
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("jointops-\(getpid())-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, output: text)
    }
}
