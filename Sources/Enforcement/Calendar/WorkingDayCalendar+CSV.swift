import Foundation

extension WorkingDayCalendar {
    /// Parses an official notice typed up as CSV.
    ///
    /// ```
    /// jurisdiction,date,kind,source
    /// national,2026-01-01,holiday,国务院办公厅 2025-11-04 关于2026年部分节假日安排的通知
    /// xinjiang,2026-03-20,regionalHoliday,"自治区人民政府办公厅 2026, 肉孜节"
    /// ```
    /// An optional fifth column `notice_year` says which year's notice lists the day when it is not
    /// the date's own year (see ``CalendarEntry/init(jurisdiction:date:kind:source:noticeYear:)``).
    /// Fields may be double-quoted to contain commas. Blank lines and lines starting with `#` are
    /// skipped. The whole file is rejected at its first bad line.
    /// - Throws: ``CalendarImportError`` naming the line number and what is wrong.
    public static func parseCSV(_ text: String) throws(CalendarImportError) -> [CalendarEntry] {
        var entries: [CalendarEntry] = []
        var columns: Int?
        var seen: [String: (kind: CalendarDayKind, line: Int)] = [:]
        // "\r\n" is one Character in Swift, so split on any newline rather than on "\n".
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = try splitFields(line, lineNumber: lineNumber)
            guard let expected = columns else {
                let header = fields.map { $0.lowercased() }
                guard header == ["jurisdiction", "date", "kind", "source"]
                        || header == ["jurisdiction", "date", "kind", "source", "notice_year"]
                else { throw .badHeader(line: lineNumber, found: line) }
                columns = header.count
                continue
            }
            guard fields.count == expected else {
                throw .wrongFieldCount(line: lineNumber, expected: expected, found: fields.count)
            }
            for (column, value) in zip(["jurisdiction", "date", "kind", "source"], fields) where value.isEmpty {
                throw .emptyField(line: lineNumber, column: column)
            }
            guard let jurisdiction = Jurisdiction(rawValue: fields[0].lowercased()) else {
                throw .unknownJurisdiction(line: lineNumber, value: fields[0])
            }
            guard let date = LocalDate(iso: fields[1]) else { throw .badDate(line: lineNumber, value: fields[1]) }
            guard let kind = CalendarDayKind(rawValue: fields[2]) else {
                throw .unknownKind(line: lineNumber, value: fields[2])
            }
            if kind == .regionalHoliday, jurisdiction == .national {
                throw .regionalHolidayInNationalCalendar(line: lineNumber)
            }
            var noticeYear: Int?
            if expected == 5, !fields[4].isEmpty {
                guard let year = Int(fields[4]), abs(year - date.year) <= 1 else {
                    throw .badNoticeYear(line: lineNumber, value: fields[4])
                }
                noticeYear = year
            }
            let key = "\(jurisdiction.rawValue) \(date)"
            if let earlier = seen[key] {
                // The same day twice with the same kind is harmless; with different kinds the file contradicts itself.
                if earlier.kind != kind { throw .conflictingEntry(line: lineNumber, date: date, firstLine: earlier.line) }
                continue
            }
            seen[key] = (kind, lineNumber)
            entries.append(CalendarEntry(jurisdiction: jurisdiction, date: date, kind: kind,
                                         source: fields[3], noticeYear: noticeYear))
        }
        if columns == nil { throw .badHeader(line: 1, found: "") }
        return entries
    }

    /// Splits one CSV line; `""` inside a quoted field is a literal quote. Fields are trimmed.
    private static func splitFields(_ line: String, lineNumber: Int) throws(CalendarImportError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    // Either the closing quote or the first half of an escaped quote.
                    var lookahead = iterator
                    if lookahead.next() == "\"" { current.append("\""); iterator = lookahead } else { quoted = false }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true
                current = ""
            } else if character == "," {
                fields.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        if quoted { throw .unterminatedQuote(line: lineNumber) }
        fields.append(current.trimmingCharacters(in: .whitespaces))
        return fields
    }
}
