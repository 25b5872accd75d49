import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// The command line on the local cluster, as its owner runs it: which login each session uses
/// (issue 12 point 5), and the analyst's path of README's "For analysts" (point 6).
@Suite("Analyst logins and session roles on the local cluster", .serialized)
struct AnalystLoginTests {
    static let cluster = TestCluster.private(named: "local-cli")

    /// The cluster's folder, started; `jointops` runs with it as `JOINTOPS_DATA_DIR` and no `DATABASE_URL`.
    func local() throws -> LocalCluster {
        _ = try Self.cluster.server()
        return try #require(Self.cluster.localCluster)
    }

    func jointops(_ arguments: [String], _ environment: [String: String] = [:], on cluster: LocalCluster) throws -> ProcessRunner.Result {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") && $0.key != "DATABASE_URL" }
        env["JOINTOPS_DATA_DIR"] = cluster.root.path
        env["JOINTOPS_ON_BEHALF_OF"] = "ZF-01"
        env.merge(environment) { $1 }
        return try ProcessRunner.run(DeploymentTests.binary, arguments, environment: env)
    }

    /// The logins of the sessions the server authorised while `body` ran (log_connections is on).
    func logins(on cluster: LocalCluster, during body: () throws -> Void) throws -> Set<String> {
        let before = (try? Data(contentsOf: cluster.logFile).count) ?? 0
        try body()
        let log = String(decoding: try Data(contentsOf: cluster.logFile).dropFirst(before), as: UTF8.self)
        return Set(log.split(separator: "\n").compactMap { line in
            line.range(of: "connection authorized: user=").map { String(line[$0.upperBound...].prefix { $0 != " " }) }
        })
    }

    @Test func aCommandRunsAsTheWriterLoginAndAReportAsTheProjectorLoginNeverAsASuperuser() throws {
        let cluster = try local()
        let first = try jointops(["agency", "register", "WSJT", "--name", "乌苏市交通运输局", "--kind", "transport", "--at", "2023-01-03"], on: cluster)
        #expect(first.status == 0, "\(first.output)")
        let writing = try logins(on: cluster) {
            let second = try jointops(["agency", "register", "WSZD", "--name", "乌苏市交通运输综合行政执法大队", "--kind", "transport",
                                       "--at", "2023-01-03"], on: cluster)
            #expect(second.status == 0, "\(second.output)")
        }
        #expect(writing == [LocalCluster.writerLogin])
        let reporting = try logins(on: cluster) {
            let report = try jointops(["report", "agencies"], on: cluster)
            #expect(report.status == 0 && report.output.contains("乌苏市交通运输综合行政执法大队"), "\(report.output)")
        }
        #expect(reporting == [LocalCluster.projectorLogin])
        let admin = try Connection(cluster.conninfo())
        for login in writing.union(reporting) {
            let row = try admin.execute("""
                SELECT rolsuper, pg_has_role(oid, 'jointops_owner', 'MEMBER'),
                       (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid)
                FROM pg_roles r WHERE rolname = $1
                """, [login])[0]
            #expect(try row.get(0, as: Bool.self) == false, "\(login) is no superuser")
            #expect(try row.get(1, as: Bool.self) == false, "\(login) is no owner")
            #expect(try row.get(2, as: Int.self) == 0, "\(login) owns nothing")
        }
    }

