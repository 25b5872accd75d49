import Foundation
import JointOps
import Testing

/// Issue 14, points 2 and 4, without a database: each report's default column set (``ReportColumnSets``), how
/// `--columns` picks, how `--describe` marks the defaults, and booleans as people and programs read them.
@Suite struct ReportColumnSetTests {
    @Test(arguments: ReportingViews.names)
    func everyReportHasADefaultSetOfItsOwnColumnsThatKeepsItsKey(_ name: String) throws {
        let defaults = try #require(ReportColumnSets.defaults(of: name), "\(name) has no default column set")
        let view = try #require(ReportingViews.view(named: name))
        let columns = ReportColumn.of(view)
        let unknown = defaults.filter { column in !columns.contains { $0.name == column } }
        #expect(unknown.isEmpty, "\(name) names columns it does not have: \(unknown)")
        let key = try #require(ReportKey.of(name)).columns
        #expect(Set(key).isSubset(of: defaults), "\(name) leaves out key columns \(Set(key).subtracting(defaults))")
        #expect(Set(defaults).count == defaults.count, "\(name) names a column twice")
        // A code column is named by its code (the table shows its label under that name), never by its label alone.
        let labelsAlone = columns.filter { label in label.labels.map { defaults.contains(label.name) && !defaults.contains($0) } == true }
        #expect(labelsAlone.isEmpty, "\(name): \(labelsAlone.map(\.name))")
    }

