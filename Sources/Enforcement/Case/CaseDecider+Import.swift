// Importing a case history from a register kept before JointOps (导入): what can be checked from one row.

extension CaseDecider {
    /// Records a row as an imported case history, all or nothing.
    ///
    /// Checks what a row can show: the agency exists; party and act are whole and the act was still
    /// punishable when filed (APL 36); the dates follow each other and none is after today; the basis fits the
    /// sector and governs the act on the day of the decision (APL 37, the same check a decision makes); the act
    /// was not fined before (APL 29) nor filed by another case (APL 25); the decision number is free.
    static func decideImport(_ row: ImportedCase, _ state: CaseState,
                             _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        guard state.status == .none else { throw .alreadyExists(aggregate: "case", id: state.caseId ?? row.caseId) }
        try Rejection.requireText(row.caseId, "case id")
        _ = try checkAgency(row.agency, context: context)
        let discovered = row.filedOn ?? row.decidedOn ?? row.act.date
        let act = try checkPartyAndAct(row.party, row.act, discoveredOn: discovered, today: context.today)
        try checkImportedDates(row, today: context.today)
        var penalty: Penalty?
        if let cited = row.penalty, let decidedOn = row.decidedOn {
            try checkShape(cited)
            try Rejection.requireText(row.decisionNumber ?? "", "decision number")
            var onDecisionDay = context
            onDecisionDay.today = decidedOn   // the law in force when the register's decision was made
            penalty = try lawfulPenalty(cited, party: row.party, act: act, context: onDecisionDay)
            if cited.fineYuan > 0 { try checkOneFinePerAct(row.actKey, caseId: row.caseId, context: context) }
            if let claim = row.decisionNumberClaim, let holder = context.decisionNumbersUsed[claim], holder != row.caseId {
                throw claim.taken(by: holder)
            }
        }
        // After the fine check: an act fined elsewhere is refused for the fine, the more telling reason.
        try checkFirstToFile(row.actKey, caseId: row.caseId, context: context)
        // A clock is recorded only with both ends dated: the start, and the act it waited for.
        var decisionDue: Deadline?, serviceDue: Deadline?, publicationDue: Deadline?
        if let filed = row.filedOn, penalty != nil, row.decidedOn != nil {
            decisionDue = context.deadline { c, j in Deadlines.decision(filed: filed, calendar: c, in: j) }
        }
        if let decided = row.decidedOn, penalty != nil {
            if row.servedOn != nil {
                serviceDue = context.deadline { c, j in Deadlines.service(decided: decided, calendar: c, in: j) }
            }
            if row.publishedOn != nil {
                publicationDue = context.deadline { c, j in
                    Deadlines.publication(decided: decided, isPenaltyOrLicence: true, calendar: c, in: j)
                }
            }
        }
        return [.imported(.init(
            caseId: row.caseId, agency: row.agency, party: row.party, act: act, filedOn: row.filedOn, penalty: penalty,
            decisionNumber: penalty == nil ? nil : row.decisionNumber, actKey: row.actKey, decidedOn: row.decidedOn,
            servedOn: row.servedOn, publishedOn: row.publishedOn, paidOn: row.paidOn, closedOn: row.closedOn,
            decisionDue: decisionDue, serviceDue: serviceDue, publicationDue: publicationDue,
            fileName: row.fileName, line: row.line, source: row.source))]
    }

    /// The register's dates in the order the procedure puts them (the same rule every step's date obeys), and
    /// none after today. (That a step after the decision has a decision to act on is the row reader's check.)
    static func checkImportedDates(_ row: ImportedCase, today: LocalDate) throws(Rejection) {
        for date in [row.filedOn, row.decidedOn, row.servedOn, row.publishedOn, row.paidOn, row.closedOn].compactMap({ $0 }) {
            guard date <= today else { throw .dateInFuture(date, today: today) }
        }
        try Rejection.requireOrder(.filing, on: row.filedOn ?? row.act.date, after: .act, on: row.act.date)
        if let decided = row.decidedOn {
            try Rejection.requireOrder(.decision, on: decided, after: .act, on: row.act.date)
            try Rejection.requireOrder(.decision, on: decided, after: .filing, on: row.filedOn)
        }
        for (step, date) in [(DatedStep.service, row.servedOn), (.publication, row.publishedOn), (.payment, row.paidOn)] {
            guard let date else { continue }
            try Rejection.requireOrder(step, on: date, after: .decision, on: row.decidedOn)
        }
        if let closed = row.closedOn {
            let latest: [(DatedStep, LocalDate?)] = [(.act, row.act.date), (.filing, row.filedOn), (.decision, row.decidedOn),
                                                     (.service, row.servedOn), (.publication, row.publishedOn),
                                                     (.payment, row.paidOn)]
            for (step, date) in latest { try Rejection.requireOrder(.closing, on: closed, after: step, on: date) }
        }
    }
}

extension CaseState {
    /// The case as the register had it: no clock runs for a step the register did not date (it is not known),
    /// and a clock with both ends dated is recorded done, on time or late.
    mutating func recordImport(_ e: CaseEvent.Imported) {
        imported = true
        source = e.source
        caseId = e.caseId
        agency = e.agency
        party = e.party
        act = e.act
        filedOn = e.filedOn
        limitationExpires = LimitationPeriod.expires(actDate: e.act.date, harmedLifeHealthOrFinance: e.act.harmedLifeHealthOrFinance)
        status = .investigating
        if let penalty = e.penalty, let decidedOn = e.decidedOn {
            outcome = .penalty(penalty)
            decisionNumber = e.decisionNumber
            self.decidedOn = decidedOn
            status = .decided
            if let due = e.decisionDue { completedDeadlines[.decision] = .init(deadline: due, doneOn: decidedOn) }
        }
        if let served = e.servedOn {
            servedOn = served
            status = .served
            if let due = e.serviceDue { completedDeadlines[.service] = .init(deadline: due, doneOn: served) }
        }
        if let publishedOn = e.publishedOn {
            published = true
            if let due = e.publicationDue { completedDeadlines[.publication] = .init(deadline: due, doneOn: publishedOn) }
        }
        if e.paidOn != nil { paidYuan = fineYuan }
        if e.closedOn != nil { status = .closed }
    }
}
