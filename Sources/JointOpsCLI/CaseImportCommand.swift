import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension CaseCommandGroup {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a case register kept before JointOps (导入), one imported case history per row.",
            discussion: Help.discussion("""
                The file is CSV, UTF-8 with or without BOM (Excel: save as "CSV UTF-8"). The first line names the \
                columns, in Chinese or English, in any order; * marks the required ones.
                  案件编号   case_number      CASE-YYYY-NNNN is kept as the id; empty or the bureau's own number: allocated
                * 执法机构   agency           agency code, e.g. WSZD
                * 行业       sector           黑车 (blackCar), 巡游出租汽车 (taxi), 网约车 (rideHailing), …
                * 当事人     party_name
                  当事人类型 party_kind       自然人 (individual, the default) or 法人或其他组织 (organisation)
                * 证件号码   party_id         ID-card number, credit code, or the plate if the driver is unknown
                * 违法日期   act_date         YYYY-MM-DD (2026/3/5 is read too)
                * 地点       place
                * 违法事实   description
                  车牌       plate            新G·12345
                  立案日期   filed_on
                  法律依据   legal_basis      e.g. RTR-63 (see `jointops law list`)
                  处罚种类   penalty_types    罚款;没收非法财物 or fine;confiscationOfProperty (default: fine when an amount is given)
                  罚款金额   fine_yuan        whole yuan
                  决定书文号 decision_number
                  决定日期   decided_on
                  送达日期   served_on
                  公示日期   published_on
                  缴款日期   paid_on          the fine paid in full
                  结案日期   closed_on
                  案件来源   source           检查发现 (inspection), 投诉举报 (complaint), …; empty: counted as imported
                A decision needs its basis, date and number; service, publication and payment need a decision. \
                Each row is checked as a decision would be: the basis fits the sector and governs the act on the day \
                of the decision, the dates are in order and not after today, the act was not fined or filed by \
                another case (APL 29, 25), the decision number is free. A refused row writes nothing and the other \
                rows still import. Importing the same file again imports nothing twice. Dates the register lacks are \
                not known: such a case is neither on time nor late in the reports. Example: \
                examples/case-register-2026.csv.
                Exit status: 0 when every row is imported (or was before), 3 when any row is refused, 2 when the \
                file cannot be read or lacks a required column (nothing is imported then).
                """, examples: "jointops case import examples/case-register-2026.csv",
                "jointops case import 乌苏市案件登记簿2025.csv --format csv > 导入结果.csv"))
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var options: WriteOptions

        func run() throws {
            let report = try connectedApplication().importCases(path: file, request: try options.request())
            let rows = report.lines.map { line -> [String] in
                switch line.outcome {
                case .imported(let id): [String(line.number), "imported", id, ""]
                case .alreadyImported(let id): [String(line.number), "alreadyImported", id, "imported before; nothing written"]
                case .refused(let error): [String(line.number), "refused", "", Self.reason(error)]
                }
            }
            if options.format == .table {
                // One whole line per row, never cut to the terminal: the reason is what the officer must correct. People
                // read the result's label (programs read the code, in CSV and JSON).
                for row in rows {
                    let result = Self.resultZh[row[1]] ?? row[1]
                    print("line \(row[0]): \(result)\(row[2].isEmpty ? "" : " \(row[2])")\(row[3].isEmpty ? "" : ": \(row[3])")")
                }
            } else {
                emit(Table(["line", "result", "case", "reason"], rows: rows), options.format)
            }
            let summary = "\(report.importedCount) imported, \(report.alreadyImportedCount) imported before, "
                + "\(report.refusedCount) refused"
            guard report.refusedCount == 0 else {
                throw UserFacingError("\(summary): correct the refused lines and import the file again "
                                      + "(imported rows are not imported twice)", status: .ruleRefused)
            }
            if options.format == .table { print(summary) }
        }

        /// A row's result as the table shows it.
        static let resultZh = ["imported": "已导入", "alreadyImported": "此前已导入", "refused": "未导入"]

        static func reason(_ error: any Error) -> String {
            if let error = error as? CaseImport.RowError { return error.message }
            return UserFacingError(translating: error, rendering: StepSpelling.text).message
        }
    }
}
