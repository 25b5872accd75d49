import Enforcement
import EventStore
import Foundation
import JointOps
@testable import JointOpsCLI
import JointOpsDemo
import Postgres
import Testing

/// Every error reaches the user as one line and one of the four exit statuses — never 1, never a trace.
@Suite struct UserFacingErrorTests {
    struct Unclassified: Error, CustomStringConvertible { var description: String { "something odd\nhappened" } }

    static func shown(_ error: Error) -> UserFacingError { UserFacingError(translating: error, rendering: StepSpelling.text) }

    @Test func errorsNoLayerClassifiedAreOneLineWithTheDatabaseUnavailableStatus() {
        let failure = Self.shown(Unclassified())
        #expect(failure == UserFacingError("something odd happened", status: .databaseUnavailable))
    }

    @Test func postgresErrorsMapBySQLStateNotByText() {
        let refused = PostgresError(kind: .connectionFailed, message: "connection refused")
        #expect(Self.shown(refused).status == .databaseUnavailable)
        #expect(Self.shown(refused).message.hasSuffix(", then retry the command (nothing was changed)"))
        let noTables = PostgresError(kind: .server, message: "relation does not exist", sqlState: .undefinedTable)
        #expect(Self.shown(noTables) == UserFacingError(
            "the database has no JointOps tables yet: run `jointops db migrate` first", status: .databaseUnavailable))
        #expect(Self.shown(PostgresError(kind: .server, message: "duplicate", sqlState: .uniqueViolation)).status == .conflict)
        #expect(Self.shown(PostgresError(kind: .server, message: "deadlock", sqlState: .deadlockDetected)).status == .conflict)
        let denied = Self.shown(PostgresError(kind: .server, message: "permission denied for schema eventstore",
                                              sqlState: .insufficientPrivilege))
        #expect(denied.status == .ruleRefused)
        #expect(denied.message.hasPrefix("your database login may not do this (permission denied for schema eventstore): "))
        #expect(denied.message.contains("only the cluster's administrator may"))
    }

    @Test func aColumnThisBinaryMisreadsIsAnInternalErrorNotAnUnavailableDatabase() {
        let misread = Self.shown(PostgresError(kind: .decoding, message: "column min is NULL, expected Date"))
        #expect(misread.status == .conflict)
        #expect(misread.message.hasPrefix("internal error: jointops could not read the database's answer (column min is NULL"))
        #expect(misread.message.contains("this is a bug in jointops"))
    }

    @Test func unreadableEventsAndRefusalsOfEachLayerGetTheirStatus() {
        #expect(Self.shown(ApplicationError.unreadableEvent(stream: "CASE-2023-0001", version: 3, type: "X", reason: "new"))
            .status == .databaseUnavailable)
        #expect(Self.shown(ProjectionError.alreadyRunning).status == .conflict)
        #expect(Self.shown(ProjectionError.unknownProjection("x", known: ["cases"])).status == .usage)
        #expect(Self.shown(ReportError.unknownReport("x", known: [])).status == .usage)
        #expect(Self.shown(Rejection.tooFewOfficers(count: 1)).status == .ruleRefused)
        #expect(Self.shown(Rejection.alreadyExists(aggregate: "case", id: "CASE-2023-0001")).status == .conflict)
        #expect(Self.shown(DemoError.databaseNotEmpty(events: 3)).status == .conflict)
        #expect(Self.shown(UserFacingError.usage("bad")) == UserFacingError("bad", status: .usage))
    }
}
