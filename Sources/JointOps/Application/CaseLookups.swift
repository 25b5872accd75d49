import Enforcement
import EventStore
import Foundation

/// The cross-case lookups of APL 25 and 29, read from the event log by event type and act.
///
/// Served by the expression indexes of migrations 0002 and 0013 (the payload fields and event types below are
/// exactly theirs). Two agencies filing the same act at the same instant can both pass this check (they
/// write different streams); the joint-operation routine of agreeing who files first makes that rare,
/// and the reports list such pairs for a person to resolve.
enum CaseLookups {
    static let filingTypes = ["CaseFiled", "DecidedOnSpot", "CaseImported"]
    static let filedParty = PayloadField("party", "partyId")
    static let filedDate = PayloadField("act", "date")

    static let finingTypes = ["PenaltyDecided", "DecidedOnSpot", "CaseImported"]
    static let finedParty = PayloadField("actKey", "partyId")
    static let finedDate = PayloadField("actKey", "actDate")

    /// A correction (更正) of the party id or act date moves a case to another act: its `CaseCorrected` carries the
    /// corrected party, act and act key, so the lookups find the case under the corrected act too (and, strictly,
    /// still under the original one). Corrections are few: the (event_type, stream_id) index of 0002 serves them.
    static let correctionTypes = ["CaseCorrected"]

    /// The first case, not transferred out, that filed (or decided on the spot) this act.
    static func caseFiled(for key: ActKey, store: EventStore) throws -> CaseRef? {
        let match = [(filedParty, key.partyId), (filedDate, key.actDate.description)]
        let filings = try store.events(ofTypes: filingTypes, where: match, inStreamsWithout: "CaseTransferredOut")
            + store.events(ofTypes: correctionTypes, where: match, inStreamsWithout: "CaseTransferredOut")
        guard let first = filings.first else { return nil }
        return CaseRef(caseId: first.streamId, agencyCode: payload(first)["agency"].flatMap(text) ?? "?")
    }

    /// The first case whose decision fined this act and was not revoked.
    static func fineImposed(for key: ActKey, store: EventStore) throws -> CaseRef? {
        let match = [(finedParty, key.partyId), (finedDate, key.actDate.description)]
        let decisions = try store.events(ofTypes: finingTypes, where: match, inStreamsWithout: "DecisionRevoked")
            + store.events(ofTypes: correctionTypes, where: match, inStreamsWithout: "DecisionRevoked")
        guard let fine = decisions.first(where: { fineYuan(in: $0) > 0 }) else { return nil }
        // The agency is named by the stream's first event that carries one (the filing).
        let agency = try store.read(stream: fine.streamId).lazy.compactMap { payload($0)["agency"] }.first
        return CaseRef(caseId: fine.streamId, agencyCode: agency.flatMap(text) ?? "?")
    }

    static let claimAgency = PayloadField("agency")
    static let claimYear = PayloadField("year")

    /// The case holding a decision number, read from its claim stream; nil when it is free. Claims made before
    /// numbers were keyed by ``DecisionNumber/claimKey`` sit under the spelling typed then, so the agency's other
    /// claims are compared by key too: `乌交执罚[2026]1号` claimed then still holds `乌交执罚〔2026〕1号`.
    static func holder(of number: DecisionNumber, store: EventStore) throws -> String? {
        if let claim = try store.read(stream: number.streamId).first { return payload(claim)["caseId"].flatMap(text) ?? "?" }
        var fields = [(claimAgency, number.agency)]
        if number.series == .decision { fields.append((claimYear, String(number.year))) }
        let claims = try store.events(ofTypes: [DecisionNumber.claimedEventType], where: fields)
        let held = claims.first { claim in
            let stored = payload(claim)
            let series = stored["series"].flatMap(text) ?? DecisionNumber.Series.decision.rawValue
            let typed = stored["number"].flatMap(text) ?? ""
            return series == number.series.rawValue && DecisionNumber.canonical(typed) == number.claimKey
        }
        return held.map { payload($0)["caseId"].flatMap(text) ?? "?" }
    }

    private static func fineYuan(in event: RecordedEvent) -> Int64 {
        ((payload(event)["penalty"] as? [String: Any])?["fineYuan"] as? NSNumber)?.int64Value ?? 0
    }

    private static func payload(_ event: RecordedEvent) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: event.data)) as? [String: Any]) ?? [:]
    }

    /// A JSON value as `->>` gives it: a string's text, nil for null, anything else in its JSON form.
    private static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if value is NSNull { return nil }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }
}
