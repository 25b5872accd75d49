import Enforcement
import EventStore
import Foundation

/// An official holiday notice imported from CSV (`jointops calendar import FILE.csv`).
///
/// Imports are events of the `calendar` stream, folded in order over the shipped calendar
/// (``WorkingDayCalendar/effective(imports:)``), so the calendar a deadline was computed with can
/// always be rebuilt. An import changes only the days it lists; `complete` names the (jurisdiction,
/// year) pairs the file declares whole (`--complete`); `replace` records that it was allowed to
/// change days a shipped official notice sets (`--replace`).
public struct CalendarImported: Codable, Sendable, Equatable {
    public static let eventType = "CalendarNoticeImported"
    /// The file's name, for the record.
    public var fileName: String
    public var entries: [CalendarEntry]
    public var complete: [WorkingDayCalendar.LoadedYear]
    public var replace: Bool

    public init(fileName: String, entries: [CalendarEntry], complete: [WorkingDayCalendar.LoadedYear] = [],
                replace: Bool = false) {
        self.fileName = fileName
        self.entries = entries
        self.complete = complete
        self.replace = replace
    }

    // Imports recorded before `complete` and `replace` existed decode as partial, plain imports.
    private enum CodingKeys: String, CodingKey { case fileName, entries, complete, replace }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fileName: try c.decode(String.self, forKey: .fileName),
                  entries: try c.decode([CalendarEntry].self, forKey: .entries),
                  complete: try c.decodeIfPresent([WorkingDayCalendar.LoadedYear].self, forKey: .complete) ?? [],
                  replace: try c.decodeIfPresent(Bool.self, forKey: .replace) ?? false)
    }

    /// The notices the file covers, e.g. "national 2024, xinjiang 2024".
    public var notices: [WorkingDayCalendar.LoadedYear] {
        Set(entries.map { WorkingDayCalendar.LoadedYear($0.jurisdiction, $0.noticeYear) })
            .sorted { ($0.year, $0.jurisdiction.rawValue) < ($1.year, $1.jurisdiction.rawValue) }
    }
}

extension WorkingDayCalendar {
    /// The calendar in force: the shipped notices with every import laid over them in the order recorded.
    /// The write side and the projections both build it here, so they never disagree.
    public static func effective(imports: [CalendarImported], margins: ProvisionalMargins = .standard) -> WorkingDayCalendar {
        var calendar = WorkingDayCalendar.shipped.with(margins: margins)
        for imported in imports { calendar = calendar.merging(imported.entries, complete: Set(imported.complete)) }
        return calendar
    }

    /// Reads the imports of the `calendar` stream from `version + 1` on.
    static func imports(in store: EventStore, after version: Int64) throws -> (imports: [CalendarImported], version: Int64) {
        let events = try store.read(stream: StreamKind.calendarStream, from: version + 1)
        var imports: [CalendarImported] = []
        for event in events where event.type == CalendarImported.eventType {
            do {
                imports.append(try JSONDecoder().decode(CalendarImported.self, from: event.data))
            } catch {
                throw ApplicationError.unreadableEvent(stream: event.streamId, version: event.streamVersion,
                                                       type: event.type, reason: "\(error)")
            }
        }
        return (imports, events.last?.streamVersion ?? version)
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
        let read = try WorkingDayCalendar.imports(in: application.store, after: version)
        for imported in read.imports { calendar = calendar.merging(imported.entries, complete: Set(imported.complete)) }
        version = read.version
        return calendar
    }
}
