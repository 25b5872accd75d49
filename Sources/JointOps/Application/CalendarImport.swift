import Enforcement
import EventStore
import Foundation

/// An official holiday notice imported from CSV (`jointops calendar import FILE.csv`).
///
/// Imports are events of the `calendar` stream, so the calendar a deadline was computed with can always
/// be rebuilt, and a corrected file simply replaces its notice years when folded in order.
public struct CalendarImported: Codable, Sendable, Equatable {
    public static let eventType = "CalendarNoticeImported"
    /// The file's name, for the record.
    public var fileName: String
    public var entries: [CalendarEntry]

    /// The notices the file covers, e.g. "national 2024, xinjiang 2024".
    public var notices: [WorkingDayCalendar.LoadedYear] {
        Set(entries.map { WorkingDayCalendar.LoadedYear($0.jurisdiction, $0.noticeYear) })
            .sorted { ($0.year, $0.jurisdiction.rawValue) < ($1.year, $1.jurisdiction.rawValue) }
    }
}

/// The shipped calendar with every imported notice merged in, refreshed from new `calendar` events.
struct CalendarCache {
    var version: Int64 = 0
    var calendar: WorkingDayCalendar = .shipped

    mutating func refresh(application: Application) throws -> WorkingDayCalendar {
        let current = try application.store.version(of: StreamKind.calendarStream)
        guard current != version else { return calendar }
        if current < version { self = CalendarCache() }
        let events = try application.store.read(stream: StreamKind.calendarStream, from: version + 1)
        for event in events where event.type == CalendarImported.eventType {
            do {
                let imported = try JSONDecoder().decode(CalendarImported.self, from: event.data)
                calendar = calendar.merging(imported.entries)
            } catch {
                throw ApplicationError.unreadableEvent(stream: event.streamId, version: event.streamVersion,
                                                       type: event.type, reason: "\(error)")
            }
        }
        version = events.last?.streamVersion ?? version
        return calendar
    }
}

extension Application {
    /// Parses a notice file and records it; the whole file is refused at its first bad line.
    ///
    /// - Returns: the import as recorded (for a repeated command id, the first import).
    /// - Throws: `ApplicationError.calendarFile` for an unreadable or malformed file, `.missingActor`.
    @discardableResult
    public func importCalendar(path: String, request: CommandRequest) throws -> CalendarImported {
        guard !request.actor.allSatisfy(\.isWhitespace) else { throw ApplicationError.missingActor }
        let url = URL(fileURLWithPath: path)
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
        let imported = CalendarImported(fileName: url.lastPathComponent, entries: entries)
        let at = try businessTime(request)
        let event = NewEvent(id: clock.newId(), type: CalendarImported.eventType,
                             data: try JSONEncoder().encode(imported), occurredAt: at.instant)
        let metadata = CommandMetadata(commandId: request.commandId ?? clock.newId(), actor: request.actor)
        let result = try store.append([event], to: StreamKind.calendarStream, expecting: .any, metadata: metadata)
        if result.wasAlreadyAppended,
           let first = try store.read(stream: StreamKind.calendarStream, from: result.streamVersion).first {
            return try JSONDecoder().decode(CalendarImported.self, from: first.data)
        }
        return imported
    }
}
