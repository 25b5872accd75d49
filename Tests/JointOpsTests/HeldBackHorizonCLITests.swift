import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// The horizon explains itself (issue 13): `project status` names the transaction that holds committed
/// events back and counts them; `report` and `project run` warn once they have waited past
/// `JOINTOPS_HELD_BACK_WARN_SECONDS`. The rule itself stays: nothing is read past that transaction.
///
/// On a private cluster: the blocker would hold back every other suite's readers.
@Suite("The held-back horizon explains itself", .serialized)
struct HeldBackHorizonCLITests {
    static let cluster = TestCluster.private(named: "horizon")

    @Test func statusNamesTheSessionHoldingTheHorizonAndReportAndRunWarnAboutIt() throws {
        try TestDatabase.with(on: Self.cluster) { database in
            let cli = CLIRunner(database: database)
            try cli.ok(["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport", "--at", "2026-01-05"])
        try cli.ok(["officer", "register", "ZF-01", "--name", "王建国", "--agency", "WSZD", "--at", "2026-01-05"])
            let quiet = try cli.ok(["project", "status"])
            #expect(!quiet.stdout.contains("held back:"), "\(quiet.stdout)")

            // A session that may append events holds a transaction with an id.
            let blocker = try Connection("\(database.conninfo) application_name=jo-horizon-blocker")
            let pid: Int32 = try blocker.execute("SELECT pg_backend_pid()")[0].get(0)
            try blocker.run("BEGIN")
            let xid: String = try blocker.execute("SELECT pg_current_xact_id()::text")[0].get(0)
            try cli.ok(["op", "plan", "--title", "火车站周边黑车联合整治", "--lead", "WSZD", "--sector", "blackCar",
                        "--from", "2026-12-02", "--to", "2026-12-20", "--place", "乌苏市火车站广场", "--at", "2026-12-01"])

            let warnAtOnce = ["JOINTOPS_HELD_BACK_WARN_SECONDS": "0"]
            let status = try cli.run(["project", "status"], environment: warnAtOnce)
            #expect(status.status == 0, "\(status.stderr)")
            let held = status.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("held back:") }.map(String.init) ?? ""
            #expect(held.hasPrefix("held back: 1 committed event waits behind transaction \(xid) (database \(database.name), "
                                   + "user \(LocalCluster.superuser), application jo-horizon-blocker, pid \(pid), "), "\(held)")

            let report = try cli.run(["report", "operations_board", "--wait", "0"], environment: warnAtOnce)
            #expect(report.status == 0, "\(report.stderr)")
            let warning = report.errorLines.filter { $0.hasPrefix("jointops: warning: ") }
            #expect(warning.count == 1, "\(report.stderr)")
            #expect(warning.first?.contains("1 committed event has waited") == true, "\(report.stderr)")
            #expect(warning.first?.contains("pid \(pid)") == true, "\(report.stderr)")
            #expect(!report.stdout.contains("火车站周边黑车联合整治"), "the horizon rule holds: the event is not read past the blocker")
            let run = try cli.run(["project", "run", "--once"], environment: warnAtOnce)
            #expect(run.errorLines.filter { $0.hasPrefix("jointops: warning: ") }.count == 1, "\(run.stderr)")

            // Below the threshold (the default 60 s), no warning.
            let patient = try cli.run(["report", "operations_board", "--wait", "0"])
            #expect(!patient.stderr.contains("warning"), "\(patient.stderr)")
            #expect(try cli.run(["report", "operations_board"], environment: ["JOINTOPS_HELD_BACK_WARN_SECONDS": "soon"]).status == 2)

            try blocker.run("ROLLBACK")
            let after = try cli.run(["report", "operations_board", "--format", "csv"], environment: warnAtOnce)
            #expect(after.stderr.isEmpty, "\(after.stderr)")
            #expect(after.stdout.contains("火车站周边黑车联合整治"))
            #expect(!(try cli.ok(["project", "status"]).stdout.contains("held back:")))
        }
    }
}