    @Test func theReadmeNamesCaseRegistersDefaultColumnsAsTheCodeHasThem() throws {
        let readme = try String(contentsOf: ReportSchemaTests.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let flat = readme.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let defaults = try #require(ReportColumnSets.defaults(of: "case_register"))
        #expect(flat.contains("`case_register`: \(defaults.joined(separator: ", "))), with a one-line note"), "README is stale")
    }

    @Test func onlyTheReportsViewsHaveDefaultSets() {
        for name in ReportingViews.names { #expect(ReportColumnSets.defaults(of: name) != nil) }
        #expect(ReportColumnSets.defaults(of: "annual") == nil && ReportColumnSets.defaults(of: "case_registr") == nil)
    }

    /// `case_register`'s columns, one row, as `ReportQuery` types them.
    static func register() throws -> Table {
        let view = try #require(ReportingViews.view(named: "case_register"))
        let columns = ReportColumn.of(view)
        let values: [String: String] = ["case_id": "CASE-2023-0001", "sector": "blackCar", "sector_zh": "非法营运（黑车）",
                                        "hearing_held": "true", "published": "false", "accepted_on": "2023-01-09"]
        var kinds = columns.map { _ in ColumnKind.text }
        for (index, column) in columns.enumerated() {
            if column.codes != nil { kinds[index] = .code }
            if ["hearing_held", "published", "overdue"].contains(column.name) { kinds[index] = .boolean }
        }
        return Table(columns.map(\.name), rows: [columns.map { values[$0.name] ?? "" }], kinds: kinds)
    }

    @Test func columnsPicksInItsOrderAndACodeBringsItsLabel() throws {
        let picked = try ReportColumnChoice.picked(["sector", "case_id", "hearing_held"]).apply(to: Self.register(), report: "case_register")
        #expect(picked.headers == ["sector", "sector_zh", "case_id", "hearing_held"])
        let table = picked.rendered(as: .table, width: nil)
        #expect(table.hasPrefix("sector            case_id         hearing_held\n"), "\(table)")
        #expect(table.contains("非法营运（黑车）  CASE-2023-0001  是") && !table.contains("blackCar"), "\(table)")
        #expect(throws: TableError.self) { try ReportColumnChoice.picked(["case_id", "title"]).apply(to: Self.register(), report: "case_register") }
        // The annual statistics' metric is labelled by label_zh, not metric_zh.
        let view = try #require(ReportingViews.view(named: "annual_statistics"))
        let statistics = Table(ReportColumn.of(view).map(\.name), rows: [["2023", "1", "enforcement", "行政执法", "cases", "受理案件", "Cases", "234"]])
        #expect(try ReportColumnChoice.picked(["metric", "value"]).apply(to: statistics, report: "annual_statistics").headers
                == ["metric", "label_zh", "value"])
    }

    @Test func aTableShowsTheDefaultSetAndCSVAndJSONEveryColumn() throws {
        let table = try Self.register()
        #expect(ReportColumnChoice(columns: nil, wide: false, format: .table) == .defaults)
        #expect(ReportColumnChoice(columns: nil, wide: true, format: .table) == .all)
        #expect(ReportColumnChoice(columns: nil, wide: false, format: .csv) == .all)
        #expect(ReportColumnChoice(columns: nil, wide: false, format: .json) == .all)
        #expect(ReportColumnChoice(columns: ["case_id"], wide: true, format: .json) == .picked(["case_id"]))
        let shown = try ReportColumnChoice.defaults.apply(to: table, report: "case_register")
        #expect(shown.forPeople.headers == ["accepted_on", "case_id", "agency", "sector", "stage", "fine_yuan", "next_due", "overdue",
                                            "party_name"])
        #expect(try ReportColumnChoice.all.apply(to: table, report: "case_register") == table)
        let note = try #require(ReportColumnChoice.defaults.note(report: "case_register"))
        #expect(note.hasPrefix("showing 9 of 33 columns; --wide shows them all"), "\(note)")
        #expect(ReportColumnChoice.defaults.note(report: "agencies") == nil, "a set of every column leaves nothing out")
        #expect(ReportColumnChoice.all.note(report: "case_register") == nil)
    }

    @Test func describeMarksTheDefaultColumnsAndTheirLabels() throws {
        let description = try #require(ReportDescription("case_register"))
        #expect(description.key == ["accepted_on", "case_id"])
        #expect(description.defaults.isSuperset(of: ["case_id", "sector", "sector_zh", "stage", "stage_zh"]))
        #expect(!description.defaults.contains("penalty_zh") && !description.defaults.contains("party_id"))
        let rows = description.table.forPeople.rows
        #expect(rows.first { $0[0] == "sector_zh" }?[1] == "是" && rows.first { $0[0] == "party_id" }?[1] == "否")
        let json = description.json.rendered()
        #expect(json.contains(#"{"name": "sector", "default": true"#) && json.contains(#"{"name": "party_id", "default": false"#), "\(json)")
        #expect(description.heading.contains { $0.hasPrefix("a table shows 9 of its 33 columns") }, "\(description.heading)")
    }

    @Test func describeAnnualNamesTheMembersOfItsJSONDocument() throws {
        let annual = try #require(ReportDescription("annual"))
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: JSONSchemaTests.schemas
            .appendingPathComponent("report-annual.schema.json"))) as? [String: Any])
        #expect(annual.columns.map(\.name) == schema["required"] as? [String])
        #expect(annual.writes == ["annual-YEAR.md", "annual-YEAR.html", "annual-YEAR.docx"] && annual.key.isEmpty)
    }

    @Test func booleansArePeoplesYesAndNoAndProgramsTrueAndFalse() throws {
        let table = Table(["id", "long_standing", "corrected"], rows: [["PET-2023-0001", "true", "f"], ["PET-2023-0002", "false", ""]],
                          kinds: [.text, .boolean, .boolean])
        let shown = table.rendered(as: .table, width: nil)
        let rows = shown.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows == [["PET-2023-0001", "是", "否"], ["PET-2023-0002", "否"]], "\(shown)")
        #expect(table.rendered(as: .csv) == "id,long_standing,corrected\r\nPET-2023-0001,true,f\r\nPET-2023-0002,false,\r\n")
        #expect(table.rendered(as: .json).contains(#""long_standing": true, "corrected": false"#))
        let officer = Table.keyValue([.plain("id", "ZF-01"), .flag("certified now", true)])
        #expect(officer.rendered(as: .table, width: nil).contains("certified now  是"))
        #expect(officer.rendered(as: .csv).contains("certified now,true\r\ncertified now_zh,是\r\n"))
    }
}
