import Foundation
import Testing
import TestSupport

/// Issue 15: the new commands that read or name refuse bad input in one line (usage or rule), and read when
/// the input is good — the writing commands' refusals are in RuleOfLawCLITests and YearRecordCLITests.
@Suite struct RuleOfLawReadRefusalTests {
    static let refusals: [[String]] = [
        ["activity", "list", "--kind", "不存在"], ["commitment", "list", "--year", "12345"],
        ["audit", "list", "--year", "-3"], ["activity", "list", "--year", "20233"],
        ["counsel", "list", "--year", "0"], ["petition", "list", "--resolved-in", "1066"], ["audit", "show", "AUDIT-2023-9999"], ["audit", "show", "审计一"],
        ["counsel", "list", "--kind", "nonsense"], ["petition", "list", "--resolved-in", "abc"],
        ["agency", "bureau", "NOPE", "--on-behalf-of", "JT-ADMIN"],
    ]

    @Test(arguments: refusals)
    func aBadArgumentIsRefusedInOneLine(_ command: [String]) throws {
        let cli = try DemoOutput.cli()
        let result = try cli.run(command)
        #expect([2, 3].contains(result.status), "\(command): exit \(result.status)")
        #expect(result.errorLines.count == 1 && result.stdout.isEmpty, "\(command): \(result.stderr)")
    }

    @Test func theSameCommandsReadTheDemoYear() throws {
        let cli = try DemoOutput.cli()
        #expect(try cli.ok(["activity", "list", "--kind", "党组会"]).stdout.contains("党组会"))
        #expect(try cli.ok(["commitment", "list", "--year", "2023"]).stdout.contains("道路运输经营许可"))
        #expect(try cli.ok(["audit", "show", "AUDIT-2023-0001"]).stdout.contains("AUDIT-2023-0001"))
        #expect(try cli.ok(["counsel", "list", "--kind", "重大项目"]).stdout.contains("重大项目"))
        #expect(try cli.ok(["petition", "list", "--resolved-in", "2023"]).stdout.contains("PET-2023-"))
    }
}
