import Enforcement

// From the end of the investigation to the archive, for an ordinary case and an on-the-spot decision.
extension DemoScript {
    mutating func ordinary(_ plan: CasePlan, party: Party, act: Act, lead source: LeadSource? = nil,
                           filedFrom: LeadSource = .inspection, seize plate: String? = nil, penalty: Penalty?,
                           hearing: Bool = false, complex: Bool = false, withhold: Bool = false) throws {
        let id = try fileAndInvestigate(plan.start, party: party, act: act, lead: source, filedFrom: filedFrom, seize: plate,
                                        link: plan.link)
        guard plan.stop > .investigating else { return }
        let state = try application.handler(CaseDecider.self).load(id).state
        let filedOn = state.filedOn!
        let concluded = try addingWorkdays(random.int(5...10), to: filedOn)
        try on(id, concluded, .concludeInvestigation(findingsZh: "违法事实清楚，证据确实充分", complex: complex,
                                                     majorPublicInterest: false))
        guard plan.stop > .concluded else { return }

        let reviewer = random.pick(DemoData.reviewers).id
        let fine = penalty?.fineYuan ?? 0
        let reviewNeeded = application.reviewCatalogue.requiresLegalReview(
            fineYuan: fine, party: party.kind, hadHearing: hearing, confiscation: penalty?.includesConfiscation ?? false,
            complex: complex)
        var next = concluded
        func review(_ on: LocalDate) throws -> LocalDate {
            try self.on(id, on, .requestLegalReview)
            let passed = try addingWorkdays(2, to: on)
            try self.on(id, passed, actor: reviewer, .passLegalReview(reviewer: reviewer, opinionZh: "事实清楚，证据充分，适用法律正确，程序合法，裁量适当，同意"))
            return passed
        }
        let decided: LocalDate
        if let penalty {
            if reviewNeeded, !hearing { next = try review(try addingWorkdays(1, to: next)) }
            let noticed = try addingWorkdays(1, to: next)
            let hearingRight = fine >= 10_000
            let notice = try on(id, noticed, .serveNotice(intended: penalty, hearingRight: hearingRight))
            // The party's 5 WD to ask for a hearing, lengthened while provisional: decide after them.
            let windowEnds = notice.deadlines[.hearingRequest]?.legallyDue ?? noticed
            if hearing {
                let requested = try addingWorkdays(2, to: noticed)
                try on(id, requested, .requestHearing)
                let hearingDay = try addingWorkdays(8, to: requested, partysWindow: true)
                try on(id, requested, actor: DemoData.hearingChair, .scheduleHearing(date: hearingDay, chair: DemoData.hearingChair, placeZh: "乌苏市交通运输局听证室"))
                try on(id, hearingDay, actor: DemoData.hearingChair, .holdHearing(recordRef: "听证笔录\(id)"))
                next = try review(try addingWorkdays(1, to: hearingDay))
                decided = try addingWorkdays(1, to: next)
            } else if hearingRight {
                try on(id, try addingWorkdays(2, to: noticed), .receiveStatement(summaryZh: "当事人称系初次载客，请求从轻处罚"))
                decided = max(try addingWorkdays(6, to: noticed), try workday(windowEnds.adding(days: 1)))
            } else {
                if random.chance(70) {
                    try on(id, try addingWorkdays(1, to: noticed), .waiveStatement)
                } else {
                    try on(id, try addingWorkdays(1, to: noticed), .receiveStatement(summaryZh: "当事人对违法事实无异议，请求从轻处罚"))
                }
                decided = try addingWorkdays(2, to: noticed)
            }
            // The seizure may not outlast 30 days without the head's extension (Coercion Law 25).
            if let plate, let seizedOn = state.seizures.values.first?.seizedOn, decided > seizedOn.adding(days: 28) {
                try on(id, try workday(seizedOn.adding(days: 20)), actor: DemoData.brigadeHead.id, .extendSeizure(plate: plate, days: 30, approvedBy: DemoData.brigadeHead.id))
            }
            try on(id, decided, .decidePenalty(penalty, decisionNumber: nextDecisionNumber()))
        } else {
            decided = try addingWorkdays(2, to: next)
            try on(id, decided, .decideNoPenalty(reason: .firstMinorCorrected, decisionNumber: nextDecisionNumber()))
        }
        if let plate { try on(id, decided, .releaseVehicle(plate: plate, reasonZh: "处罚决定已作出，违法状态已消除，解除扣押")) }
        guard plan.stop > .decided else { return }

        let served = try addingWorkdays(random.int(0...2), to: decided)
        try on(id, served, .serveDecision(method: random.chance(85) ? .inPerson : .post))
        if withhold {
            try on(id, served, .withholdPublication(reason: .involvesSecrets))
        } else {
            try on(id, try addingWorkdays(random.int(1...3), to: served), .publishDecision(reference: "乌苏市人民政府网站行政执法公示专栏/\(id)"))
            summary.published += 1
        }
        guard plan.stop > .published else { return }
        var closing = served
        if fine > 0 {
            let paid = served.adding(days: random.int(2...12))
            try on(id, paid, .receivePayment(amountYuan: fine, channel: random.chance(60) ? .ePayment : .bank,
                                              receiptRef: "非税收入缴款书 \(String(random.int(100_000_000...999_999_999)))"))
            closing = paid
        }
        closing = try addingWorkdays(random.int(3...10), to: max(closing, served.adding(days: 5)))
        try on(id, closing, .close(reportZh: "处罚决定已执行完毕，予以结案"))
        guard plan.stop > .closed else { return }
        try on(id, try addingWorkdays(random.int(2...8), to: closing), .archive(fileRef: "执法案卷\(year)-\(id.suffix(4))"))
    }

