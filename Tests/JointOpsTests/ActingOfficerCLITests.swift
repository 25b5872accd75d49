import Foundation
import JointOps
import Testing
import TestSupport

/// Try-out 5, defects 2, 4, 5 and 13 through the binary: only administrators keep the registry, the named duty
/// holder is the one who acts, officers act for their own agency, and a binding can be ended and made anew.
/// Every refusal is one line, exit 3, and writes nothing.
@Suite struct ActingOfficerCLITests {
    static func day(_ offset: Int) -> String { DateRulesCLITests.day(offset) }

    /// Runs `arguments`, expecting a one-line refusal (exit 3) containing `says`, and nothing written.
    static func refused(_ cli: CLIRunner, _ database: TestDatabase, _ arguments: [String], says: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try HandlerFixtures.eventCount(database.connect())
        let result = try cli.run(arguments)
        #expect(result.status == 3, "jointops \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(says), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try HandlerFixtures.eventCount(database.connect()) == before, sourceLocation: sourceLocation)
    }

    /// The test registry, with ZF-02 bound to a fresh login and a traffic-police officer; returns ZF-02's runner.
    static func boundOfficer(_ database: TestDatabase, login: String) throws -> CLIRunner {
        let admin = CLIRunner(database: database)
        try CLIEndToEndTests.registry(admin)
        try admin.ok(["officer", "register", "JJ-01", "--name", "马俊", "--agency", "WSJJ", "--at", "2023-01-03"])
        try admin.ok(["officer", "bind", "ZF-02", "--login", login])
        return try OfficerBindingTests.cli(database, as: login)
    }

