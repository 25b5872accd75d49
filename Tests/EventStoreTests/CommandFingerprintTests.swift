import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// Issue 13, point 5, at the store: a command id means one command. The fingerprint recorded with it tells a
/// retry (the same fingerprint, or none to compare) from a reuse (another one), which is refused.
@Suite struct CommandFingerprintTests {
    private func metadata(_ id: UUID, _ type: String, _ digest: UUID) -> CommandMetadata {
        CommandMetadata(commandId: id, actor: "王警官", fingerprint: CommandFingerprint(type: type, digest: digest))
    }

    @Test func theSameIdWithAnotherFingerprintIsRefusedAndWritesNothing() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let id = UUID(), lead = UUID()
            let first = try store.append([sampleEvent(1)], to: "CASE-2026-0001", expecting: .noStream,
                                         metadata: metadata(id, "case receive-lead", lead))
            // On the same stream (the stream guard refuses first) and on a fresh one (the commands row does),
            // one event or a batch.
            for (stream, expected, count) in [("CASE-2026-0001", ExpectedVersion.noStream, 1), ("CASE-2026-0002", .noStream, 1),
                                              ("CASE-2026-0001", .exact(1), 1), ("CASE-2026-0002", .noStream, 3),
                                              ("CASE-2026-0001", .any, 2)] {
                let conflict = #expect(throws: CommandIdConflict.self) {
                    try store.append((0..<count).map { sampleEvent($0) }, to: stream, expecting: expected,
                                     metadata: metadata(id, "case file", UUID()))
                }
                #expect(conflict?.original.streamId == "CASE-2026-0001")
                #expect(conflict?.original.type == "case receive-lead")
                #expect(conflict?.original.eventTypes == ["TallyRecorded"])
            }
            #expect(try eventCount(store.connection) == 1)
            let retry = try store.append([sampleEvent(1)], to: "CASE-2026-0002", expecting: .noStream,
                                         metadata: metadata(id, "case receive-lead", lead))
            #expect(retry.streamId == "CASE-2026-0001" && retry.streamVersion == 1 && retry.positions == first.positions)
            #expect(retry.wasAlreadyAppended)
            #expect(try store.version(of: "CASE-2026-0002") == 0)
        }
    }

    @Test func rowsWithoutAFingerprintStillAnswerRetriesWithTheirOwnStream() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let id = UUID()
            // As before migration 0015: no fingerprint recorded, so any retry is taken as one.
            let first = try store.append([sampleEvent(1)], to: "CASE-2026-0007", expecting: .noStream,
                                         metadata: CommandMetadata(commandId: id, actor: "王警官"))
            let retry = try store.append([sampleEvent(1)], to: "CASE-2026-0008", expecting: .noStream,
                                         metadata: metadata(id, "case receive-lead", UUID()))
            #expect(retry.streamId == "CASE-2026-0007" && retry.positions == first.positions && retry.wasAlreadyAppended)
            let recorded = try #require(try store.command(id))
            #expect(recorded.type == nil && recorded.fingerprint == nil)
        }
    }

    @Test func theFingerprintIsStoredWithTheCommandRow() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let id = UUID(), digest = UUID()
            try store.append([sampleEvent(1), sampleEvent(2)], to: "OP-2026-0001", expecting: .any,
                             metadata: metadata(id, "op plan", digest))
            let recorded = try #require(try store.command(id))
            #expect(recorded.type == "op plan" && recorded.fingerprint == digest)
            #expect(recorded.eventTypes == ["TallyRecorded", "TallyRecorded"])
        }
    }

    /// Inside a caller's transaction the duplicate's 23505 aborts the transaction: the store says so in a
    /// typed error instead of failing on its next query ("current transaction is aborted").
    @Test func aDuplicateInsideACallersTransactionIsReportedForTheCallerToReadAfterRollback() throws {
        try TestDatabase.with { database in
            let store = EventStore(connection: try database.connect())
            let id = UUID(), digest = UUID()
            try store.append([sampleEvent(1)], to: "CASE-2026-0001", expecting: .noStream,
                             metadata: metadata(id, "case import", digest))
            #expect(throws: EventStoreError.commandRecordedMeanwhile(id)) {
                try store.connection.transaction {
                    try store.append([sampleEvent(1)], to: "CASE-2026-0002", expecting: .noStream,
                                     metadata: metadata(id, "case import", digest))
                }
            }
            #expect(try store.recordedResult(of: id, fingerprint: CommandFingerprint(type: "case import", digest: digest))?
                .streamId == "CASE-2026-0001")
        }
    }
}
