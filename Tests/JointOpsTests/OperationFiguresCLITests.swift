import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// Refusals of links and figures through the real binary (one line, the right exit code, nothing written), and
/// the largest accepted figures going through every report.
@Suite struct OperationFiguresCLITests {
    static let op = OperationOutcomesCLITests.op

    static func eventCount(_ database: TestDatabase) throws -> Int {
        try database.connect().execute("SELECT count(*)::int FROM eventstore.events")[0].get(0)
    }

    @Test func badLinksAndFiguresAreRefusedInOneLineAndWriteNothing() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try OperationOutcomesCLITests.operation(cli)
            let lead = ["case", "receive-lead", "--agency", "WSZD", "--summary", "设卡检查发现黑车拉客"]
            let refusals: [(arguments: [String], status: Int32, says: String)] = [
                (lead + ["--source", "jointOperation", "--at", "2026-10-13"], 3, "add --op and --session"),
                (lead + ["--source", "jointOperation", "--op", Self.op, "--at", "2026-10-13"], 2, "--op and --session go together"),
                (lead + ["--source", "complaint", "--op", Self.op, "--session", "S1", "--at", "2026-10-13"], 3,
                 "give --source jointOperation"),
                (lead + ["--source", "jointOperation", "--op", Self.op, "--session", "S1", "--at", "2026-10-14"], 3,
                 "date it with --at 2026-10-13"),
                (lead + ["--source", "jointOperation", "--op", Self.op, "--session", "S7", "--at", "2026-10-13"], 2,
                 "has no session S7 (recorded: S1, S2)"),
                (lead + ["--source", "jointOperation", "--op", "OP-2026-0009", "--session", "S1", "--at", "2026-10-13"], 2,
                 "no operation has the id OP-2026-0009"),
                (["case", "receive-lead", "--agency", "WSSJ", "--on-behalf-of", "SJ-01", "--summary", "发现无照经营", "--source", "jointOperation",
                  "--op", Self.op, "--session", "S1", "--at", "2026-10-13"], 3, "WSSJ did not take part in session S1"),
                (["op", "record-session", Self.op, "--session", "S3", "--place", "火车站", "--date", "2026-10-22",
                  "--tally", "WSZD:officers=8,cases=2", "--at", "2026-10-22"], 3, "casesFiled of WSZD is a case figure"),
                (["op", "record-session", Self.op, "--session", "S3", "--place", "火车站", "--date", "2026-10-22",
                  "--tally", "WSZD:inspected=50001", "--at", "2026-10-22"], 2, "at most 50000"),
                (["op", "record-return", Self.op, "--session", "S1", "--agency", "WSJJ", "--fines-yuan", "5000000000000000000"], 2,
                 "finesYuan of WSJJ is 5000000000000000000"),
                (["op", "record-return", Self.op, "--session", "S1", "--agency", "WSJJ", "--fines-yuan", "600.5"], 2,
                 "is not a whole number"),
                (["op", "record-return", Self.op, "--session", "S1", "--agency", "WSZD", "--cases-filed", "2"], 3,
                 "its results come from the cases linked to the session"),
                (["op", "record-return", Self.op, "--session", "S1", "--agency", "WSSJ", "--officers", "2"], 3,
                 "WSSJ did not take part in session S1"),
            ]
            let before = try Self.eventCount(database)
            for refusal in refusals {
                let result = try cli.run(refusal.arguments)
                let shown = refusal.arguments.joined(separator: " ")
                #expect(result.status == refusal.status, "\(shown): \(result.stderr)")
                #expect(result.errorLines.count == 1, "\(shown): \(result.stderr)")
                #expect(result.stderr.contains(refusal.says), "\(shown): \(result.stderr)")
            }
            #expect(try Self.eventCount(database) == before)
            // The same acts, right: allowed.
            try cli.ok(lead + ["--source", "jointOperation", "--op", Self.op, "--session", "S1", "--at", "2026-10-13"])
            try cli.ok(lead + ["--source", "complaint", "--at", "2026-10-14"])
            try cli.ok(["op", "record-return", Self.op, "--session", "S1", "--agency", "WSJJ", "--fines-yuan", "600"])
            let again = try cli.run(["op", "record-return", Self.op, "--session", "1", "--agency", "WSJJ", "--officers", "1"])
            #expect(again.status == 3 && again.stderr.contains("WSJJ already returned its figures for session S1"))
        }
    }

    @Test func theLargestAcceptedFiguresProjectAndReportFineAndAnOldAbsurdOneBreaksNothing() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try OperationOutcomesCLITests.operation(cli)
            let maxima = "officers=5000,vehicles=1000,inspected=50000,serious=10000,minor=10000,educated=1000000,"
                + "leaflets=1000000,notices=10000"
            for number in 3...6 {
                try cli.ok(["op", "record-session", Self.op, "--session", "S\(number)", "--place", "火车站",
                            "--date", "2026-10-2\(number)", "--tally", "WSZD:\(maxima)", "--tally", "WSJJ:\(maxima)",
                            "--at", "2026-10-2\(number)"])
                try cli.ok(["op", "record-return", Self.op, "--session", "S\(number)", "--agency", "WSJJ", "--officers", "5000",
                            "--vehicles-deployed", "1000", "--vehicles-inspected", "50000", "--cases-filed", "10000",
                            "--vehicles-seized", "10000", "--fines-yuan", "100000000", "--people-educated", "1000000"])
            }
            // A session an older version accepted with fines of 5×10^18 yuan: it once broke every report for good.
            let absurd = #"{"session":{"date":"2026-10-29","placeZh":"火车站","sessionId":"S9","tallies":{"WSZD":{"casesFiled":1,"finesYuan":5000000000000000000,"leaflets":0,"officersDeployed":3,"peopleEducated":0,"rectificationNotices":0,"referrals":0,"vehiclesDeployed":0,"vehiclesInspected":0,"vehiclesSeized":0,"violationsMinor":0,"violationsSerious":0}}}}"#
            let store = EventStore(connection: try database.connect())
            let version = try store.version(of: Self.op)
            try store.append([NewEvent(type: "FieldSessionRecorded", data: Data(absurd.utf8), occurredAt: Date())], to: Self.op,
                             expecting: .exact(version), metadata: CommandMetadata(actor: "ZF-01"))

            let rows = try OperationOutcomesCLITests.outcomes(cli)
            #expect(rows["WSJJ partnerReturn"]?["fines_imposed_yuan"] == "400000000")
            #expect(rows["WSJJ partnerReturn"]?["people_educated"] == "4000000")
            #expect(rows["WSZD sessionTally"]?["leaflets"] == "4000000")
            #expect(rows["WSZD legacyTally"]?["cases_filed"] == "1")
            #expect(rows["WSZD legacyTally"]?["fines_imposed_yuan"] == nil)   // beyond the bounds: left out
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-annual-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try cli.ok(["report", "annual", "--year", "2026", "--output-dir", folder.path])
            let markdown = try String(contentsOf: folder.appendingPathComponent("annual-2026.md"), encoding: .utf8)
            #expect(markdown.contains("联合执法"))
            let agencies = try cli.ok(["report", "agency_outcomes", "--year", "2026", "--format", "csv"])
            #expect(agencies.stdout.contains(",400000000,"))
            let show = try cli.ok(["op", "show", Self.op])
            #expect(show.stdout.contains("legacy WSZD"))
            try cli.ok(["project", "rebuild", "operations"])
            #expect(try OperationOutcomesCLITests.outcomes(cli) == rows)
        }
    }
}
