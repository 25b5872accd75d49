import Foundation
import Testing
import TestSupport

/// Issue 14, point 5: `events list` is an audit trail — every format, recorded and business time in Beijing time,
/// filters by actor, time, type and stream, oldest first unless `--reverse`, and one line for an unknown stream.
@Suite struct EventsListCLITests {
    static func rows(_ result: CLIRunner.Result) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func eventsListTakesFormatAndShowsWhenEachEventWasRecordedAndHappenedInBeijingTime() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let rows = try Self.rows(try cli.ok(["events", "list", "--limit", "3", "--format", "json"]))
            #expect(rows.count == 3)
            #expect(rows.first?["type"] as? String == "AgencyRegistered" && rows.first?["type_zh"] as? String == "登记单位")
            #expect(rows.first?["position"] as? Int != nil && rows.first?["version"] as? Int == 1)
            #expect((rows.first?["recorded_at"] as? String)?.hasSuffix("+08:00") == true)
            #expect((rows.first?["occurred_at"] as? String)?.hasSuffix("+08:00") == true)
            #expect(rows.first?["data"] is [String: Any], "the payload is the JSON object it is, not a string")
            let csv = try cli.ok(["events", "list", "--limit", "1", "--format", "csv"])
            #expect(csv.stdout.hasPrefix("position,recorded_at,occurred_at,stream,version,type,type_zh,actor,agency,data\r\n"))
            let table = try cli.ok(["events", "list", "--limit", "1"])
            #expect(table.stdout.contains("登记单位") && !table.stdout.contains("AgencyRegistered"), "\(table.stdout)")
        }
    }

    @Test func filtersByStreamTypeActorAndTimeOldestFirstUnlessReversed() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try DateRulesCLITests.filedCase(cli)
            let stream = try Self.rows(try cli.ok(["events", "list", "--stream", id, "--format", "json"]))
            #expect(stream.map { $0["type"] as? String } == ["CaseLeadReceived", "CaseFiled", "OfficersAssigned"])
            let reversed = try Self.rows(try cli.ok(["events", "list", "--stream", id, "--reverse", "--format", "json"]))
            #expect(reversed.map { $0["version"] as? Int } == [3, 2, 1])
            let filed = try Self.rows(try cli.ok(["events", "list", "--type", "CaseFiled", "--type", "OfficersAssigned", "--format", "json"]))
            #expect(filed.map { $0["stream"] as? String } == [id, id])
            let actor = try #require(stream.first?["actor"] as? String)
            let byActor = try Self.rows(try cli.ok(["events", "list", "--actor", actor, "--limit", "1000", "--format", "json"]))
            #expect(!byActor.isEmpty && byActor.allSatisfy { $0["actor"] as? String == actor })
            #expect(try Self.rows(try cli.ok(["events", "list", "--actor", "没有这个人", "--format", "json"])).isEmpty)
            let today = ViewSupport.day(0), tomorrow = ViewSupport.day(1)
            let recordedToday = try Self.rows(try cli.ok(["events", "list", "--since", today, "--until", today, "--limit", "1000", "--format", "json"]))
            #expect(recordedToday.count == (try Self.rows(try cli.ok(["events", "list", "--limit", "1000", "--format", "json"]))).count)
            #expect(try Self.rows(try cli.ok(["events", "list", "--since", tomorrow, "--format", "json"])).isEmpty)
            #expect(try Self.rows(try cli.ok(["events", "list", "--until", ViewSupport.day(-1), "--format", "json"])).isEmpty)
            let newest = try Self.rows(try cli.ok(["events", "list", "--reverse", "--limit", "1", "--format", "json"]))
            #expect(newest.first?["type"] as? String == "OfficersAssigned")
        }
    }

    @Test func anUnknownStreamOrABadTimeIsOneLineAndExit2() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let unknown = try cli.run(["events", "list", "--stream", "CASE-2023-9999"])
            #expect(unknown.status == 2 && unknown.errorLines.count == 1 && unknown.stdout.isEmpty)
            #expect(unknown.stderr.contains("no stream CASE-2023-9999 exists"), "\(unknown.stderr)")
            let badTime = try cli.run(["events", "list", "--since", "昨天"])
            #expect(badTime.status == 2 && badTime.errorLines.count == 1 && badTime.stderr.contains("--since `昨天`"))
        }
    }
}
