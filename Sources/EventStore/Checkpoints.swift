import Foundation
import Postgres

/// Named follower positions in `eventstore.checkpoints`.
///
/// Save a checkpoint in the same transaction as whatever the follower wrote for those events, so
/// after a crash it neither loses nor repeats work.
public struct Checkpoints {
    public let connection: Connection

    public init(connection: Connection) { self.connection = connection }

    public func load(_ name: String) throws -> GlobalPosition {
        let result = try connection.execute(
            "SELECT transaction_id, position FROM eventstore.checkpoints WHERE name = $1", [name])
        guard let row = result.first else { return .start }
        return GlobalPosition(transactionId: try row.uint64(0), position: try row.get(1))
    }

    public func save(_ name: String, _ position: GlobalPosition) throws {
        try connection.execute("""
            INSERT INTO eventstore.checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
            ON CONFLICT (name) DO UPDATE
                SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()
            """, [name, position.transactionId, position.position])
    }

    public func delete(_ name: String) throws {
        try connection.execute("DELETE FROM eventstore.checkpoints WHERE name = $1", [name])
    }
}

/// How far a follower is behind the log.
public struct Lag: Sendable, Equatable {
    /// Events committed after the checkpoint (including those not yet readable).
    public var events: Int64
    /// Age of the oldest event the follower has not processed; zero when caught up.
    public var seconds: Double
    /// Events that are committed but held back behind a transaction still running.
    public var heldBack: Int64
}

extension EventStore {
    /// The follower's lag behind the log at `position`.
    public func lag(after position: GlobalPosition) throws -> Lag {
        let row = try connection.execute("""
            SELECT count(*),
                   COALESCE(EXTRACT(EPOCH FROM now() - min(recorded_at)), 0)::float8,
                   count(*) FILTER (WHERE transaction_id >= (SELECT eventstore.readable_horizon()))
            FROM eventstore.events
            WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
            """, [position.transactionId, position.position])[0]
        return Lag(events: try row.get(0), seconds: max(0, try row.get(1)), heldBack: try row.get(2))
    }
}
