import Enforcement
import EventStore
import Foundation

/// What an import did with each data line of the file.
public struct CaseImportReport: Sendable {
    public enum Outcome: Sendable {
        /// Recorded now as this case.
        case imported(caseId: String)
        /// Recorded by an earlier import of the same row: nothing written.
        case alreadyImported(caseId: String)
        /// Refused, nothing written: the row cannot be read, or a rule refuses it.
        case refused(any Error & Sendable)
    }

    public struct Line: Sendable {
        public var number: Int
        public var outcome: Outcome
    }

    public var lines: [Line]

    public var importedCount: Int { lines.filter { if case .imported = $0.outcome { true } else { false } }.count }
    public var alreadyImportedCount: Int { lines.filter { if case .alreadyImported = $0.outcome { true } else { false } }.count }
    public var refusedCount: Int { lines.filter { if case .refused = $0.outcome { true } else { false } }.count }
}

extension Application {
    /// Imports a register, each row all or nothing, as a `CaseImported` case history (`CaseDecider+Import.swift`).
    ///
    /// Each row is one command whose id is derived from the row's identity (agency and case number, else
    /// decision number, else party and act date), so importing the same file again writes nothing twice: the
    /// store returns the first result. A case number shaped like a JointOps id (CASE-2026-0012) becomes the
    /// case's id; any other is kept only in the report, and an id is allocated.
    /// - Throws: `UserFacingError` (usage) for an unreadable file or a missing required column, before anything
    ///   is written; `.unboundLogin`; database errors. Rule refusals are reported per row, not thrown.
    public func importCases(path: String, request: CommandRequest) throws -> CaseImportReport {
        _ = try actor(for: request)   // an unbound login is refused before any row is read
        let lines = try CaseImport.read(path: path)
        let handler = handler(CaseDecider.self)
        var report = CaseImportReport(lines: [])
        for line in lines {
            let outcome: CaseImportReport.Outcome
            switch line.row {
            case .failure(let error):
                outcome = .refused(error)
            case .success(let row):
                var rowRequest = request
                rowRequest.commandId = Self.commandId(for: row, caseNumber: line.caseNumber)
                rowRequest.given = Self.givenCommand(for: row)
                do {
                    let result: Outcome<CaseDecider>
                    if let id = line.caseNumber.flatMap(StreamKind.case.normalise) {
                        var row = row
                        row.caseId = id
                        result = try handler.handle(.importCase(row), on: id, kind: .case, mustExist: false, request: rowRequest)
                    } else {
                        result = try handler.create(.case, request: rowRequest) { id in
                            var row = row
                            row.caseId = id
                            return .importCase(row)
                        }
                    }
                    outcome = result.wasAlreadyAppended ? .alreadyImported(caseId: result.stream) : .imported(caseId: result.stream)
                } catch let error as Rejection {
                    outcome = .refused(error)
                } catch let error as ApplicationError {
                    outcome = .refused(error)
                } catch let error as CommandIdConflict {
                    outcome = .refused(error)
                }
            }
            report.lines.append(.init(number: line.number, outcome: outcome))
        }
        return report
    }

    /// A stable id for the row's command: the same register row gives the same id in every run.
    static func commandId(for row: ImportedCase, caseNumber: String?) -> UUID {
        let identity = if let caseNumber { "case|\(row.agency)|\(caseNumber)" }
            else if let number = row.decisionNumber { "decision|\(row.agency)|\(number)" }
            else { "act|\(row.agency)|\(row.party.partyId)|\(row.act.date)" }
        return StableId.uuid(namespace: "jointops-case-import", name: identity)
    }
}
