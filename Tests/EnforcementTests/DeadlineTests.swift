import Testing
@testable import Enforcement

/// The worked examples of domain-notes §6.5 and the other clocks of DOMAIN.md §5.
@Suite struct DeadlineTests {
    let calendar = WorkingDayCalendar.shipped

    @Test(arguments: [Jurisdiction.national, .xinjiang])
    func aDecisionOnTheWednesdayBeforeNationalDayIsPublishedBy12October(in jurisdiction: Jurisdiction) throws {
        let deadline = Deadlines.publication(decided: day("2023-09-27"), calendar: calendar, in: jurisdiction)
        #expect(deadline.due == day("2023-10-12"))
        #expect(deadline.rolledToWorkingDay == nil)
        #expect(deadline.kind == .publication)
    }

    @Test func aHearingRequestIsDueOneDayLaterInXinjiangBecauseOfEid() throws {
        let national = Deadlines.hearingRequest(noticeServed: day("2023-04-19"), calendar: calendar, in: .national)
        let xinjiang = Deadlines.hearingRequest(noticeServed: day("2023-04-19"), calendar: calendar, in: .xinjiang)
        #expect(national.due == day("2023-04-25"))
        #expect(xinjiang.due == day("2023-04-26"))
        #expect(national.basis == "APL 64")
        #expect(national.labelZh == "听证申请期限")
    }

    @Test func sevenWorkingDaysAcrossDragonBoatAndEidAlAdha() throws {
        #expect(try calendar.adding(workingDays: 7, to: day("2023-06-20"), in: .national) == day("2023-06-30"))
        #expect(try calendar.adding(workingDays: 7, to: day("2023-06-20"), in: .xinjiang) == day("2023-07-05"))
    }

    @Test(arguments: [Jurisdiction.national, .xinjiang])
    func sevenWorkingDaysAcrossSpringFestival(in jurisdiction: Jurisdiction) throws {
        let service = Deadlines.service(decided: day("2023-01-19"), calendar: calendar, in: jurisdiction)
        #expect(service.due == day("2023-02-02"))
    }

    @Test func aPaymentPeriodEndingOnAHolidayKeepsTheStrictAndTheRolledDate() throws {
        let payment = Deadlines.payment(received: day("2023-09-20"), calendar: calendar, in: .xinjiang)
        #expect(payment.due == day("2023-10-05"))
        #expect(payment.rolledToWorkingDay == day("2023-10-07"))
        #expect(payment.legallyDue == day("2023-10-07"))
        #expect(!payment.isOverdue(on: day("2023-10-07")))
        #expect(payment.isOverdue(on: day("2023-10-08")))
    }

    @Test func aCalendarDayPeriodEndingOnAWorkingDayIsNotRolled() throws {
        let payment = Deadlines.payment(received: day("2023-03-01"), calendar: calendar, in: .national)
        #expect(payment.due == day("2023-03-16"))
        #expect(payment.rolledToWorkingDay == nil)
    }

    @Test func aDeadlineEndingIn2027IsProvisionalNotRefused() {
        // 2027-01-01 is statutory whatever the notice says; no make-up day is assumed (domain-notes §6.4b).
        let service = Deadlines.service(decided: day("2026-12-24"), calendar: calendar, in: .national)
        #expect(service.due == day("2027-01-05"))
        #expect(service.provisional)
        let decision = Deadlines.decision(filed: day("2026-11-15"), calendar: calendar, in: .national)
        #expect(decision.due == day("2027-02-13"))
        #expect(decision.provisional)
    }

    @Test func aXinjiangDeadlineIn2024IsProvisionalAndTheNationalOneIsCertain() {
        // 2024-04-08 + 7 WD: 04-09 … 04-12, 04-15 … 04-17, on national days alone.
        let xinjiang = Deadlines.service(decided: day("2024-04-08"), calendar: calendar, in: .xinjiang)
        #expect(xinjiang.due == day("2024-04-17"))
        #expect(xinjiang.provisional)
        let national = Deadlines.service(decided: day("2024-04-08"), calendar: calendar, in: .national)
        #expect(national.due == day("2024-04-17"))
        #expect(!national.provisional)
    }

