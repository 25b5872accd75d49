/// The deadline rules of DOMAIN.md §5, one function per clock.
///
/// Each takes the trigger date (not counted), the calendar and the jurisdiction whose holidays
/// apply (Wusu: `.xinjiang`). Working-day lengths follow APL Art 85 and Coercion Law Art 69;
/// everything else is calendar days.
/// A count that reaches a (jurisdiction, year) without a complete calendar never refuses: it gives a
/// provisional deadline (DOMAIN.md §5, ``WorkingDayCalendar/counting(workingDays:after:in:partysWindow:)``).
public enum Deadlines {
    /// Lead received → decide whether to file. The law says "promptly" (APL 54, MOT-9 Art 62) with no
    /// number; `workingDays` is the bureau's alert threshold, 15 by default.
    public static func filing(leadReceived: LocalDate, workingDays: Int = 15,
                              calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byWorkingDays(.filing, from: leadReceived, workingDays, "APL 54; MOT-9 62 (configurable alert)", "立案审批期限",
                          calendar, jurisdiction)
    }

    /// Evidence registered for preservation (先行登记保存) → decide what to do with it: 7 WD (APL 56, 85).
    public static func evidencePreservation(preserved: LocalDate,
                                            calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byWorkingDays(.evidencePreservation, from: preserved, 7, "APL 56, 85", "先行登记保存处理期限", calendar, jurisdiction)
    }

    /// Vehicle seized → release or dispose: 30 CD, or 60 CD once extended with the head's approval
    /// (Coercion Law 25). Testing or appraisal time is excluded by law: pass it as `excludedDays`.
    public static func seizure(executed: LocalDate, extended: Bool = false, excludedDays: Int = 0,
                               calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byCalendarDays(.seizure, from: executed, (extended ? 60 : 30) + excludedDays,
                           extended ? "Coercion Law 25 (extended once)" : "Coercion Law 25", "扣押期限", calendar, jurisdiction)
    }

    /// Pre-decision notice served → last day for the party to request a hearing: 5 WD (APL 64).
    public static func hearingRequest(noticeServed: LocalDate,
                                      calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        // The party's right: while provisional, lengthened by the jurisdiction's margin.
        byWorkingDays(.hearingRequest, from: noticeServed, 5, "APL 64", "听证申请期限", calendar, jurisdiction,
                      partysWindow: true)
    }

    /// Case filed → decision: 90 CD (APL 60). `extensionDays` adds an approved extension; the MOT
    /// extension rule is not verified (domain-notes §1.2 stage 6), so the caller decides.
    public static func decision(filed: LocalDate, extensionDays: Int = 0,
                                calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byCalendarDays(.decision, from: filed, 90 + extensionDays,
                           extensionDays > 0 ? "APL 60 (extended)" : "APL 60", "作出处罚决定期限", calendar, jurisdiction)
    }

    /// Decision made with the party absent → service: 7 WD (APL 61).
    public static func service(decided: LocalDate,
                               calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byWorkingDays(.service, from: decided, 7, "APL 61", "送达期限", calendar, jurisdiction)
    }

    /// Decision → publication: 7 WD for penalty and licensing decisions, 20 WD for other
    /// enforcement decisions (三项制度, 国办发〔2018〕118号; APL 48).
    public static func publication(decided: LocalDate, isPenaltyOrLicence: Bool = true,
                                   calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byWorkingDays(.publication, from: decided, isPenaltyOrLicence ? 7 : 20,
                          "三项制度 (国办发〔2018〕118号); APL 48", "公示期限", calendar, jurisdiction)
    }

    /// Decision changed, revoked or declared void → withdraw its publication: 3 WD (APL 48 ¶2).
    public static func publicationWithdrawal(revoked: LocalDate,
                                             calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byWorkingDays(.publicationWithdrawal, from: revoked, 3, "APL 48", "撤下公示期限", calendar, jurisdiction)
    }

    /// Decision received → pay the fine: 15 CD (APL 67); afterwards the 3 %/day surcharge (APL 72).
    public static func payment(received: LocalDate,
                               calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byCalendarDays(.payment, from: received, 15, "APL 67", "缴纳罚款期限", calendar, jurisdiction)
    }

    /// On-the-spot decision → copy filed with the agency: 5 days (MOT-9 Art 61(8)).
    ///
    /// Counted as calendar days, rolled to a working day: whether MOT-9 counts this period in
    /// working days is not verified, and the calendar-day date is never the later one, so the
    /// strict date is the safe alert.
    public static func onSpotFiling(decided: LocalDate,
                                    calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> Deadline {
        byCalendarDays(.onSpotFiling, from: decided, 5, "MOT-9 61", "当场处罚决定书备案期限", calendar, jurisdiction)
    }

    // MARK: - Counting

    // Every other working-day clock is a duty of the bureau: no margin. Calendar-day clocks (payment,
    // seizure, decision) take none either: their length is certain, only the roll to a working day is not.
    private static func byWorkingDays(_ kind: DeadlineKind, from start: LocalDate, _ days: Int, _ basis: String,
                                      _ label: String, _ calendar: WorkingDayCalendar,
                                      _ jurisdiction: Jurisdiction, partysWindow: Bool = false) -> Deadline {
        let due = calendar.counting(workingDays: days, after: start, in: jurisdiction, partysWindow: partysWindow)
        return Deadline(kind: kind, due: due.date, basis: basis, labelZh: label, provisional: due.provisional,
                        recount: .init(from: start, days: days, partysWindow: partysWindow))
    }

    private static func byCalendarDays(_ kind: DeadlineKind, from start: LocalDate, _ days: Int, _ basis: String,
                                       _ label: String, _ calendar: WorkingDayCalendar,
                                       _ jurisdiction: Jurisdiction) -> Deadline {
        rolled(kind, due: start.adding(days: days), basis, label, calendar, jurisdiction)
    }

    /// A calendar-day deadline ending on `due`, rolled to a working day when `due` is a day off.
    static func rolled(_ kind: DeadlineKind, due: LocalDate, _ basis: String, _ label: String,
                       _ calendar: WorkingDayCalendar, _ jurisdiction: Jurisdiction) -> Deadline {
        let rolled = calendar.rolling(onOrAfter: due, in: jurisdiction)
        return Deadline(kind: kind, due: due, rolledToWorkingDay: rolled.date == due ? nil : rolled.date, basis: basis,
                        labelZh: label, provisional: rolled.provisional, recount: .init(from: due, days: 0))
    }
}
