import EventStore
import Foundation
import Enforcement

/// `case show --format json`: the case as one structured JSON object (schemas/case-show.schema.json) —
/// its state with codes beside labels, every clock with its provisional / late / overdue flags, and its history.
public enum CaseDocument {
    public static func json(_ id: String, _ state: CaseState, next: [String],
                            statuses: [(deadline: Deadline, status: DeadlineStatus)], history: [RecordedEvent]) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)), ("status", .string(state.status.rawValue)), ("status_zh", .string(state.status.labelZh)),
            ("procedure", .string(state.procedure.rawValue)), ("procedure_zh", .string(state.procedure.labelZh)),
            ("imported", .boolean(state.imported)), ("agency", .optional(state.agency)),
            ("source", .optional(CaseFold.countedSource(of: state)?.code)),
            ("source_zh", .optional(CaseFold.countedSource(of: state)?.labelZh)),
            ("party", state.party.map { party in
                .object([("name", .string(party.nameZh)), ("kind", .string(party.kind.rawValue)),
                         ("kind_zh", .string(party.kind.labelZh)), ("id", .string(party.partyId)), ("minor", .boolean(party.isMinor))])
            } ?? .null),
            ("act", state.act.map { act in
                .object([("date", .string(act.date.description)), ("place", .string(act.placeZh)),
                         ("description", .string(act.descriptionZh)), ("sector", .string(act.sector.rawValue)),
                         ("sector_zh", .string(act.sector.labelZh)), ("plate", .optional(act.plate))])
            } ?? .null),
            ("filed_on", .optional(date: state.filedOn)),
            ("officers", .array(state.assignedOfficers.map(JSONValue.string))),
            ("evidence_count", .integer(state.evidenceCount)),
            ("seizures", .array(state.seizures.values.sorted { $0.plate < $1.plate }.map(seizure))),
            ("legal_review", .string(state.legalReview.rawValue)), ("legal_review_zh", .string(state.legalReview.labelZh)),
            ("statement", .string(state.statement.rawValue)), ("statement_zh", .string(state.statement.labelZh)),
            ("hearing", .string(CaseTables.hearing(state.hearing).code)),
            ("hearing_zh", .string(CaseTables.hearing(state.hearing).text)),
            ("notice", state.notice.map(penalty) ?? .null),
            ("outcome", state.outcome.map(outcome) ?? .null), ("decision_revoked", .boolean(state.decisionRevoked)),
            ("decision_number", .optional(state.decisionNumber)), ("decided_on", .optional(date: state.decidedOn)),
            ("served_on", .optional(date: state.servedOn)), ("fine_yuan", .integer(state.fineYuan)),
            ("paid_yuan", .integer(state.paidYuan)), ("published", .boolean(state.published)),
            ("publication_withheld", .optional(state.publicationWithheld?.rawValue)),
            ("publication_withheld_zh", .optional(state.publicationWithheld?.labelZh)),
            ("publication_withdrawn", .boolean(state.publicationWithdrawn)),
            ("corrections", .array(CaseTables.correctionRows(state.corrections).map { .string($0.1) })),
        ]
        members.append(("deadlines", .array(statuses.map(deadline))))
        members.append(("next", .array(next.map(JSONValue.string))))
        members.append(("history", .array(history.map(event))))
        return .object(members)
    }

    static func deadline(_ deadline: Deadline, _ status: DeadlineStatus) -> JSONValue {
        var done: LocalDate?, days: Int?
        switch status {
        case .open: break
        case .onTime(let doneOn): done = doneOn
        case .late(let doneOn, let late): done = doneOn; days = late
        case .overdue(let overdue): days = overdue
        }
        return .object([
            ("kind", .string(deadline.kind.rawValue)), ("kind_zh", .string(deadline.kind.labelZh)),
            ("label_zh", .string(deadline.labelZh)), ("basis", .string(deadline.basis)),
            ("due", .string(deadline.due.description)), ("legally_due", .string(deadline.legallyDue.description)),
            ("provisional", .boolean(deadline.provisional)), ("status", .string(status.code)),
            ("status_zh", .string(status.labelZh)), ("done_on", .optional(date: done)),
            ("late", .boolean(status.code == "late")), ("overdue", .boolean(status.code == "overdue")),
            ("days_past", .optional(days)),
        ])
    }

    static func seizure(_ seizure: CaseState.Seizure) -> JSONValue {
        .object([("plate", .string(seizure.plate)), ("seized_on", .string(seizure.seizedOn.description)),
                 ("end", .optional(seizure.end?.rawValue)), ("end_zh", .optional(seizure.end?.labelZh)),
                 ("ended_on", .optional(date: seizure.endedOn)), ("extended", .boolean(seizure.extended))])
    }

    static func penalty(_ penalty: Penalty) -> JSONValue {
        .object([("types", .array(penalty.types.map { .string($0.rawValue) })),
                 ("types_zh", .array(penalty.types.map { .string($0.labelZh) })),
                 ("fine_yuan", .integer(penalty.fineYuan)), ("legal_basis", .string(penalty.legalBasisId)),
                 ("legal_basis_zh", .string(penalty.basisLabelZh))])
    }

    static func outcome(_ outcome: CaseState.Outcome) -> JSONValue {
        switch outcome {
        case .penalty(let value):
            return .object([("kind", .string("penalty")), ("kind_zh", .string("行政处罚")), ("penalty", penalty(value))])
        case .noPenalty(let reason):
            return .object([("kind", .string("noPenalty")), ("kind_zh", .string("不予处罚")),
                            ("reason", .string(reason.rawValue)), ("reason_zh", .string(reason.labelZh))])
        case .criminalReferral(let police):
            return .object([("kind", .string("criminalReferral")), ("kind_zh", .string("移送公安")), ("agency", .string(police))])
        case .transferredOut(let agency):
            return .object([("kind", .string("transferredOut")), ("kind_zh", .string("移送其他部门")), ("agency", .string(agency))])
        }
    }

    static func event(_ event: RecordedEvent) -> JSONValue {
        .object([("version", .integer(Int(event.streamVersion))), ("type", .string(event.type)),
                 ("type_zh", .string(EventTypeLabels.labelZh(event.type))), ("actor", .string(event.actor)),
                 ("occurred_at", .string(ShanghaiTime.iso(event.occurredAt))),
                 ("recorded_at", .string(ShanghaiTime.iso(event.recordedAt)))])
    }
}
