import Enforcement

// An imported case (导入) in the read models: the register's source, else `imported`; a met clock for each step
// whose two ends the register dated. A step it left undated has no clock: "not known", never late (nor on time).
extension CaseFold {
    /// The `source` of an imported case whose register records none, in `cases` and the views built on it.
    static let importedSource = "imported"
    /// Its label, wherever people read it.
    static let importedSourceZh = "导入案件"

    /// The source (案件来源) a case is counted under, code and label, wherever it is shown: the lead's, else the
    /// filing's or the register's; an imported case without one `imported`; an on-the-spot case was found in
    /// inspection; nil for a case filed without a lead before filings named a source (未记录).
    static func countedSource(of s: CaseState) -> (code: String, labelZh: String)? {
        if let source = s.source { return (source.rawValue, source.labelZh) }
        if s.imported { return (importedSource, importedSourceZh) }
        if s.procedure == .summary { return (LeadSource.inspection.rawValue, LeadSource.inspection.labelZh) }
        return nil
    }

    mutating func recordImport(_ e: CaseEvent.Imported) {
        decisionDue = e.decisionDue
        serviceDue = e.serviceDue
        publicationDue = e.publicationDue
        publishedOn = e.publishedOn
        closedOn = e.closedOn
        let met: [(Deadline?, LocalDate?, LocalDate?)] = [(e.decisionDue, e.filedOn, e.decidedOn),
                                                         (e.serviceDue, e.decidedOn, e.servedOn),
                                                         (e.publicationDue, e.decidedOn, e.publishedOn)]
        for case let (deadline?, opened, doneOn?) in met {
            let status = DeadlineStatus.of(deadline, doneOn: doneOn, today: doneOn, calendar: calendar,
                                           in: WorkingDays.jurisdiction)
            var days: Int?
            if case .late(_, let late) = status { days = late }
            deadlines.append(DeadlineRow(
                streamId: streamId, seq: deadlines.count + 1, kind: deadline.kind.rawValue, labelZh: deadline.labelZh,
                basis: deadline.basis, openedOn: opened, due: deadline.due, legallyDue: deadline.legallyDue,
                status: "met", resolvedOn: doneOn, metOnTime: doneOn <= deadline.legallyDue,
                provisional: deadline.provisional, timeliness: status.code, daysLate: days))
        }
    }
}
