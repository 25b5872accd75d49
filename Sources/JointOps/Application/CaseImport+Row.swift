import Enforcement
import Foundation

/// One row's values by column, turned into an `ImportedCase` or a `CaseImport.RowError` naming the column.
struct RowFields {
    typealias Column = CaseImport.Column
    var values: [Column: String]

    func importedCase(file: String, line: Int) throws(CaseImport.RowError) -> ImportedCase {
        let kind = try choice(.partyKind, PartyKind.self) ?? .individual
        let party = Party(nameZh: values[.partyName] ?? "", kind: kind, partyId: values[.partyId] ?? "")
        guard let sector = try choice(.sector, Sector.self) else { throw missing(.sector) }
        guard let actDate = try date(.actDate) else { throw missing(.actDate) }
        let act = Act(date: actDate, placeZh: values[.place] ?? "", sector: sector,
                      descriptionZh: values[.description] ?? "", plate: values[.plate])
        var row = ImportedCase(caseId: "", agency: values[.agency] ?? "", party: party, act: act,
                               filedOn: try date(.filedOn), decisionNumber: values[.decisionNumber],
                               decidedOn: try date(.decidedOn), servedOn: try date(.servedOn),
                               publishedOn: try date(.publishedOn), paidOn: try date(.paidOn),
                               closedOn: try date(.closedOn), source: try choice(.source, LeadSource.self),
                               fileName: file, line: line)
        row.penalty = try penalty()
        let decisionColumns: [Column] = [.legalBasis, .penaltyTypes, .fine, .decisionNumber, .decidedOn]
        if row.penalty != nil || decisionColumns.contains(where: { values[$0] != nil }) {
            // A decision is whole or absent: its basis, date and number identify it in court and in the register.
            for column in [Column.legalBasis, .decidedOn, .decisionNumber] where values[column] == nil {
                throw CaseImport.RowError(message: "the row records a decision but \(name(column)) is empty; fill it or clear the decision's columns")
            }
        } else {
            for column in [Column.servedOn, .publishedOn, .paidOn] where values[column] != nil {
                throw CaseImport.RowError(message: "\(name(column)) is filled but the row records no decision; fill the decision's columns (\(name(.legalBasis)), \(name(.decidedOn)), \(name(.decisionNumber))) or clear it")
            }
        }
        if values[.paidOn] != nil, (row.penalty?.fineYuan ?? 0) == 0 {
            throw CaseImport.RowError(message: "\(name(.paidOn)) is filled but the decision has no fine; clear it or fill \(name(.fine))")
        }
        return row
    }

    /// The penalty: types separated by ; 、 or |, as codes (fine) or labels (罚款); a fine alone when only the
    /// amount is given; a warning when only the basis is.
    private func penalty() throws(CaseImport.RowError) -> Penalty? {
        guard let basis = values[.legalBasis] else { return nil }
        let fine = try yuan(.fine)
        var types: [PenaltyType] = []
        for part in (values[.penaltyTypes] ?? "").split(whereSeparator: { ";；、|".contains($0) }) {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let type = PenaltyType.allCases.first(where: { $0.rawValue == text || $0.labelZh == text }) else {
                throw CaseImport.RowError(message: "\(name(.penaltyTypes)) `\(text)` is not a penalty type; use one of "
                    + PenaltyType.allCases.map { "\($0.labelZh) (\($0.rawValue))" }.joined(separator: ", "))
            }
            types.append(type)
        }
        if types.isEmpty { types = fine > 0 ? [.fine] : [.warning] }
        return Penalty(types: types, fineYuan: fine, legalBasisId: basis)
    }

    private func date(_ column: Column) throws(CaseImport.RowError) -> LocalDate? {
        guard let text = values[column] else { return nil }
        // Spreadsheets often save 2026/3/5; the register's meaning is the same day.
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        if let date = LocalDate(iso: text) { return date }
        if parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], let date = LocalDate(year: y, month: m, day: d) {
            return date
        }
        throw CaseImport.RowError(message: "\(name(column)) `\(text)` is not a date; write YYYY-MM-DD, e.g. 2026-03-05")
    }

    /// Whole yuan, 0 when empty; the bound keeps a mistyped amount from reaching the reports (no band is higher).
    private func yuan(_ column: Column) throws(CaseImport.RowError) -> Int {
        guard let text = values[column] else { return 0 }
        guard let amount = Int(text.replacingOccurrences(of: ",", with: "")), amount >= 0, amount <= 100_000_000 else {
            throw CaseImport.RowError(message: "\(name(column)) `\(text)` is not an amount; write whole yuan from 0 to 100000000, e.g. 5000")
        }
        return amount
    }

    private func choice<T: Labelled & RawRepresentable & CaseIterable>(_ column: Column, _ type: T.Type) throws(CaseImport.RowError) -> T?
        where T.RawValue == String {
        guard let text = values[column] else { return nil }
        // The everyday word in a label's brackets is read too: 黑车 for 非法营运（黑车）.
        if let value = T.named(text) ?? T.allCases.first(where: { $0.labelZh.contains("（\(text)）") }) {
            return value
        }
        throw CaseImport.RowError(message: "\(name(column)) `\(text)` is not known; use one of "
            + T.allCases.map { "\($0.labelZh) (\($0.rawValue))" }.joined(separator: ", "))
    }

    private func missing(_ column: Column) -> CaseImport.RowError {
        CaseImport.RowError(message: "\(name(column)) is empty; fill it")
    }

    private func name(_ column: Column) -> String { "\(column.headerZh) (\(column.rawValue))" }
}
