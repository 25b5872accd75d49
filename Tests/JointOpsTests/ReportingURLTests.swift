import Foundation
import Testing
import TestSupport

/// `JOINTOPS_REPORTING_URL` that is no connection string, or names a server that cannot be reached: one line
/// naming the variable, never the local cluster's advice nor libpq's own text (issue 13 point 7).
@Suite("JOINTOPS_REPORTING_URL as the user wrote it")
struct ReportingURLTests {
    /// No database at all: the report must fail on the variable before it would reach one.
    let cli = CLIRunner(database: TestDatabase(name: "", conninfo: "host=/nonexistent", server: ""))

    static let malformed: [(value: String, problem: String)] = [
        ("host=db2 dbname", "`dbname` has no `=value` (a URL starts with postgresql://)"),
        ("hots=db2 dbname=jointops", "`hots` is not a connection setting"),
        ("host=db2 dbname='jointops", "the value of `dbname` opens a quote that is not closed"),
        ("postgresql://db2/jointops?sslmod=require", "`sslmod` after `?` is not a connection setting"),
        ("host=db2 password=天山 雪莲 dbname=jointops", "the password's value has a space: put it in single quotes"),
        ("postgresql://li_analyst:secretpw@db2:notaport/jointops", "the port `notaport` is not a number from 1 to 65535"),
        ("host=db2 port=70000 dbname=jointops", "the port `70000` is not a number from 1 to 65535"),
    ]

    @Test(arguments: malformed)
    func aReportingURLThatIsNoConnectionStringIsAUsageErrorSayingWhy(_ example: (value: String, problem: String)) throws {
        let result = try cli.run(["report", "agencies"], environment: ["JOINTOPS_REPORTING_URL": example.value])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines == ["jointops: JOINTOPS_REPORTING_URL is not a connection string: \(example.problem); write e.g. "
                                      + "host=standby.example port=5432 dbname=jointops user=li_analyst, "
                                      + "or postgresql://li_analyst@standby.example:5432/jointops"])
        #expect(!result.stderr.contains("雪莲"), "the value, which may hold a password, is not repeated")
    }

    /// The same shape on the database written to: DATABASE_URL.
    @Test func aDatabaseURLThatIsNoConnectionStringIsAUsageErrorSayingWhy() throws {
        let officer = CLIRunner(database: TestDatabase(name: "", conninfo: "host=db2 password=天山 雪莲 dbname=jointops", server: ""))
        let result = try officer.run(["agency", "list"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.errorLines == ["jointops: DATABASE_URL is not a connection string: the password's value has a space: put it in "
                                      + "single quotes; write e.g. postgresql://li_officer@db.example:5432/jointops or "
                                      + "host=db.example dbname=jointops user=li_officer"])
    }

    @Test func aReportingURLNamingAServerThatRefusesSaysSoNamingTheVariableAndTheHost() throws {
        let closed = try SilentListener()
        closed.close()  // a port nothing listens on: the connection is refused
        let result = try cli.run(["report", "agencies"],
                                 environment: ["JOINTOPS_REPORTING_URL": "host=127.0.0.1 port=\(closed.port) dbname=jointops user=li_analyst"])
        #expect(result.status == 5, "\(result.stderr)")
        #expect(result.errorLines == ["jointops: JOINTOPS_REPORTING_URL names host 127.0.0.1:\(closed.port), which did not accept the "
                                      + "connection (it is down, unreachable from here, or refused the login): check that the "
                                      + "standby there runs and that the host, port, login and password are right, or unset "
                                      + "JOINTOPS_REPORTING_URL to read the primary"])
    }

    @Test func aReportingURLNamingASilentServerEndsWithinTheDeadlineNamingTheVariable() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let result = try cli.run(["report", "agencies", "--year", "2023"],
                                 environment: ["JOINTOPS_REPORTING_URL": listener.conninfo, "JOINTOPS_CONNECT_TIMEOUT": "1"])
        #expect(result.status == 5, "\(result.stderr)")
        #expect(result.errorLines == ["jointops: JOINTOPS_REPORTING_URL names host 127.0.0.1:\(listener.port), which did not accept a "
                                      + "connection within 1 s: check that the standby there runs and that the host, port, login "
                                      + "and password are right, or unset JOINTOPS_REPORTING_URL to read the primary"])
    }

    /// JOINTOPS_DEBUG=1 adds libpq's own text on a second line, for the standby's variable as for DATABASE_URL.
    @Test func debugAddsLibpqsOwnTextOnASecondLineForEitherVariable() throws {
        let closed = try SilentListener()
        closed.close()
        let conninfo = "host=127.0.0.1 port=\(closed.port) dbname=jointops user=li_analyst"
        let standby = try cli.run(["report", "agencies"], environment: ["JOINTOPS_REPORTING_URL": conninfo, "JOINTOPS_DEBUG": "1"])
        let primary = try CLIRunner(database: TestDatabase(name: "", conninfo: conninfo, server: ""))
            .run(["agency", "list"], environment: ["JOINTOPS_DEBUG": "1"])
        for result in [standby, primary] {
            #expect(result.status == 5, "\(result.stderr)")
            #expect(result.errorLines.count == 2, "\(result.stderr)")
            #expect(result.errorLines.last?.hasPrefix("jointops: debug: ") == true, "\(result.stderr)")
            #expect(result.errorLines.last?.contains("Connection refused") == true, "\(result.stderr)")
        }
        let quiet = try cli.run(["report", "agencies"], environment: ["JOINTOPS_REPORTING_URL": conninfo])
        #expect(quiet.errorLines.count == 1 && !quiet.stderr.contains("Connection refused"), "\(quiet.stderr)")
    }
}
