import Testing
@testable import Enforcement

/// Issue 10, point 6: *late* = done after the legal last day (逾期完成), *overdue* = still open past it (已逾期).
/// The story's decision of 2023-08-22 must be served within 7 working days: by 2023-08-31 (a Thursday).
@Suite struct DeadlineStatusTests {
    static func statuses(_ events: [CaseEvent], on day: String) -> [DeadlineKind: DeadlineStatus] {
        let state = CaseDecider.fold(events)
        let pairs = state.deadlineStatuses(on: Fixture.date(day), calendar: .shipped, in: .xinjiang)
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.deadline.kind, $0.status) })
    }

    @Test func aLateServiceIsAcceptedAndMarkedLateInWorkingDays() throws {
        let decided = CaseStory.events(CaseStory.decided)
        // Friday 09-01 and Monday 09-04 are the two working days after the last day.
        let result = given(decided, when: .serveDecision(method: .inPerson), on: "2023-09-04")
        #expect(result.eventTypes == ["DecisionServed"])
        let events = decided + (try result.get())
        let state = CaseDecider.fold(events)
        #expect(state.justCompleted == [.service])
        let status = Self.statuses(events, on: "2023-09-04")[.service]
        #expect(status == .late(doneOn: Fixture.date("2023-09-04"), days: 2))
        #expect(status?.code == "late")
        #expect(status?.text(for: .service) == "逾期完成, 2 个工作日")
    }

    @Test func aServiceOnTheLastDayIsOnTimeNotLate() throws {
        let decided = CaseStory.events(CaseStory.decided)
        let events = decided + (try given(decided, when: .serveDecision(method: .inPerson), on: "2023-08-31").get())
        #expect(Self.statuses(events, on: "2023-09-10")[.service] == .onTime(doneOn: Fixture.date("2023-08-31")))
    }

    @Test func anUnpaidFinePastItsCalendarDayClockIsOverdueInDays() {
        // Served 2023-08-22: 15 days to pay, to 2023-09-06 (a Wednesday).
        let served = CaseStory.events(CaseStory.served)
        let status = Self.statuses(served, on: "2023-09-10")[.payment]
        #expect(status == .overdue(days: 4))
        #expect(status?.code == "overdue")
        #expect(status?.text(for: .payment) == "已逾期, 4 日")
    }

    @Test func aClockWithinItsTimeIsOpen() {
        let served = CaseStory.events(CaseStory.served)
        #expect(Self.statuses(served, on: "2023-09-06")[.payment] == .open)
        #expect(DeadlineStatus.open.labelZh == "进行中")
    }
}