    /// 简易程序: a ride-hailing driver without a driver's certificate, 200 yuan decided and paid on the spot.
    mutating func onSpot(_ date: LocalDate, place: String, link: OperationLink? = nil) throws {
        onSpotNumber += 1
        let act = Act(date: date, placeZh: place, sector: .rideHailing,
                      descriptionZh: "未取得《网络预约出租汽车驾驶员证》从事网约车经营", plate: DemoData.plate(&random))
        let team = team()
        let id = try application.handler(CaseDecider.self).create(.case, request: request(date, actor: team[0])) {
            .during(link, .decideOnSpot(caseId: $0, agency: "WSZD", party: individual(), act: act, officers: team,
                                        penalty: .fine(200, basis: "RIDE-34-3-2022"),
                                        formNumber: "乌交当罚〔\(year)〕第\(String(format: "%03d", onSpotNumber))号"))
        }.stream
        try on(id, date, actor: team[0], .serveDecision(method: .onTheSpot))
        let paidOn = date.adding(days: random.int(0...3))
        try on(id, paidOn, actor: team[0],
               .receivePayment(amountYuan: 200, channel: .ePayment, receiptRef: "电子缴款 \(String(random.int(10_000_000...99_999_999)))"))
        let filedOn = paidOn.adding(days: random.int(0...1))
        try on(id, filedOn, actor: team[0], .fileOnSpotDecision)
        let published = try addingWorkdays(random.int(1...5), to: date)
        try on(id, published, .publishDecision(reference: "乌苏市人民政府网站行政执法公示专栏/\(id)"))
        summary.published += 1
        // Closed once the copy is filed (closing follows every step of the case); what falls after the year's
        // end is not played: the year's report is complete when the demo ends.
        let closed = max(try addingWorkdays(random.int(2...8), to: published), filedOn)
        guard closed.year == year else { return }
        try on(id, closed, .close(reportZh: "当场处罚决定已履行，备案完毕，予以结案"))
        let archived = try addingWorkdays(random.int(2...6), to: closed)
        guard archived.year == year else { return }
        try on(id, archived, .archive(fileRef: "简易程序卷\(year)-\(id.suffix(4))"))
    }
}