    @Test func anAnalystAddedOnTheCommandLineFollowsTheReadme() throws {
        let cluster = try local()
        #expect(try jointops(["agency", "register", "WSGA", "--name", "乌苏市公安局交通警察大队", "--kind", "police",
                              "--at", "2023-01-03"], on: cluster).status == 0)
        #expect(try jointops(["report", "agencies"], on: cluster).status == 0, "the owner's report installs the views")

        let added = try jointops(["analyst", "add", "li_analyst"], on: cluster)
        #expect(added.status == 0, "\(added.output)")
        let conninfo = "host=\(cluster.socketDirectory.path) dbname=jointops user=li_analyst"
        #expect(added.output.contains("psql \"\(conninfo)\""), "\(added.output)")
        #expect(added.output.contains("no TCP port"))
        #expect(try jointops(["analyst", "add", "li_analyst"], on: cluster).status == 0, "adding again refreshes the login")
        let settings = try Connection(cluster.conninfo()).execute("""
            SELECT array_to_string(s.setconfig, ' ') FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
            WHERE r.rolname = 'li_analyst'
            """)[0].get(0, as: String.self)
        #expect(settings.contains("statement_timeout=5min") && settings.contains("idle_in_transaction_session_timeout=1min"), "\(settings)")

        // A write the views do not show yet: the analyst's report says so instead of catching up.
        #expect(try jointops(["agency", "register", "WSSJ", "--name", "乌苏市市场监督管理局", "--kind", "transport",
                              "--at", "2023-01-03"], on: cluster).status == 0)
        let asAnalyst = ["DATABASE_URL": conninfo, "JOINTOPS_DATA_DIR": "/nonexistent"]
        let report = try jointops(["report", "agencies", "--format", "csv"], asAnalyst, on: cluster)
        #expect(report.status == 0, "\(report.output)")
        #expect(report.output.contains("乌苏市公安局交通警察大队") && !report.output.contains("乌苏市市场监督管理局"))
        #expect(report.output.contains("read the reporting views as they stand"), "\(report.output)")
        #expect(report.output.contains("leave out the latest event (recorded since "), "\(report.output)")
        let folder = cluster.root.appendingPathComponent("annual").path
        let annual = try jointops(["report", "annual", "--year", "2023", "--output-dir", folder], asAnalyst, on: cluster)
        #expect(annual.status == 0 && annual.output.contains("wrote \(folder)/annual-2023.md"), "\(annual.output)")
        let asOf = try jointops(["report", "agencies", "--as-of", "2023-12-31"], asAnalyst, on: cluster)
        #expect(asOf.status == 2 && asOf.output.split(separator: "\n").count == 1, "\(asOf.output)")

        // README's sample queries, literally, with psql as the analyst.
        for query in try Self.readmeQueries() {
            let result = try ProcessRunner.run(LocalClusterAccessTests.psql, [conninfo, "-v", "ON_ERROR_STOP=1", "-c", query])
            #expect(result.status == 0, "\(query): \(result.output)")
        }
        let forbidden = try ProcessRunner.run(LocalClusterAccessTests.psql, [conninfo, "-c", "SELECT count(*) FROM eventstore.events"])
        #expect(forbidden.output.contains("permission denied"), "\(forbidden.output)")
    }

    /// The user's try-out (issue 12 point 6): with cases recorded and the views caught up (lag 0), an analyst
    /// prints the annual report and every view it is made of, not "column min is NULL".
    @Test func anAnalystPrintsTheAnnualReportAndItsViewsWithDataPresentAndNoLag() throws {
        let cluster = try local()
        func ok(_ arguments: [String]) throws {
            let result = try jointops(arguments, on: cluster)
            #expect(result.status == 0, "\(arguments): \(result.output)")
        }
        // A brigade of its own (the suite's cluster is shared), an approver, two certified officers and a filed case.
        try ok(["agency", "register", "KTZD", "--name", "奎屯市交通运输综合行政执法大队", "--kind", "transport", "--at", "2023-01-03"])
        for (id, name, certificate) in [("KT-01", "阿不都热合曼", "65420300001"), ("KT-02", "古丽米拉", "65420300002")] {
            try ok(["officer", "register", id, "--name", name, "--agency", "KTZD", "--certificate", certificate, "--at", "2023-01-03"])
        }
        try ok(["officer", "register", "KT-09", "--name", "刘志强", "--agency", "KTZD", "--at", "2023-01-03"])
        try ok(["officer", "designate", "KT-09", "--role", "approver", "--from", "2023-01-03", "--at", "2023-01-03"])
        let lead = try jointops(["case", "receive-lead", "--agency", "KTZD", "--source", "inspection", "--summary", "巡查发现黑车",
                                 "--on-behalf-of", "KT-01"], on: cluster)
        #expect(lead.status == 0, "\(lead.output)")
        let id = try #require(lead.output.firstMatch(of: /CASE-\d{4}-\d{4}/).map { String($0.output) }, "\(lead.output)")
        try ok(["case", "file", id, "--agency", "KTZD", "--approver", "KT-09", "--on-behalf-of", "KT-09", "--party-name", "马某",
                "--party-id", "654202199001015678", "--act-date", ViewSupport.day(-1), "--act-place", "奎屯市火车站广场",
                "--sector", "blackCar", "--description", "未取得经营许可载客"])
        try ok(["case", "assign-officers", id, "--officer", "KT-01", "--officer", "KT-02", "--on-behalf-of", "KT-01"])
        try ok(["report", "agencies"])   // the owner's report catches the views up: nothing left behind

        let added = try jointops(["analyst", "add", "li_analyst"], on: cluster)
        #expect(added.status == 0, "\(added.output)")
        let conninfo = "host=\(cluster.socketDirectory.path) dbname=jointops user=li_analyst"
        let asAnalyst = ["DATABASE_URL": conninfo, "JOINTOPS_DATA_DIR": "/nonexistent"]
        let year = String(ViewSupport.today.year)
        // Try-out 5, defect 12: the year under way has a case, so its report is the one to print (not last year's).
        #expect(added.output.contains("jointops report annual --year \(year)"), "\(added.output)")
        for name in ["case_pipeline", "deadline_summary", "annual_statistics", "publication_rate", "case_register",
                     "agency_outcomes", "operations_board"] {
            let report = try jointops(["report", name, "--year", year, "--format", "csv"], asAnalyst, on: cluster)
            #expect(report.status == 0, "\(name): \(report.output)")
        }
        let pipeline = try jointops(["report", "case_pipeline", "--year", year, "--format", "csv"], asAnalyst, on: cluster)
        #expect(pipeline.output.contains("KTZD"), "the analyst sees the case: \(pipeline.output)")
        let folder = cluster.root.appendingPathComponent("annual-lag0").path
        let annual = try jointops(["report", "annual", "--year", year, "--output-dir", folder], asAnalyst, on: cluster)
        #expect(annual.status == 0 && annual.output.contains("wrote \(folder)/annual-\(year).md"), "\(annual.output)")
    }

    @Test func analystNamesThatAreNotPlainLoginsOrAreTakenAreRefused() throws {
        let cluster = try local()
        for name in ["jointops_writer", "Li Analyst", "pg_li"] {
            let result = try jointops(["analyst", "add", name], on: cluster)
            #expect(result.status == 2, "\(name): \(result.output)")
        }
        try Connection(cluster.conninfo()).run("DROP ROLE IF EXISTS jt_clerk; CREATE ROLE jt_clerk LOGIN")
        let taken = try jointops(["analyst", "add", "jt_clerk"], on: cluster)
        #expect(taken.status == 3 && taken.output.contains("jt_clerk is already a database role that is not an analyst"), "\(taken.output)")
    }

    /// The ```sql blocks of README's "For analysts" section.
    static func readmeQueries() throws -> [String] {
        let readme = try String(contentsOf: DeploymentTests.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## For analysts").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let blocks = section.components(separatedBy: "```sql\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        #expect(blocks.count == 3, "README shows three sample queries")
        return blocks
    }
}
