import Enforcement
import Foundation

extension Application {
    /// Records a case-file audit (案卷评查) and opens a rectification item for each of its findings, of origin
    /// `caseFileAudit`, linked to the audit and raised the same business day.
    ///
    /// The audit and each item are appended one by one (each stream its own transaction). Each item's command id
    /// is derived from the audit's id and the finding's place, so running the same audit command again (the same
    /// `--command-id`) finds the audit recorded and raises only the items still missing: a crash between the
    /// appends is repaired by the retry, never doubled.
    public func recordAudit(_ audit: CaseFileAudit, request: CommandRequest)
        throws -> (audit: Outcome<AuditDecider>, items: [Outcome<RectificationDecider>]) {
        let outcome = try handler(AuditDecider.self).create(.audit, request: request) { .record(auditId: $0, audit) }
        guard let recorded = outcome.state else { return (outcome, []) }
        let reviewer = try registry().agencies[recorded.agency]?.nameZh ?? recorded.agency
        let items = try recorded.findingsZh.enumerated().map { index, finding in
            let item = CommandRequest(onBehalfOf: request.onBehalfOf,
                                      commandId: StableId.uuid(namespace: "jointops-audit-finding", name: "\(outcome.stream)#\(index + 1)"),
                                      at: request.at)
            return try handler(RectificationDecider.self).create(.rectification, request: item) {
                .raise(itemId: $0, descriptionZh: finding, foundBy: reviewer, foundDuring: .caseFileAudit,
                       origin: .caseFileAudit, auditId: outcome.stream)
            }
        }
        return (outcome, items)
    }
}
