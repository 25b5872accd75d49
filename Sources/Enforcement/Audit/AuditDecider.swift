import Foundation

/// Decides on a case-file audit (案卷评查), one stream per audit.
public enum AuditDecider: Decider {
    public typealias Command = AuditCommand
    public typealias Event = AuditEvent
    /// The audit once recorded.
    public typealias State = CaseFileAudit?

    public static var initialState: CaseFileAudit? { nil }

    public static func decide(_ command: AuditCommand, state: CaseFileAudit?,
                              context: DecisionContext) throws(Rejection) -> [AuditEvent] {
        switch command {
        case let .record(auditId, audit):
            guard state == nil else { throw .alreadyExists(aggregate: "audit", id: auditId) }
            try Rejection.requireText(auditId, "audit id")
            try Rejection.requireText(audit.scopeZh, "scope")
            try YearRecordRules.requireAgency(audit.agency, context)
            try YearRecordRules.requireAgency(audit.auditedAgency, context)
            try YearRecordRules.requireHappened(audit.date, context)
            try YearRecordRules.requireCount(audit.filesReviewed, "filesReviewed", maximum: CaseFileAudit.maximumFiles)
            guard audit.findingsZh.count <= CaseFileAudit.maximumFindings else {
                throw .figureTooLarge(field: "findings", value: audit.findingsZh.count, maximum: CaseFileAudit.maximumFindings)
            }
            for finding in audit.findingsZh { try Rejection.requireText(finding, "finding") }
            var audit = audit
            audit.findingsZh = audit.findingsZh.map { $0.trimmingCharacters(in: .whitespaces) }
            return [.recorded(.init(auditId: auditId, audit: audit))]
        }
    }

    public static func evolve(_ state: CaseFileAudit?, _ event: AuditEvent) -> CaseFileAudit? {
        switch event { case .recorded(let e): e.audit }
    }

    /// An audit is recorded by an officer of the reviewing agency (DESIGN.md §9).
    public static func actingClaim(for command: AuditCommand, state: CaseFileAudit?) -> ActingClaim {
        switch command { case .record(_, let audit): .agency(audit.agency) }
    }
}
