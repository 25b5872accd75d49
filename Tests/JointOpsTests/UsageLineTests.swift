import ArgumentParser
import Foundation
import JointOps
@testable import JointOpsCLI
import Testing
import TestSupport

/// Issue 14, point 7: whatever goes wrong, `jointops` exits 2, 3, 4 or 5 (never 1) with exactly one line on
/// stderr, writes nothing, and a mistyped command line ends by pointing at the help of the command it names.
@Suite struct UsageLineTests {
    struct Bad: CustomStringConvertible, Sendable {
        let arguments: [String]
        /// The command whose `--help` a mistyped line points at; nil for errors found after parsing.
        let helpOf: String?
        let says: String
        var environment: [String: String] = [:]
        var description: String { arguments.joined(separator: " ") }
    }

    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("usage-line-\(UUID())")
    static let file = scratch.appendingPathComponent("plain-file.txt").path

    /// Bad invocations across every command group.
    static let cases: [Bad] = [
        Bad(arguments: ["case", "recieve-lead"], helpOf: "jointops case", says: "did you mean `receive-lead`?"),
        Bad(arguments: ["repot"], helpOf: "jointops", says: "`repot` is not a command of `jointops`: did you mean `report`?"),
        Bad(arguments: ["local", "replica", "strat"], helpOf: "jointops local replica", says: "did you mean `start`?"),
        Bad(arguments: ["op", "lanch", "OP-2023-0001"], helpOf: "jointops op", says: "did you mean `launch`?"),
        Bad(arguments: ["help", "cse", "file"], helpOf: "jointops", says: "did you mean `case`?"),
        Bad(arguments: ["case", "zzzzzz"], helpOf: "jointops case", says: "`zzzzzz` is not a command of `jointops case`"),
        Bad(arguments: ["report", "case_registr"], helpOf: "jointops report", says: "did you mean case_register?"),
        Bad(arguments: ["case", "list", "--status", "investigatin"], helpOf: "jointops case list",
            says: "did you mean `investigating`?"),
        Bad(arguments: ["case", "list", "--agncy", "WSZD"], helpOf: "jointops case list", says: "Did you mean '--agency'?"),
        Bad(arguments: ["agency", "register", "WSXX"], helpOf: "jointops agency register", says: "--name <name> is missing"),
        Bad(arguments: ["officer", "bind", "ZF-001"], helpOf: "jointops officer bind", says: "give exactly one of --os-user"),
        Bad(arguments: ["op", "approve"], helpOf: "jointops op approve", says: " is missing"),
        Bad(arguments: ["events", "list", "--limit", "0"], helpOf: "jointops events list", says: "--limit must be a positive"),
        Bad(arguments: ["db", "migrate", "now"], helpOf: "jointops db migrate", says: "Unexpected argument 'now'"),
        Bad(arguments: ["local", "status", "--bogus"], helpOf: "jointops local status", says: "Unknown option '--bogus'"),
        Bad(arguments: ["project", "run", "--batch-size", "0"], helpOf: "jointops project run", says: "--batch-size must be"),
        Bad(arguments: ["calendar", "show", "twenty"], helpOf: "jointops calendar show", says: "twenty"),
        Bad(arguments: ["law", "show"], helpOf: "jointops law show", says: " is missing"),
        Bad(arguments: ["report", "--describe"], helpOf: "jointops report", says: "<name> is missing: The report"),
        Bad(arguments: ["report", "annual", "--year", "2023", "--format", "csv"], helpOf: "jointops report",
            says: "CSV is for the other reports' tables"),
        Bad(arguments: ["demo", "--year", "-1"], helpOf: "jointops demo", says: "--year `-1` must be 0 or more"),
        Bad(arguments: ["analyst", "add", "Bad-Name"], helpOf: "jointops analyst add", says: "is not a login name"),
        Bad(arguments: ["verify", "--from", "0"], helpOf: "jointops verify", says: "--from must be a position"),
        Bad(arguments: ["referral", "send", "--kind", "sideways"], helpOf: "jointops referral send", says: "--kind `sideways` is not known"),
        Bad(arguments: ["rectify", "raise", "--description", "缺页"], helpOf: "jointops rectify raise", says: " is missing"),
        Bad(arguments: ["outreach", "record", "--event", "普法"], helpOf: "jointops outreach record", says: " is missing"),
        Bad(arguments: ["campaign", "create", "CAMP-1"], helpOf: "jointops campaign create", says: " is missing"),
        Bad(arguments: ["review", "pass", "CASE-2023-0001"], helpOf: "jointops review pass-review", says: "--reviewer"),
        Bad(arguments: ["case", "receive-lead", "--agency", "WSZD", "--source", "检查", "--summary", "黑车", "--op", "OP-2023-0002"],
            helpOf: "jointops case receive-lead",
            says: "--op and --session go together"),
        Bad(arguments: ["case", "list", "--format", "xml"], helpOf: "jointops case list", says: "--format `xml` is not known"),
        // Found after parsing: a rule, a conflict, an unknown id, an unusable folder, no database.
        Bad(arguments: ["op", "launch", "OP-2023-0001", "--at", "2023-03-01"], helpOf: nil, says: "is not possible now"),
        Bad(arguments: ["officer", "register", "ZF-001", "--name", "王建国", "--agency", "WSZD"], helpOf: nil, says: "already exists"),
        Bad(arguments: ["case", "show", "CASE-2023-0999"], helpOf: nil, says: "no case CASE-2023-0999 exists"),
        Bad(arguments: ["report", "annual", "--year", "2023", "--output-dir", file], helpOf: nil,
            says: "\(file) is a file, not a folder; name a folder you may write to with --output-dir"),
        Bad(arguments: ["report", "annual", "--year", "2023", "--output-dir", file + "/年报"], helpOf: nil,
            says: "\(file) is a file, not a folder"),
        Bad(arguments: ["report", "annual", "--year", "2023", "--output-dir", "/proc/jointops/年报"], helpOf: nil,
            says: "it does not exist and cannot be made in /proc"),
        Bad(arguments: ["case", "list"], helpOf: nil, says: "check that the server DATABASE_URL names is running",
            environment: ["DATABASE_URL": "host=/nonexistent-jointops-socket dbname=jointops"]),
    ]

