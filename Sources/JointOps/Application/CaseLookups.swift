import Enforcement
import Foundation
import Postgres

/// The cross-case lookups of APL 25 and 29, read from the event log by event type and act.
///
/// Served by the expression indexes of migration 0002. Two agencies filing the same act at the same
/// instant can both pass this check (they write different streams); the joint-operation routine of
/// agreeing who files first makes that rare, and the reports list such pairs for a person to resolve.
enum CaseLookups {
    /// The first case, not transferred out, that filed (or decided on the spot) this act.
    static let filedSQL = """
        SELECT e.stream_id, e.data->>'agency'
        FROM eventstore.events e
        WHERE e.event_type IN ('CaseFiled', 'DecidedOnSpot')
          AND e.data->'party'->>'partyId' = $1 AND e.data->'act'->>'date' = $2
          AND NOT EXISTS (SELECT 1 FROM eventstore.events t
                          WHERE t.stream_id = e.stream_id AND t.event_type = 'CaseTransferredOut')
        ORDER BY e.position
        LIMIT 1
        """

    /// The first case whose decision fined this act and was not revoked.
    static let finedSQL = """
        SELECT e.stream_id,
               (SELECT o.data->>'agency' FROM eventstore.events o
                WHERE o.stream_id = e.stream_id AND o.data ? 'agency'
                ORDER BY o.stream_version LIMIT 1)
        FROM eventstore.events e
        WHERE e.event_type IN ('PenaltyDecided', 'DecidedOnSpot')
          AND e.data->'actKey'->>'partyId' = $1 AND e.data->'actKey'->>'actDate' = $2
          AND (e.data->'penalty'->>'fineYuan')::bigint > 0
          AND NOT EXISTS (SELECT 1 FROM eventstore.events r
                          WHERE r.stream_id = e.stream_id AND r.event_type = 'DecisionRevoked')
        ORDER BY e.position
        LIMIT 1
        """

    static func caseFiled(for key: ActKey, connection: Connection) throws -> CaseRef? {
        try first(filedSQL, key, connection)
    }

    static func fineImposed(for key: ActKey, connection: Connection) throws -> CaseRef? {
        try first(finedSQL, key, connection)
    }

    private static func first(_ sql: String, _ key: ActKey, _ connection: Connection) throws -> CaseRef? {
        guard let row = try connection.execute(sql, [key.partyId, key.actDate.description]).first else { return nil }
        return CaseRef(caseId: try row.get(0), agencyCode: try row.decode(1) ?? "?")
    }
}
