import Foundation
import Testing
import TestSupport

/// A report asked for wrongly says so in one line (the try-out of issue 11): an agency that does not exist is
/// not an empty table, and a folder that cannot be written is named with what to do.
@Suite struct ReportInputTests {
    @Test func aReportFilteredByAnAgencyThatDoesNotExistSaysSoInsteadOfPrintingNothing() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            try CLIEndToEndTests.registry(cli)
            for report in ["case_register", "agency_outcomes", "publication_rate"] {
                let result = try cli.run(["report", report, "--agency", "NOPE"])
                #expect(result.status == 2, "\(report): \(result.stdout)\(result.stderr)")
                #expect(result.stdout.isEmpty)
                #expect(result.errorLines == ["jointops: no agency has the code NOPE; choose one of: WSJJ, WSJT, WSZD "
                                              + "(agency list shows their names)"], "\(result.stderr)")
            }
            #expect(try cli.ok(["report", "case_register", "--agency", "WSZD"]).status == 0, "a registered agency still filters")
        }
    }

    @Test func anAnnualReportIntoAFolderThatCannotBeWrittenNamesTheFolderAndWhatToDo() throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let result = try cli.run(["report", "annual", "--year", "2026", "--output-dir", "/proc"])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.errorLines.count == 1, "\(result.stderr)")
            let line = result.errorLines.first ?? ""
            #expect(line.hasPrefix("jointops: cannot write the annual report into the folder /proc"), "\(line)")
            #expect(line.hasSuffix("name a folder you may write to with --output-dir"), "\(line)")
            #expect(!line.contains("could not be completed"), "\(line)")
        }
    }
}
