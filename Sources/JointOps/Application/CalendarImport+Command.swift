import Enforcement
import EventStore
import Foundation

/// What an import did to one listed day.
public struct CalendarDayChange: Sendable, Equatable {
    public enum Outcome: String, Sendable { case added, changed, unchanged }
    public var jurisdiction: Jurisdiction
    public var date: LocalDate
    /// The day's kind before the import (`ordinaryDay` when nothing was listed).
    public var before: CalendarDayKind
    public var after: CalendarDayKind
    public var outcome: Outcome
}

/// An import as recorded, and what it changed day by day.
public struct CalendarImportResult: Sendable, Equatable {
    public var imported: CalendarImported
    public var changes: [CalendarDayChange]
}

extension Application {
    /// Parses a notice file and records it; the whole file is refused at its first bad line.
    ///
    /// Only the listed days change. A day a shipped official notice sets may change only with `replace`;
    /// `complete` declares every (jurisdiction, year) in the file whole, so its deadlines stop being provisional.
    /// - Returns: the import and its changes (for a repeated command id, the first import, every day unchanged).
    /// - Throws: `ApplicationError.calendarFile` for an unreadable or malformed file, `.officialCalendarDay`
    ///   for a shipped day changed without `replace`, `.missingActor`.
    @discardableResult
    public func importCalendar(path: String, complete: Bool = false, replace: Bool = false,
                               request: CommandRequest) throws -> CalendarImportResult {
        guard !request.actor.allSatisfy(\.isWhitespace) else { throw ApplicationError.missingActor }
        let entries = try Self.readCalendarFile(path)
        let current = try calendar()
        let changes = entries.map { entry -> CalendarDayChange in
            let before = current.entry(on: entry.date, of: entry.jurisdiction)?.kind ?? .ordinaryDay
            let outcome: CalendarDayChange.Outcome = before == entry.kind ? .unchanged
                : before == .ordinaryDay ? .added : .changed
            return CalendarDayChange(jurisdiction: entry.jurisdiction, date: entry.date, before: before,
                                     after: entry.kind, outcome: outcome)
        }
        if !replace, let (official, entry) = Self.firstOfficialDayChanged(entries) {
            throw ApplicationError.officialCalendarDay(path: path, date: entry.date, jurisdiction: entry.jurisdiction,
                                                       official: official?.kind ?? .ordinaryDay, imported: entry.kind,
                                                       source: official?.source)
        }
        let file = URL(fileURLWithPath: path).lastPathComponent
        let imported = CalendarImported(fileName: file, entries: entries,
                                        complete: complete ? Set(entries.map { .init($0.jurisdiction, $0.noticeYear) })
                                            .sorted { ($0.year, $0.jurisdiction.rawValue) < ($1.year, $1.jurisdiction.rawValue) } : [],
                                        replace: replace)
        let at = try businessTime(request)
        let event = NewEvent(id: clock.newId(), type: CalendarImported.eventType,
                             data: try JSONEncoder().encode(imported), occurredAt: at.instant)
        let metadata = CommandMetadata(commandId: request.commandId ?? clock.newId(), actor: request.actor)
        let result = try store.append([event], to: StreamKind.calendarStream, expecting: .any, metadata: metadata)
        if result.wasAlreadyAppended,
           let first = try store.read(stream: StreamKind.calendarStream, from: result.streamVersion).first {
            let recorded = try JSONDecoder().decode(CalendarImported.self, from: first.data)
            return CalendarImportResult(imported: recorded, changes: changes.map {
                var same = $0
                same.outcome = .unchanged
                return same
            })
        }
        return CalendarImportResult(imported: imported, changes: changes)
    }

    /// The first listed day that differs from what a shipped official notice sets for it: a listed day of
    /// a shipped notice year, or a weekday that notice leaves ordinary.
    /// - Returns: the shipped entry (nil when the notice leaves the day ordinary) and the file's entry.
    static func firstOfficialDayChanged(_ entries: [CalendarEntry]) -> (CalendarEntry?, CalendarEntry)? {
        let shipped = WorkingDayCalendar.shipped
        for entry in entries {
            let official = shipped.entry(on: entry.date, of: entry.jurisdiction)
            let inShippedNotice = official != nil
                || shipped.completeYears.contains(.init(entry.jurisdiction, entry.noticeYear))
            guard inShippedNotice, (official?.kind ?? .ordinaryDay) != entry.kind else { continue }
            return (official, entry)
        }
        return nil
    }

    static func readCalendarFile(_ path: String) throws -> [CalendarEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ApplicationError.calendarFile(path: path, reason: "the file does not exist or cannot be read; check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ApplicationError.calendarFile(path: path, reason: "it is not UTF-8 text; save it as UTF-8 CSV")
        }
        let entries: [CalendarEntry]
        do {
            entries = try WorkingDayCalendar.parseCSV(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch {
            throw ApplicationError.calendarFile(path: path, reason: error.message + "; correct the file and import it again")
        }
        guard !entries.isEmpty else {
            throw ApplicationError.calendarFile(path: path, reason: "it lists no day; add the notice's holidays and make-up working days")
        }
        return entries
    }
}
