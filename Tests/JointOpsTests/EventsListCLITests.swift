import Foundation
import Testing
import TestSupport

/// README: "Everything that prints data takes `--format table|json|csv`" — `events list` too (the try-out found it did not).
@Suite struct EventsListCLITests {
    @Test func eventsListTakesFormatAndShowsWhenEachEventWasRecorded() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let json = try cli.ok(["events", "list", "--limit", "3", "--format", "json"])
            let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.count == 3)
            #expect(rows.first?["type"] as? String == "AgencyRegistered")
            #expect((rows.first?["recorded_at"] as? String)?.hasPrefix("20") == true)
            let csv = try cli.ok(["events", "list", "--limit", "1", "--format", "csv"])
            #expect(csv.stdout.hasPrefix("position,stream,version,type,actor,recorded_at,data"))
            let plain = try cli.ok(["events", "list", "--limit", "1"])
            #expect(plain.stdout.split(separator: "\t").count == 5)
        }
    }
}