    @Test func everyBadCommandLineExitsTwoToFiveWithOneLineAndWritesNothing() throws {
        try FileManager.default.createDirectory(at: Self.scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: Self.scratch) }
        try "not a folder".write(toFile: Self.file, atomically: true, encoding: .utf8)
        try TestDatabase.with { database in
            try BadInputTests.seed(database)
            let connection = try database.connect()
            let cli = CLIRunner(database: database, actor: "ZF-001")
            for bad in Self.cases {
                let before = try HandlerFixtures.eventCount(connection)
                let result = try cli.run(bad.arguments, environment: bad.environment)
                #expect((2...5).contains(result.status), "\(bad): exit \(result.status)")
                #expect(result.errorLines.count == 1, "\(bad): stderr is not one line: \(result.stderr)")
                #expect(result.stderr.contains(bad.says), "\(bad): stderr says \(result.stderr)")
                if let command = bad.helpOf {
                    #expect(result.status == 2, "\(bad): a mistyped command exits 2, not \(result.status)")
                    #expect(result.errorLines.first?.hasSuffix(" see `\(command) --help`") == true, "\(bad): \(result.stderr)")
                }
                #expect(try HandlerFixtures.eventCount(connection) == before, "\(bad) wrote events")
            }
        }
    }

    @Test func theWordsOfACommandLineNameTheCommandWhoseHelpItPointsAt() {
        #expect(CommandPath(arguments: ["review", "pass", "CASE-2023-0001", "--reviewer", "ZF-01"]).helpPointer
                == "see `jointops review pass-review --help`")
        #expect(CommandPath(arguments: ["operation", "list", "--format", "json"]).names == ["jointops", "op", "list"])
        #expect(CommandPath(arguments: ["case", "show", "CASE-2023-0001"]).unknownSubcommand == nil)
        #expect(CommandPath(arguments: ["case"]).unknownSubcommand == nil)
        #expect(CommandPath(arguments: ["case", "fiel"]).unknownSubcommand == "`fiel` is not a command of `jointops case`: did you mean `file`?")
        #expect(Nearest.word(to: "recieve-lead", among: ["receive-lead", "file", "decline-filing"]) == "receive-lead")
        #expect(Nearest.word(to: "Report", among: ["report", "repeat"]) == "report")
        #expect(Nearest.word(to: "xyz", among: ["report", "verify"]) == nil, "nothing near is not a suggestion")
    }

    @Test func noErrorOfAnyKindEndsTheCommandLineWithStatusOne() {
        let errors: [any Error] = [ExitCode.failure, ExitCode(1), CleanExit.message("done"), ValidationError("bad"),
                                   CocoaError(.fileReadNoSuchFile), NSError(domain: "elsewhere", code: 1),
                                   POSIXError(.EACCES), UserFacingError("refused", status: .ruleRefused)]
        for error in errors {
            let status = CommandLineTool.finish(with: error, arguments: ["case", "list"])
            #expect([0, 2, 3, 4, 5].contains(status) && status != 1, "\(error): exit \(status)")
        }
    }

    @Test func helpVersionAndCompletionExitZeroOnStandardOutput() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            for arguments in [["--help"], ["case", "file", "--help"], ["help", "case", "file"], ["--version"],
                              ["--generate-completion-script", "bash"], ["case"]] {
                let result = try cli.run(arguments)
                #expect(result.status == 0, "\(arguments): exit \(result.status), \(result.stderr)")
                #expect(!result.stdout.isEmpty && result.stderr.isEmpty, "\(arguments): \(result.stderr)")
            }
            let help = try cli.run(["case", "file", "--help"]).stdout
            #expect(help.contains("Examples:\n  jointops case file CASE-2026-0012 --agency WSZD"), "\(help)")
        }
    }
}
