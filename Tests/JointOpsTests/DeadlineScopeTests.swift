import JointOps
@testable import JointOpsCLI
import Testing

/// Which commands wait for the database at most `JOINTOPS_STATEMENT_TIMEOUT` (issue 13 point 4).
@Suite struct DeadlineScopeTests {
    @Test(arguments: [
        (["project", "run"], true), (["project", "rebuild", "all"], true), (["db", "migrate"], true), (["demo"], true),
        (["calendar", "import", "x.csv"], true), (["case", "import", "x.csv"], true),
        (["agency", "list"], false), (["report", "case_register"], false), (["project", "status"], false),
        (["db", "status"], false), (["verify"], false),
    ])
    func onlyWorkThatIsLongByNatureRunsWithoutADeadline(_ arguments: [String], _ unlimited: Bool) throws {
        #expect(CommandLineTool.runsWithoutDeadline(try JointOpsCommand.parseAsRoot(arguments)) == unlimited)
    }
}
