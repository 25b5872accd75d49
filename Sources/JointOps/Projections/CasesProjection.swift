import Enforcement
import EventStore
import Foundation
import Postgres

/// Administrative cases (案件): the register and pipeline, the legal-review queue, deadlines and the
/// publicity register. Personal data is masked here already (DOMAIN.md §6): the unmasked party id,
/// name of an individual and plate never reach the projection tables.
///
/// Deadlines are judged with the calendar in force (shipped and imported notices), as the deciders and
/// `case show` judge them. So it also reads calendar imports: an import refills `projections.working_days`
/// and folds again every case whose clocks it can move (DOMAIN.md §5: recomputed when the notice is imported).
public struct CasesProjection: StreamProjection {
    public let name = "cases"
    // 4: corrections; 5: names masked in free text; 6: revoked decisions apart; 7: imported; 8: party names;
    // 9: paging indexes (key order of the registers), clock_no in the deadline views; 10: a filing's own source;
    // 11: the indexes hold the case id masked, as the views show it; 12: a withheld publication's clock cancelled,
    // not met; 13: the deadline rollup keeps a revoked decision's clocks apart (the annual rates read it)
    public let shapeVersion = 13
    public let eventTypes: Set<String> = Set(CaseEvent.eventTypes + [CalendarImported.eventType])
    /// How plates are masked in every projection table (the bureau's choice; default partial).
    public var policy: PublicationPolicy
    /// The calendar the rows are judged with; set from the event log for each batch.
    var calendar = WorkingDayCalendar.shipped

    public init(policy: PublicationPolicy = .standard) { self.policy = policy }

    static let cases = ProjectionTable("cases", row: CaseFold.CaseRow.self, primaryKey: ["stream_id"])
    static let deadlines = ProjectionTable(
        "case_deadlines", row: CaseFold.DeadlineRow.self, primaryKey: ["stream_id", "seq"],
        checks: [("status_check", "status IN ('open', 'met', 'cancelled', 'superseded')"),
                 ("timeliness_check", "timeliness IN ('onTime', 'late')")])
    static let reviews = ProjectionTable(
        "legal_reviews", row: CaseFold.ReviewRow.self, primaryKey: ["stream_id", "seq"],
        checks: [("outcome_check", "outcome IN ('pending', 'passed', 'returned')")])
    /// Individuals' names recorded on each case, which every view masks in its free text.
    static let partyNames = ProjectionTable("case_party_names", row: CaseFold.PartyNameRow.self, primaryKey: ["stream_id", "name"])
    public var rowTables: [ProjectionTable] { [Self.cases, Self.deadlines, Self.reviews, Self.partyNames] }

    public func rows(stream: String, history: [ProjectedEvent]) throws -> [String: [any Encodable]] {
        var fold = CaseFold(streamId: stream, policy: policy, calendar: calendar)
        for stored in history { fold.apply(try decodeEvent(stored, CaseEvent.init)) }
        guard fold.state.status != .none || fold.state.outcome != nil else { return [:] }
        fold.recountOpenClocks()
        return [Self.cases.name: [fold.row()], Self.deadlines.name: fold.deadlines, Self.reviews.name: fold.reviews,
                Self.partyNames.name: fold.partyNameRows]
    }

    /// A batch with a calendar import reads this projection's own rows (the cases it must judge again), so it
    /// is applied in turn on the runner's connection (nil here); any other batch is folded ahead.
    public func prepare(_ batch: ProjectionBatch, to target: ProjectionTarget, reading connection: Connection) throws
        -> [ProjectionStatement]? {
        guard !batch.events.contains(where: { $0.type == CalendarImported.eventType }) else { return nil }
        return try statements(for: batch, to: target, reading: connection)
    }

    public func apply(_ batch: ProjectionBatch, to target: ProjectionTarget, on connection: Connection) throws {
        try connection.pipeline(try statements(for: batch, to: target, reading: connection))
    }

    /// The rows of the cases the batch touches, judged with the calendar in force; after an import, also
    /// `projections.working_days` and the rows of every case whose clocks the import can move.
    func statements(for batch: ProjectionBatch, to target: ProjectionTarget, reading connection: Connection) throws
        -> [ProjectionStatement] {
        var judged = self
        judged.calendar = try WorkingDays.effective(reading: connection, recordedUpTo: batch.recordedUpTo)
        var touched = try batch.streamHistories(of: eventTypes, reading: connection)
        let calendarStream = StreamKind.calendarStream
        touched.streams.removeAll { $0 == calendarStream }
        touched.seenBefore.removeAll { $0 == calendarStream }
        touched.histories[calendarStream] = nil
        var statements: [ProjectionStatement] = []
        let imports = batch.events.filter { $0.type == CalendarImported.eventType }
        if !imports.isEmpty {
            // The shared working-day table belongs to the real projections, not to an `--as-of` build.
            if target.schema == "projections" { statements.append(try WorkingDays.fill(from: judged.calendar)) }
            let again = try casesJudgedIn(years: try Self.years(of: imports), target, connection)
                .filter { !touched.streams.contains($0) }
            let histories = try ProjectionBatch.histories(of: again, upTo: batch.end, recordedUpTo: batch.recordedUpTo,
                                                          on: connection)
            for stream in again {
                touched.histories[stream] = (histories[stream] ?? []).filter { eventTypes.contains($0.type) }
            }
            touched.streams += again
            touched.seenBefore += again
        }
        return statements + (try judged.statements(replacing: touched, in: target))
    }

    /// The years whose days the imports list or declare complete.
    static func years(of imports: [ProjectedEvent]) throws -> [Int] {
        var years: Set<Int> = []
        for event in imports {
            let imported = try decodeEvent(event) { _, _, data in try JSONDecoder().decode(CalendarImported.self, from: data) }
            years.formUnion(imported.entries.map(\.date.year) + imported.notices.map(\.year) + imported.complete.map(\.year))
        }
        return years.sorted()
    }

    /// The cases with a clock or a legal review touching one of `years`, or a provisional clock: the rows an
    /// import can change.
    func casesJudgedIn(years: [Int], _ target: ProjectionTarget, _ connection: Connection) throws -> [String] {
        let result = try connection.execute("""
            SELECT stream_id FROM \(target.table("case_deadlines", of: name))
            WHERE provisional OR EXTRACT(YEAR FROM legally_due)::int = ANY($1::int[])
               OR EXTRACT(YEAR FROM opened_on)::int = ANY($1::int[]) OR EXTRACT(YEAR FROM resolved_on)::int = ANY($1::int[])
            UNION
            SELECT stream_id FROM \(target.table("legal_reviews", of: name))
            WHERE EXTRACT(YEAR FROM requested_on)::int = ANY($1::int[])
               OR EXTRACT(YEAR FROM completed_on)::int = ANY($1::int[])
            ORDER BY 1
            """, [years])
        return try result.rows.map { try $0.get(0) }
    }
}
