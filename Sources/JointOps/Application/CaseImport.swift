import Enforcement
import Foundation

/// Reads a case register kept before JointOps (a spreadsheet saved as CSV) into rows to import.
///
/// UTF-8 with or without a byte-order mark; the first line names the columns, in Chinese or English, in any
/// order (``Column``). A file that cannot be read or lacks a required column is refused whole; a row that
/// cannot be read (a malformed date or amount, an unknown sector) is refused alone, with its line number.
public enum CaseImport {
    /// A column of the register: its English header (the code) and its Chinese one.
    public enum Column: String, CaseIterable, Sendable {
        case caseNumber = "case_number", agency, sector, partyName = "party_name", partyKind = "party_kind"
        case partyId = "party_id", actDate = "act_date", place, description, plate, filedOn = "filed_on"
        case legalBasis = "legal_basis", penaltyTypes = "penalty_types", fine = "fine_yuan"
        case decisionNumber = "decision_number", decidedOn = "decided_on", servedOn = "served_on"
        case publishedOn = "published_on", paidOn = "paid_on", closedOn = "closed_on", source

        public var headerZh: String {
            switch self {
            case .caseNumber: "案件编号"
            case .agency: "执法机构"
            case .sector: "行业"
            case .partyName: "当事人"
            case .partyKind: "当事人类型"
            case .partyId: "证件号码"
            case .actDate: "违法日期"
            case .place: "地点"
            case .description: "违法事实"
            case .plate: "车牌"
            case .filedOn: "立案日期"
            case .legalBasis: "法律依据"
            case .penaltyTypes: "处罚种类"
            case .fine: "罚款金额"
            case .decisionNumber: "决定书文号"
            case .decidedOn: "决定日期"
            case .servedOn: "送达日期"
            case .publishedOn: "公示日期"
            case .paidOn: "缴款日期"
            case .closedOn: "结案日期"
            case .source: "案件来源"
            }
        }

        /// Columns a file must have: who, what, where and when of the act, and the agency holding the case.
        public static let required: [Column] = [.agency, .sector, .partyName, .partyId, .actDate, .place, .description]

        /// The column a header names, in either language.
        static func named(_ header: String) -> Column? {
            let text = header.trimmingCharacters(in: .whitespaces)
            return allCases.first { $0.rawValue == text.lowercased() || $0.headerZh == text }
        }
    }

    /// A data line of the file: the row read, or why it could not be.
    public struct Line: Sendable {
        public var number: Int
        public var row: Result<ImportedCase, RowError>
        /// The register's own case number when it is not a JointOps id (kept, not used as the id).
        public var caseNumber: String?
    }

    /// Why a row could not be read: one sentence saying what to correct.
    public struct RowError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The file's rows, each read or refused.
    /// - Throws: `UserFacingError` (usage) for a file that cannot be read or lacks a required column.
    public static func read(path: String) throws -> [Line] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFacingError.usage("cannot import \(path): the file does not exist or cannot be read; check the path")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw UserFacingError.usage("cannot import \(path): it is not UTF-8 text; save the sheet as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let records = CSVRecords.parse(text).filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = records.first else {
            throw UserFacingError.usage("cannot import \(path): it is empty; the first line names the columns (see `jointops case import --help`)")
        }
        var columns: [Column] = []
        for name in header.fields {
            guard let column = Column.named(name) else {
                throw UserFacingError.usage("cannot import \(path): column `\(name)` is not known; use the columns "
                                            + "`jointops case import --help` lists (Chinese or English)")
            }
            guard !columns.contains(column) else {
                throw UserFacingError.usage("cannot import \(path): column \(column.headerZh) (\(column.rawValue)) appears twice; keep one")
            }
            columns.append(column)
        }
        let missing = Column.required.filter { !columns.contains($0) }
        guard missing.isEmpty else {
            let names = missing.map { "\($0.headerZh) (\($0.rawValue))" }.joined(separator: ", ")
            throw UserFacingError.usage("cannot import \(path): required column missing: \(names); add it to the first line")
        }
        let file = URL(fileURLWithPath: path).lastPathComponent
        return records.dropFirst().map { record in
            guard record.fields.count == columns.count else {
                return Line(number: record.line, row: .failure(RowError(message:
                    "it has \(record.fields.count) fields but the header names \(columns.count) columns; check for a stray comma or a missing quote")))
            }
            var values: [Column: String] = [:]
            for (column, value) in zip(columns, record.fields) {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { values[column] = trimmed }
            }
            let fields = RowFields(values: values)
            do {
                return Line(number: record.line, row: .success(try fields.importedCase(file: file, line: record.line)),
                            caseNumber: values[.caseNumber])
            } catch let error as RowError {
                return Line(number: record.line, row: .failure(error))
            } catch {
                return Line(number: record.line, row: .failure(RowError(message: "\(error)")))
            }
        }
    }
}
