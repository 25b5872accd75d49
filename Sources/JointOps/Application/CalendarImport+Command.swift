import Enforcement
import EventStore
import Foundation

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
    ///   for a shipped day changed without `replace`, `.unboundLogin`.
    @discardableResult
    public func importCalendar(path: String, complete: Bool = false, replace: Bool = false,
                               request: CommandRequest) throws -> CalendarImportResult {
        let actor = try self.actor(for: request, administrative: true)
        let entries = try Self.readCalendarFile(path)
        let current = try calendar()
        let changes = current.changes(importing: entries)
        if !replace, let (official, entry) = WorkingDayCalendar.firstChangeToAnOfficialDay(entries) {
            throw ApplicationError.officialCalendarDay(path: path, date: entry.date, jurisdiction: entry.jurisdiction,
                                                       official: official?.kind ?? .ordinaryDay, imported: entry.kind,
                                                       source: official?.source)
        }
        let file = URL(fileURLWithPath: path).lastPathComponent
        var imported = CalendarImported(fileName: file, entries: entries, replace: replace)
        if complete { imported.complete = imported.notices }
        let at = try businessTime(request)
        let event = NewEvent(id: clock.newId(), type: CalendarImported.eventType,
                             data: try JSONEncoder().encode(imported), occurredAt: at.instant)
        let metadata = CommandMetadata(commandId: request.commandId ?? clock.newId(), actor: actor.stored,
                                       fingerprint: request.fingerprint(of: imported))
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
