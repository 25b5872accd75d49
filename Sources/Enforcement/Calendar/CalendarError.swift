/// A working-day computation that cannot be done.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A strict working-day question (``WorkingDayCalendar/isWorkingDay(_:in:)``) about a year whose
    /// calendar is not complete. For Xinjiang both the national and the regional notice are needed.
    /// Deadlines never meet it: they become provisional instead (DOMAIN.md §5).
    case yearNotLoaded(year: Int, jurisdiction: Jurisdiction)

    /// One sentence for the user: what is wrong and what to do, with the next step spelled by `render`.
    public func message(rendering render: (NextStep) -> String) -> String {
        switch self {
        case let .yearNotLoaded(year, jurisdiction):
            return "no working-day calendar is loaded for \(year) (\(jurisdiction.rawValue)); "
                + "import the official notice with \(render(.importCalendar))"
        }
    }

    /// The sentence in plain words, the next step described rather than spelled as a command.
    public var message: String { message { "`\($0)`" } }

    public var description: String { message }
}

/// A calendar CSV file that cannot be imported. Every case names the 1-based line number.
public enum CalendarImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no header line, or the header is not `jurisdiction,date,kind,source[,notice_year]`.
    case badHeader(line: Int, found: String)
    /// A line has fewer or more fields than the header.
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// A required field is empty.
    case emptyField(line: Int, column: String)
    case unknownJurisdiction(line: Int, value: String)
    /// Not a real `YYYY-MM-DD` date.
    case badDate(line: Int, value: String)
    case unknownKind(line: Int, value: String)
    /// `regionalHoliday` on a national line: national days off are `holiday`.
    case regionalHolidayInNationalCalendar(line: Int)
    /// `notice_year` is not a year, or is more than one year away from the date.
    case badNoticeYear(line: Int, value: String)
    /// The same jurisdiction and date appear twice in the file with different kinds.
    case conflictingEntry(line: Int, date: LocalDate, firstLine: Int)
    /// A quoted field is not closed on its line.
    case unterminatedQuote(line: Int)

    public var line: Int {
        switch self {
        case let .badHeader(line, _), let .wrongFieldCount(line, _, _), let .emptyField(line, _),
             let .unknownJurisdiction(line, _), let .badDate(line, _), let .unknownKind(line, _),
             let .regionalHolidayInNationalCalendar(line), let .badNoticeYear(line, _),
             let .conflictingEntry(line, _, _), let .unterminatedQuote(line):
            return line
        }
    }

    /// One sentence for the user, starting with the line number.
    public var message: String {
        let what: String
        switch self {
        case let .badHeader(_, found):
            what = "expected the header `jurisdiction,date,kind,source` (optionally `,notice_year`), found `\(found)`"
        case let .wrongFieldCount(_, expected, found):
            what = "expected \(expected) comma-separated fields, found \(found)"
        case let .emptyField(_, column):
            what = "the \(column) field is empty"
        case let .unknownJurisdiction(_, value):
            what = "unknown jurisdiction `\(value)`; use one of "
                + Jurisdiction.allCases.map(\.rawValue).joined(separator: ", ")
        case let .badDate(_, value):
            what = "`\(value)` is not a date; write it as YYYY-MM-DD, e.g. 2023-10-02"
        case let .unknownKind(_, value):
            what = "unknown kind `\(value)`; use one of "
                + CalendarDayKind.allCases.map(\.rawValue).joined(separator: ", ")
        case .regionalHolidayInNationalCalendar:
            what = "a national day off is `holiday`; `regionalHoliday` is only for a region such as xinjiang"
        case let .badNoticeYear(_, value):
            what = "notice_year `\(value)` must be the date's year or the year next to it"
        case let .conflictingEntry(_, date, firstLine):
            what = "\(date) is already listed with another kind on line \(firstLine)"
        case .unterminatedQuote:
            what = "a quoted field is not closed"
        }
        return "line \(line): \(what)"
    }

    public var description: String { message }
}