    @Test func anOrdinaryOfficerMayNotKeepTheRegistryOrTheCalendar() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let officer = try Self.boundOfficer(database, login: login)
            let calendar = FileManager.default.temporaryDirectory.appendingPathComponent("trustacts-\(login).csv")
            try "xinjiang,\(DateRulesCLITests.today.year),\(Self.day(6)),regionalHoliday\n".write(to: calendar, atomically: true,
                                                                                                  encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: calendar) }
            let says = "only an administrator keeps the registry and the calendar, and login \(login) is not one"
            for arguments in [["officer", "designate", "ZF-02", "--role", "approver", "--from", Self.day(0)],
                              ["officer", "register", "ZF-88", "--name", "假人", "--agency", "WSZD", "--certificate", "1"],
                              ["agency", "register", "XX", "--name", "假机构", "--kind", "other"],
                              ["officer", "certify", "ZF-04", "--certificate", "65420200004"],
                              ["officer", "withdraw-certificate", "FZ-01", "--reason", "测试"],
                              ["officer", "undesignate", "FZ-01", "--role", "legalReviewer", "--agency", "WSZD", "--to", Self.day(0)],
                              ["officer", "unbind", "ZF-02"],
                              ["campaign", "create", "CAMP-2026-X", "--title", "假行动", "--sector", "taxi",
                               "--from", Self.day(0), "--to", Self.day(9)],
                              ["calendar", "import", calendar.path]] {
                try Self.refused(officer, database, arguments, says: says)
            }
        }
    }

    @Test func anActNamingADutyHolderIsRecordedOnlyAsThatOfficer() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let officer = try Self.boundOfficer(database, login: login)
            let admin = CLIRunner(database: database)
            let lead = try officer.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "群众举报黑车",
                                       "--at", Self.day(-3)])
            let id = String(lead.stdout.prefix(while: { $0 != ":" }))
            let file = ["case", "file", id, "--agency", "WSZD", "--approver", "ZD-01", "--party-name", "马某",
                        "--party-id", "654202199001011234", "--act-date", Self.day(-4), "--act-place", "乌苏市火车站",
                        "--sector", "blackCar", "--description", "非法营运", "--at", Self.day(-3)]
            try Self.refused(officer, database, file, says: "you are ZF-02, not ZD-01 (--approver): ZD-01 records this with "
                + "their own login, or an administrator types in the signed form with --on-behalf-of ZD-01")
            // An administrator's form is the named officer's act only when it is typed in on that officer's behalf.
            try Self.refused(admin, database, file + ["--on-behalf-of", "ZF-01"], says: "you are ZF-01, not ZD-01 (--approver)")
            try admin.ok(file + ["--on-behalf-of", "ZD-01"])
            try Self.refused(officer, database, ["case", "correct", id, "--field", "actPlace", "--value", "乌苏市北京路",
                                                 "--reason", "地点笔误", "--officer", "FZ-01"],
                             says: "you are ZF-02, not FZ-01 (--officer)")
            try officer.ok(["case", "correct", id, "--field", "actPlace", "--value", "乌苏市北京路", "--reason", "地点笔误"])
            try Self.refused(admin, database, ["case", "receive-lead", "--agency", "WSZD", "--source", "complaint",
                                               "--summary", "补录", "--on-behalf-of", "ZF-77"],
                             says: "no officer ZF-77 is registered, so nobody can act on their behalf: check the id with "
                                + "`jointops officer list`")

            let planned = try officer.ok(["op", "plan", "--title", "火车站联合整治", "--lead", "WSZD", "--sector", "blackCar",
                                          "--from", Self.day(0), "--to", Self.day(9)])
            let op = String(planned.stdout.prefix(while: { $0 != ":" }))
            try Self.refused(officer, database, ["op", "approve", op, "--by", "ZD-01"], says: "you are ZF-02, not ZD-01 (--by)")
            let freeText = try admin.run(["op", "approve", op, "--by", "乌苏市交通运输局局长 赵刚（SP-01）", "--on-behalf-of", "ZD-01"])
            #expect(freeText.errorLines == ["jointops: no officer has the id 乌苏市交通运输局局长 赵刚（SP-01）: see the registered "
                + "officers with `jointops officer list`, or register one with "
                + "`jointops officer register OFFICER-ID --name NAME --agency AGENCY`"])
            try admin.ok(["op", "approve", op, "--by", "ZD-01", "--on-behalf-of", "ZD-01"])

            let raised = try officer.ok(["rectify", "raise", "--description", "询问笔录缺少签名", "--found-by", "市司法局",
                                         "--found-during", "caseFileAudit"])
            let item = String(raised.stdout.prefix(while: { $0 != ":" }))
            try Self.refused(officer, database, ["rectify", "issue-opinion", item, "--opinion", "限期整改", "--issued-by", "FZ-01"],
                             says: "you are ZF-02, not FZ-01 (--issued-by)")
            try officer.ok(["rectify", "issue-opinion", item, "--opinion", "限期整改", "--issued-by", "ZF-02"])
        }
    }

    @Test func anOfficerActsOnlyForTheirOwnAgency() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let officer = try Self.boundOfficer(database, login: login)
            let admin = CLIRunner(database: database)
            let says = "ZF-02 is an officer of WSZD, not of WSJJ, and may not act for it"
            let lead = ["case", "receive-lead", "--agency", "WSJJ", "--source", "complaint", "--summary", "群众举报黑车"]
            try Self.refused(officer, database, lead, says: says)
            let referral = ["referral", "send", "--kind", "agencyToAgency", "--from", "WSJJ", "--to", "WSZD", "--subject", "占道经营"]
            try Self.refused(officer, database, referral, says: says)
            try Self.refused(officer, database, ["outreach", "record", "--event", "交通安全宣传", "--place", "乌苏市人民广场",
                                                 "--agency", "WSJJ", "--leaflets", "200", "--date", Self.day(0)], says: says)
            try Self.refused(admin, database, lead + ["--on-behalf-of", "ZF-01"], says: "ZF-01 is an officer of WSZD, not of WSJJ")
            try admin.ok(lead + ["--on-behalf-of", "JJ-01"])
            let sent = try admin.ok(referral + ["--on-behalf-of", "JJ-01"])
            let id = String(sent.stdout.prefix(while: { $0 != ":" }))
            // The receiving agency answers: its own officer, by id.
            try Self.refused(admin, database, ["referral", "accept", id, "--accepted-by", "JJ-01", "--on-behalf-of", "JJ-01"],
                             says: "officer JJ-01 does not belong to WSZD")
            try officer.ok(["referral", "accept", id, "--accepted-by", "ZF-02"])
        }
    }

    @Test func aBindingIsEndedByAnAdministratorAndTheLoginBoundAnew() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            let officer = try Self.boundOfficer(database, login: login)
            let admin = CLIRunner(database: database)
            let moved = try admin.run(["officer", "bind", "ZF-01", "--login", login])
            #expect(moved.status == 4)
            #expect(moved.errorLines == ["jointops: login \(login) is already bound to officer ZF-02: if it now belongs to "
                + "someone else, end that binding with `jointops officer unbind ZF-02`, then bind it again"])
            let unbound = try admin.ok(["officer", "unbind", "ZF-02"])
            #expect(unbound.stdout.contains(": 解除登录账号绑定 → "), "\(unbound.stdout)")
            // A login that is no administrator's is told how to get bound again.
            let refused = try officer.run(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "黑车"])
            #expect(refused.stderr.contains("is bound to no officer, so it may not record: ask the cluster's owner to run "
                                            + "`jointops officer bind OFFICER-ID --os-user $(whoami)`"), "\(refused.stderr)")
            try admin.ok(["officer", "bind", "ZF-01", "--login", login])
            try officer.ok(["case", "receive-lead", "--agency", "WSZD", "--source", "complaint", "--summary", "黑车"])
            #expect(try OfficerBindingTests.actors(database, type: "CaseLeadReceived") == ["ZF-01 login=\(login)"])
            try Self.refused(admin, database, ["officer", "unbind", "ZF-09"], says: "no login is bound to officer ZF-09")
        }
    }
}
