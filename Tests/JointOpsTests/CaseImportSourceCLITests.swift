import Enforcement
import Foundation
@testable import JointOps
import Testing
import TestSupport

/// Issue 14, point 1, for `case import`: a register's 案件来源 column (or `source`) gives each case its source;
/// a row whose register records none is counted as imported, and an unknown source refuses that row alone.
@Suite struct CaseImportSourceCLITests {
    static let register = [
        "案件编号,执法机构,行业,当事人,证件号码,违法日期,地点,违法事实,立案日期,source",
        "乌交执〔2026〕011号,WSZD,黑车,马某,654202199001011234,2026-01-08,乌苏市火车站广场,非法载客,2026-01-09,投诉",
        "乌交执〔2026〕012号,WSZD,黑车,李某,654202198505052345,2026-02-14,乌苏市汽车客运站,非法载客,2026-02-15,",
        "乌交执〔2026〕013号,WSZD,黑车,赵某,654202199103033456,2026-03-01,乌苏市奎屯路,非法载客,2026-03-02,路人告知",
    ].joined(separator: "\r\n") + "\r\n"

    @Test func eachImportedCaseHasTheRegistersSourceOrCountsAsImported() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let run = try cli.run(["case", "import", try CaseImportCLITests.file(Self.register), "--format", "csv"])
            #expect(run.status == 3, "\(run.stderr)")
            let lines = CaseImportCLITests.report(run)
            #expect(lines[2]?.prefix(2) == ["imported", "CASE-2026-0001"] && lines[3]?.prefix(2) == ["imported", "CASE-2026-0002"])
            #expect(lines[4]?.first == "refused" && lines[4]?.last?.contains("案件来源 (source) `路人告知` is not known; "
                                                                             + "use one of 检查发现 (inspection)") == true, "\(lines)")
            let register = try ViewSupport.report(cli, "case_register")
            #expect(register.map { [$0["case_id"], $0["source"], $0["source_zh"]] }
                    == [["CASE-2026-0001", "complaint", "投诉举报"], ["CASE-2026-0002", "imported", "导入案件"]], "\(register)")
            #expect(try ViewSupport.show(cli, "CASE-2026-0001")["source_zh"] == "投诉举报")
        }
    }
}

/// A register row's command id stands for the row as read: a row without a source keeps the identity it had before
/// registers could carry one (importing an old file again is a retry), and a source is part of a row that has one.
@Suite struct ImportedRowIdentityTests {
    static let row = ImportedCase(caseId: "CASE-2026-0001", agency: "WSZD",
                                  party: Party(nameZh: "马某", kind: .individual, partyId: "654202199001011234"),
                                  act: Act(date: LocalDate(iso: "2026-01-08")!, placeZh: "乌苏市火车站广场", sector: .blackCar,
                                           descriptionZh: "非法载客"),
                                  filedOn: LocalDate(iso: "2026-01-09"), fileName: "登记簿.csv", line: 2)

    @Test func aRowWithoutASourceIsDescribedAsBeforeAndASourceChangesTheRow() {
        let without = Application.givenCommand(for: Self.row).arguments
        #expect(!without.contains("source"))
        #expect(without.contains("closedOn: nil, fileName: \"\", line: 0)"), "\(without)")
        var sourced = Self.row
        sourced.source = .complaint
        let with = Application.givenCommand(for: sourced).arguments
        #expect(with != without && with.contains("source: Optional(Enforcement.LeadSource.complaint)"), "\(with)")
    }
}