    @Test func filingAlertsAfterFifteenWorkingDaysByDefaultAndIsConfigurable() throws {
        let standard = Deadlines.filing(leadReceived: day("2023-03-01"), calendar: calendar, in: .national)
        #expect(standard.due == day("2023-03-22"))
        let strict = Deadlines.filing(leadReceived: day("2023-03-01"), workingDays: 5, calendar: calendar, in: .national)
        #expect(strict.due == day("2023-03-08"))
    }

    @Test func evidencePreservationIsDecidedWithinSevenWorkingDays() throws {
        let deadline = Deadlines.evidencePreservation(preserved: day("2023-04-26"), calendar: calendar, in: .national)
        // 04-27, 04-28, (04-29…05-03 off), 05-04, 05-05, 05-06 (make-up Saturday), 05-08, 05-09.
        #expect(deadline.due == day("2023-05-09"))
    }

    @Test func aSeizureLastsThirtyDaysOrSixtyOnceExtended() throws {
        let seizure = Deadlines.seizure(executed: day("2023-03-01"), calendar: calendar, in: .xinjiang)
        #expect(seizure.due == day("2023-03-31"))
        let extended = Deadlines.seizure(executed: day("2023-03-01"), extended: true, calendar: calendar, in: .xinjiang)
        #expect(extended.due == day("2023-04-30"))
        #expect(extended.rolledToWorkingDay == day("2023-05-04"))
        #expect(extended.basis.hasPrefix("Coercion Law 25"))
    }

    @Test func aDecisionIsDueNinetyCalendarDaysAfterFiling() throws {
        let decision = Deadlines.decision(filed: day("2023-01-10"), calendar: calendar, in: .national)
        #expect(decision.due == day("2023-04-10"))
        let extended = Deadlines.decision(filed: day("2023-01-10"), extensionDays: 30, calendar: calendar, in: .national)
        #expect(extended.due == day("2023-05-10"))
    }

    @Test func otherDecisionsArePublishedWithinTwentyWorkingDays() throws {
        let other = Deadlines.publication(decided: day("2023-03-01"), isPenaltyOrLicence: false,
                                              calendar: calendar, in: .national)
        #expect(other.due == day("2023-03-29"))
    }

    @Test func aRevokedDecisionIsWithdrawnWithinThreeWorkingDays() throws {
        let withdrawal = Deadlines.publicationWithdrawal(revoked: day("2023-09-28"), calendar: calendar, in: .national)
        #expect(withdrawal.due == day("2023-10-09"))  // 10-07 and 10-08 are make-up days
    }

    @Test func anOnSpotDecisionIsFiledWithinFiveDays() throws {
        let filing = Deadlines.onSpotFiling(decided: day("2023-09-25"), calendar: calendar, in: .national)
        #expect(filing.due == day("2023-09-30"))
        #expect(filing.rolledToWorkingDay == day("2023-10-07"))
    }

    @Test func everyKindHasAFunction() throws {
        let d = day("2023-03-01")
        let kinds: [DeadlineKind] = [
            Deadlines.filing(leadReceived: d, calendar: calendar, in: .national).kind,
            Deadlines.evidencePreservation(preserved: d, calendar: calendar, in: .national).kind,
            Deadlines.seizure(executed: d, calendar: calendar, in: .national).kind,
            Deadlines.hearingRequest(noticeServed: d, calendar: calendar, in: .national).kind,
            Deadlines.decision(filed: d, calendar: calendar, in: .national).kind,
            Deadlines.service(decided: d, calendar: calendar, in: .national).kind,
            Deadlines.publication(decided: d, calendar: calendar, in: .national).kind,
            Deadlines.publicationWithdrawal(revoked: d, calendar: calendar, in: .national).kind,
            Deadlines.payment(received: d, calendar: calendar, in: .national).kind,
            Deadlines.onSpotFiling(decided: d, calendar: calendar, in: .national).kind,
        ]
        #expect(kinds == DeadlineKind.allCases)
    }
}
