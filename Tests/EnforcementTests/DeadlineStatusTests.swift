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

/// Seizure clocks (calendar days) carry the same marks once the vehicle is released or confiscated.
@Suite struct SeizureDeadlineStatusTests {
    static let seized = CaseStory.filed + [("2023-08-01", SeizureTests.seize)]
    static let release = CaseCommand.releaseVehicle(plate: "新G12345", reasonZh: "解除扣押")

    @Test func aReleaseAfterTheSeizureEndedIsLateInCalendarDays() throws {
        // Seized 2023-08-01: 30 days, to 2023-08-31 (a Thursday).
        let events = CaseStory.events(Self.seized + [("2023-09-04", Self.release)])
        let statuses = CaseDecider.fold(events).deadlineStatuses(on: Fixture.date("2023-09-10"), calendar: .shipped,
                                                                 in: .xinjiang)
        let seizure = statuses.first { $0.deadline.kind == .seizure }?.status
        #expect(seizure == .late(doneOn: Fixture.date("2023-09-04"), days: 4))
        #expect(seizure?.text(for: .seizure) == "逾期完成, 4 日")
    }

    @Test func aReleaseWithinTheSeizureIsOnTime() {
        let events = CaseStory.events(Self.seized + [("2023-08-20", Self.release)])
        let statuses = CaseDecider.fold(events).deadlineStatuses(on: Fixture.date("2023-09-10"), calendar: .shipped,
                                                                 in: .xinjiang)
        #expect(statuses.first { $0.deadline.kind == .seizure }?.status == .onTime(doneOn: Fixture.date("2023-08-20")))
    }
}
