import Foundation
import Testing
import TestSupport

/// Issue 13, point 5, through the built binary: a command id means one command. A retry prints what the
/// first attempt recorded — however it raced — and the same id given to another command, or with other
/// arguments, is refused with exit 4 in one line naming the original.
@Suite struct CommandIdCLITests {
    static func receiveLead(_ id: UUID, summary: String = "群众举报乌苏市火车站黑车揽客") -> [String] {
        ["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", summary,
         "--command-id", id.uuidString]
    }

    /// "CASE-2026-0003: LeadReceived → …" → ("CASE-2026-0003", 3).
    static func caseId(_ output: String) -> (id: String, number: Int)? {
        guard let match = output.firstMatch(of: #/^(CASE-\d{4}-(\d{4})):/#) else { return nil }
        return (String(match.1), Int(match.2)!)
    }

    @Test func fourProcessesRetryingOneReceiveLeadAllPrintTheCaseItCreated() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            for round in 0..<6 {
                let commandId = UUID()
                let start = Latch(count: 4)
                let results = Locked<[CLIRunner.Result]>([])
                runThreads(4) { _ in
                    start.arrive()
                    try? start.wait(until: "every process of round \(round) is ready")
                    let result = (try? cli.run(Self.receiveLead(commandId)))
                        ?? CLIRunner.Result(status: -1, stdout: "", stderr: "did not run")
                    results.withLock { $0.append(result) }
                }
                let all = results.current
                #expect(all.map(\.status) == [0, 0, 0, 0], "round \(round): \(all.map(\.stderr))")
                let printed = all.compactMap { Self.caseId($0.stdout) }
                #expect(printed.count == 4 && Set(printed.map(\.id)).count == 1,
                        "round \(round): every process prints the one case: \(all.map(\.stdout))")
                #expect(printed.first?.number == 2 * round + 1, "round \(round): \(all.map(\.stdout))")
                #expect(all.filter { $0.stdout.contains("already recorded under this --command-id") }.count == 3)
                // The number the command did not take goes to the next new case, with no gap.
                let next = try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "inspection",
                                       "--summary", "巡查发现"])
                #expect(Self.caseId(next.stdout)?.number == 2 * round + 2, "\(next.stdout)")
            }
            let leads = try cli.ok(["events", "list", "--limit", "1000", "--format", "csv"]).stdout
                .split(whereSeparator: \.isNewline).filter { $0.contains("CaseLeadReceived") }
            #expect(leads.count == 12)
        }
    }

    @Test func theSameIdForAnotherCommandIsAConflictNamingTheOriginal() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = UUID()
            let first = try cli.ok(Self.receiveLead(id))
            let lead = try #require(Self.caseId(first.stdout)).id
            let other = try cli.run(["op", "plan", "--title", "火车站周边黑车联合整治", "--lead", "WSZD", "--sector", "blackCar",
                                     "--from", "2026-12-01", "--to", "2026-12-31", "--place", "乌苏市火车站广场",
                                     "--command-id", id.uuidString])
            #expect(other.status == 4)
            #expect(other.stdout.isEmpty)
            #expect(other.errorLines.count == 1, "\(other.stderr)")
            let line = other.errorLines.first ?? ""
            #expect(line.contains("command id \(id.uuidString.lowercased()) was already used for \(lead) by `case receive-lead` (登记案源), recorded 20"),
                    "\(line)")
            #expect(line.contains("give this different command a new --command-id"), "\(line)")
            #expect(!(try cli.ok(["events", "list", "--limit", "1000", "--format", "csv"]).stdout.contains("OperationPlanned")), "nothing was written")
        }
    }

    @Test func theSameIdWithAnotherArgumentIsAConflictAndTheSameArgumentsInAnyOrderAreARetry() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = UUID()
            let first = try cli.ok(Self.receiveLead(id))
            let changed = try cli.run(Self.receiveLead(id, summary: "群众举报奎屯路黑车揽客"))
            #expect(changed.status == 4)
            #expect(changed.errorLines.count == 1 && changed.errorLines[0].contains("by `case receive-lead`"), "\(changed.stderr)")
            let laterAt = try cli.run(Self.receiveLead(id) + ["--at", "2026-11-30"])
            #expect(laterAt.status == 4, "--at given is an argument: \(laterAt.stderr)")
            // The options in another order, and another output format, are the same command.
            let reordered = try cli.ok(["case", "receive-lead", "--command-id", id.uuidString, "--summary", "群众举报乌苏市火车站黑车揽客",
                                        "--source", "complaint", "--agency", "WSZD", "--format", "json"])
            #expect(reordered.stdout.contains(#""id": "\#(Self.caseId(first.stdout)?.id ?? "?")""#), "\(reordered.stdout)")
            #expect(reordered.stdout.contains(#""already_recorded": true"#), "\(reordered.stdout)")
        }
    }

    @Test func theSameArgumentsWithAnotherDefaultNowReturnTheFirstOutcome() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = UUID()
            let first = try cli.ok(Self.receiveLead(id))
            // Later, "now" is another instant, and the case number the retry would allocate is another one.
            try cli.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "inspection", "--summary", "巡查发现"])
            let retry = try cli.ok(Self.receiveLead(id))
            #expect(Self.caseId(retry.stdout)?.id == Self.caseId(first.stdout)?.id)
            #expect(retry.stdout.contains(": 登记案源 → ") && retry.stdout.contains(", version 1 (already recorded under this --command-id; nothing written)"),
                    "\(retry.stdout)")
            let leads = try cli.ok(["events", "list", "--limit", "1000", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).filter { $0.contains("CaseLeadReceived") }
            #expect(leads.count == 2)
        }
    }
}
