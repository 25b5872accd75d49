import Enforcement
import Foundation
import Testing
import TestSupport

/// Issue 10, points 1, 2 and 4 through the built binary: the basis fits the offence, the governing version is
/// recorded, the hearing right follows the penalty. Dates are relative to today.
@Suite struct LawCLITests {
    static func day(_ offset: Int) -> String { DateRulesCLITests.day(offset) }

    /// A black-car case of an act 50 days ago, investigated and concluded 44 days ago; returns its id.
    static func concludedCase(_ cli: CLIRunner) throws -> String {
        let id = try DateRulesCLITests.filedCase(cli)
        try cli.ok(["case", "record-evidence", id, "--kind", "siteRecord", "--description", "现场检查笔录",
                    "--media", "dvr/0001.mp4", "--sha256", String(repeating: "ab", count: 32),
                    "--officer", "ZF-01", "--officer", "ZF-02", "--at", day(-47)])
        try cli.ok(["case", "conclude-investigation", id, "--findings", "违法事实清楚", "--at", day(-44)])
        return id
    }

    @Test func theCatalogueListsBySectorAndDateAndShowsEveryVersionWithWhatIsUnverified() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let taxi = try cli.ok(["law", "list", "--sector", "taxi", "--format", "csv"])
            #expect(taxi.stdout.contains("TAXI-47-2014,") && !taxi.stdout.contains("RTR-63"), "\(taxi.stdout)")
            let on2024 = try cli.ok(["law", "list", "--sector", "blackCar", "--on", "2024-01-01", "--format", "csv"])
            #expect(on2024.stdout.contains("RTR-63-2023,") && !on2024.stdout.contains("RTR-63-2022,"), "\(on2024.stdout)")
            let show = try cli.ok(["law", "show", "RTR-63", "--format", "csv"])
            for version in ["RTR-63-2019", "RTR-63-2022", "RTR-63-2023"] {
                #expect(show.stdout.contains("\(version),in_force,"), "\(show.stdout)")
            }
            #expect(show.stdout.contains("RTR-63-2023,verified,\"未核实: in force from 2023-07-20 assumed"))
            #expect(show.stdout.contains("RTR-63-2022,source,") && show.stdout.contains("[V]"))
            // On a terminal the reason is printed whole, never cut to the width.
            let plain = try cli.ok(["law", "show", "rtr-63-2023"])
            #expect(plain.stdout.contains("  verified           未核实: in force from 2023-07-20 assumed: the 2023 revision's "
                                          + "effective date is unverified (§0, §9 q1)"), "\(plain.stdout)")
            let unknown = try cli.run(["law", "show", "RTR-99"])
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("`jointops law list`"))
        }
    }

    @Test func aBasisThatDoesNotFitTheSectorOrAVersionThatDoesNotGovernIsRefusedAndTheFamilyRecordsTheVersion() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.concludedCase(cli)
            // Point 1: the scheduled-line article for a black car.
            let line = try cli.run(["case", "serve-notice", id, "--fine", "2000", "--basis", "RTR-68", "--at", Self.day(-43)])
            #expect(line.status == 3)
            #expect(line.stderr.contains("articles that fit: RTR-63") && line.stderr.contains("`jointops law list --sector blackCar`"),
                    "\(line.stderr)")
            let warning = try cli.run(["case", "serve-notice", id, "--type", "warning", "--basis", "RTR-63", "--at", Self.day(-43)])
            #expect(warning.status == 3)
            #expect(warning.stderr.contains("provides no warning"), "\(warning.stderr)")
            // Point 2: a repealed version, and a fine below the governing band.
            let repealed = try cli.run(["case", "serve-notice", id, "--fine", "20000", "--basis", "RTR-63-2019",
                                        "--at", Self.day(-43)])
            #expect(repealed.status == 3)
            #expect(repealed.stderr.contains("RTR-63-2023 does (行为时规定)") && repealed.stderr.contains("`jointops law show RTR-63-2023`"),
                    "\(repealed.stderr)")
            let low = try cli.run(["case", "serve-notice", id, "--fine", "5000", "--basis", "RTR-63", "--at", Self.day(-43)])
            #expect(low.status == 3)
            #expect(low.stderr.contains("outside 10000–100000 yuan set by RTR-63-2023"), "\(low.stderr)")
            try cli.ok(["case", "serve-notice", id, "--fine", "20000", "--basis", "RTR-63", "--at", Self.day(-43)])
            let show = try cli.ok(["case", "show", id])
            #expect(hasRow(show.stdout, "notice", "罚款 20000 yuan (RTR-63-2023 行为时规定)"), "\(show.stdout)")
        }
    }

    @Test func aLargeFineNoticedWithoutTheFlagLetsThePartyRequestAHearingEvenAfterWaivingTheStatement() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try Self.concludedCase(cli)
            try cli.ok(["case", "serve-notice", id, "--fine", "50000", "--basis", "RTR-63", "--at", Self.day(-43)])
            try cli.ok(["case", "waive-statement", id, "--at", Self.day(-43)])
            let early = try cli.run(["case", "decide-penalty", id, "--fine", "50000", "--basis", "RTR-63",
                                     "--number", "乌交执罚〔2026〕第301号", "--at", Self.day(-42)])
            #expect(early.status == 3)
            #expect(early.stderr.contains("may still request a hearing"), "\(early.stderr)")
            let request = try cli.ok(["case", "request-hearing", id, "--at", Self.day(-42)])
            #expect(request.stdout.contains(": 申请听证 → "), "\(request.stdout)")
        }
    }
}
