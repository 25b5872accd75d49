import Enforcement
import EventStore
import Foundation
import Postgres

// Decision numbers are unique per agency and year, on-the-spot form numbers per agency (`DecisionNumber.Series`:
// one claim mechanism for both, the decider names the numbers a command uses). A lookup before deciding gives the friendly refusal; the
// guarantee is the claim: each number is a stream of its own, created with `.noStream` in the same transaction
// as the decision. Of two officers deciding with one number at the same moment, the second transaction waits
// on the first's new stream row and then finds it taken, so its decision is rolled back with the claim — no
// check-then-write window. The case stream is appended first, so the statement that locks it is the
// transaction's first write (the commit-order rule of the store, DESIGN.md §3.4).
extension CommandHandler {
    /// Appends `events` and, in the same transaction, claims `numbers`.
    ///
    /// - Throws: `Rejection.decisionNumberTaken` when another case claimed a number first (nothing written),
    ///   and whatever `EventStore.append` throws.
    func append(_ events: [NewEvent], to stream: String, expecting expected: ExpectedVersion,
                metadata: CommandMetadata, claiming numbers: [DecisionNumber], at: BusinessTime) throws -> AppendResult {
        guard !numbers.isEmpty else { return try store.append(events, to: stream, expecting: expected, metadata: metadata) }
        do {
            return try inFreshTransactions {
                let result = try store.append(events, to: stream, expecting: expected, metadata: metadata)
                guard !result.wasAlreadyAppended else { return result }
                for number in numbers {
                    try store.append([try claim(number, by: stream, at: at)], to: number.streamId, expecting: .noStream,
                                     metadata: CommandMetadata(commandId: application.clock.newId(), actor: metadata.actor,
                                                               agency: metadata.agency))
                }
                return result
            }
        } catch EventStoreError.commandRecordedMeanwhile(let id) {
            // A racing retry of this command recorded it first; the 23505 rolled our transaction back.
            guard let result = try store.recordedResult(of: id, fingerprint: metadata.fingerprint) else {
                throw EventStoreError.commandRecordedMeanwhile(id)
            }
            return result
        } catch let error as EventStoreError {
            guard case let .wrongExpectedVersion(taken, _, _) = error,
                  let number = numbers.first(where: { $0.streamId == taken }) else { throw error }
            throw number.taken(by: try CaseLookups.holder(of: number, store: store) ?? "?")
        }
    }

    /// Runs `body` in a transaction, again in a new one after 40001 or a deadlock. Inside a caller's transaction
    /// the store cannot retry an append refused for per-stream order (a newer transaction appended to the stream
    /// first), so the owner of the transaction must: a new transaction has a larger id (Schema 0001, 0004).
    private func inFreshTransactions<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do { return try store.connection.transaction(body) } catch let error as PostgresError
                where (error.sqlState == .serializationFailure || error.sqlState == .deadlockDetected) && attempt < 50 {
                continue
            }
        }
    }

    private func claim(_ number: DecisionNumber, by stream: String, at: BusinessTime) throws -> NewEvent {
        var payload: [String: Any] = ["caseId": stream, "agency": number.agency, "year": number.year,
                                      "number": number.number]
        if number.series != .decision { payload["series"] = number.series.rawValue }
        return NewEvent(id: application.clock.newId(), type: DecisionNumber.claimedEventType, schemaVersion: 1,
                        data: try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]),
                        occurredAt: at.instant)
    }
}
