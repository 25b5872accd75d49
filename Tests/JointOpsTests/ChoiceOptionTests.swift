import ArgumentParser
import Enforcement
import JointOps
@testable import JointOpsCLI
import Testing
import TestSupport

/// Enumeration options list their values with Chinese labels in `--help`, take a code or a label, and refuse
/// anything else while parsing (exit 2 through the binary, see BadInputTests).
@Suite struct ChoiceOptionTests {
    static let fileCase = ["case", "file", "--agency", "WSJJ", "--approved-by", "O-01", "--party-name", "马某",
                           "--party-id", "650203199001011234", "--act-date", "2023-04-19", "--act-place", "乌苏市",
                           "--description", "未取得道路运输经营许可从事客运"]

    @Test func helpListsEveryValueWithItsChineseLabel() {
        let help = JointOpsCommand.helpMessage(for: CaseCommandGroup.File.self)
        for sector in Sector.allCases {
            #expect(help.contains(sector.rawValue) && help.contains(sector.labelZh), "\(sector)")
        }
        for kind in PartyKind.allCases { #expect(help.contains(kind.labelZh), "\(kind)") }
    }

    @Test func aValueIsTakenByItsCodeInAnyCaseOrByItsLabel() throws {
        for spelling in ["blackCar", "BLACKCAR", "非法营运（黑车）"] {
            let parsed = try JointOpsCommand.parseAsRoot(Self.fileCase + ["--sector", spelling, "--party-kind", "自然人"])
            let file = try #require(parsed as? CaseCommandGroup.File)
            #expect(file.partyAct.sector == .blackCar)
            #expect(file.partyAct.partyKind == .individual)
        }
    }

    @Test func anUnknownValueIsRefusedWhileParsing() {
        #expect(throws: (any Error).self) { try JointOpsCommand.parseAsRoot(Self.fileCase + ["--sector", "bus"]) }
    }

    @Test(arguments: [AgencyKind.allCases.map(\.labelZh), LeadSource.allCases.map(\.labelZh),
                      EvidenceKind.allCases.map(\.labelZh), PenaltyType.allCases.map(\.labelZh),
                      NoPenaltyReason.allCases.map(\.labelZh), ServiceMethod.allCases.map(\.labelZh),
                      PaymentChannel.allCases.map(\.labelZh), ReferralKind.allCases.map(\.labelZh),
                      FoundDuring.allCases.map(\.labelZh), CaseState.Status.allCases.map(\.labelZh),
                      OperationState.Status.allCases.map(\.labelZh)])
    func labelsWithinAnEnumerationAreDistinct(labels: [String]) {
        #expect(Set(labels).count == labels.count)
    }
}

/// Short names from the glossary (`--sector 黑车`) are taken wherever a choice is parsed, and never clash.
@Suite struct ChoiceAliasTests {
    @Test func aValueIsTakenByItsShortName() throws {
        for (spelling, sector) in [("黑车", Sector.blackCar), ("出租车", .taxi), ("两客一危", .keyVehicles), ("驾培", .drivingSchool)] {
            let parsed = try JointOpsCommand.parseAsRoot(ChoiceOptionTests.fileCase + ["--sector", spelling, "--party-kind", "individual"])
            #expect((parsed as? CaseCommandGroup.File)?.partyAct.sector == sector, "\(spelling)")
        }
        #expect(AgencyKind(argument: "交警") == .police && LeadSource(argument: "举报") == .complaint)
        #expect(JointOpsCommand.helpMessage(for: CaseCommandGroup.File.self).contains("黑车"))
    }

    @Test func noShortNameNamesTwoValuesOrAnotherValuesLabelOrCode() {
        func check<T: Choice & Labelled & Aliased>(_ type: T.Type) {
            let spellings = T.allCases.flatMap { [$0.rawValue.lowercased(), $0.labelZh] + $0.aliasesZh }
            #expect(Set(spellings).count == spellings.count, "\(T.self): \(spellings)")
        }
        check(Sector.self)
        check(AgencyKind.self)
        check(LeadSource.self)
    }
}

/// The same reading where a coded value is typed outside an option list: a correction stores the code, shows the label.
@Suite struct CorrectionAliasTests {
    @Test func aSectorCorrectedByItsShortNameIsStoredAsItsCode() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            let id = try ViewSupport.filedToday(cli, sector: "出租车")
            try cli.ok(["case", "correct", id, "--field", "sector", "--value", "黑车", "--reason", "行业录入错误"])
            let fields = try ViewSupport.show(cli, id)
            #expect(fields["sector"] == "blackCar" && fields["sector_zh"] == "非法营运（黑车）", "\(fields)")
            #expect(fields["correction 1"]?.contains("更正 行业: 巡游出租汽车 → 非法营运（黑车）") == true, "\(fields)")
        }
    }
}
