import Testing
@testable import Enforcement

/// Rectification items (整改问题): raise → opinion → owner → rectified → verified → closed out (销号).
@Suite struct RectificationTests {
    static let id = "RECT-2023-007"
    static let raised: [(String, RectificationCommand)] = [
        ("2023-06-01", .raise(itemId: id, descriptionZh: "案卷中询问笔录缺少执法人员签名", foundBy: "市司法局",
                              foundDuring: .caseFileAudit)),
    ]
    static let assigned = raised + [
        ("2023-06-02", .issueOpinion(opinionZh: "补正签名并组织培训", issuedBy: Fixture.zhouMin)),
        ("2023-06-02", .assignOwner(owner: "执法大队一中队", due: Fixture.date("2023-06-30"))),
    ]
    static let rectified = assigned + [("2023-06-20", .reportRectified(descriptionZh: "已补正并培训12人次"))]
    static let verified = rectified + [("2023-06-25", .verify(verifiedBy: Fixture.zhouMin))]
    static let closedOut = verified + [("2023-06-28", .closeOut(closedBy: Fixture.chenGang))]

    static func events(_ steps: [(String, RectificationCommand)]) -> [RectificationEvent] {
        history(RectificationDecider.self, steps)
    }

    func given(_ steps: [(String, RectificationCommand)], when command: RectificationCommand,
               on day: String) -> Result<[RectificationEvent], Rejection> {
        EnforcementTests.given(RectificationDecider.self, Self.events(steps), when: command, on: day)
    }

    @Test func anItemRunsFromFindingToCloseOutOnTime() {
        let state = RectificationDecider.fold(Self.events(Self.closedOut))
        #expect(state.status == .closedOut)
        #expect(state.closedOnTime == true)
        #expect(!state.isOverdue(on: Fixture.date("2023-12-31")))
    }

    @Test func anOpenItemPastItsDueDateIsOverdue() {
        let state = RectificationDecider.fold(Self.events(Self.assigned))
        #expect(!state.isOverdue(on: Fixture.date("2023-06-30")))
        #expect(state.isOverdue(on: Fixture.date("2023-07-01")))
        #expect(state.closedOnTime == nil)
    }

    @Test func anItemClosedAfterItsDueDateCountsAsLate() {
        let late = Self.verified + [("2023-07-05", .closeOut(closedBy: Fixture.chenGang))]
        #expect(RectificationDecider.fold(Self.events(late)).closedOnTime == false)
    }

    @Test func anOwnerCannotBeAssignedBeforeTheOpinion() {
        #expect(given(Self.raised, when: .assignOwner(owner: "一中队", due: Fixture.date("2023-06-30")), on: "2023-06-02")
            == .failure(.notAllowedNow(aggregate: "rectification", id: Self.id, status: "raised", command: .rectification(.assignOwner))))
    }

    @Test func aDueDateInThePastIsRejected() {
        let opinion = Self.raised + [("2023-06-02", .issueOpinion(opinionZh: "补正", issuedBy: Fixture.zhouMin))]
        #expect(given(opinion, when: .assignOwner(owner: "一中队", due: Fixture.date("2023-06-01")), on: "2023-06-02")
            == .failure(.dateInPast(Fixture.date("2023-06-01"), today: Fixture.date("2023-06-02"))))
    }

    @Test func closingOutBeforeVerificationIsRejected() {
        #expect(given(Self.rectified, when: .closeOut(closedBy: Fixture.chenGang), on: "2023-06-21")
            == .failure(.notAllowedNow(aggregate: "rectification", id: Self.id, status: "rectified", command: .rectification(.closeOut))))
    }

    @Test func aRejectedFixGoesBackToTheOwnerWithTheSameDueDate() {
        let rejected = Self.rectified + [("2023-06-22", .rejectRectification(verifiedBy: Fixture.zhouMin, reasonZh: "培训记录不全"))]
        let state = RectificationDecider.fold(Self.events(rejected))
        #expect(state.status == .assigned)
        #expect(state.due == Fixture.date("2023-06-30"))
        #expect(state.rejections == 1)
    }

    @Test func raisingTheSameItemTwiceIsRejected() {
        #expect(given(Self.raised, when: Self.raised[0].1, on: "2023-06-02")
            == .failure(.alreadyExists(aggregate: "rectification", id: Self.id)))
    }

    @Test func everyRectificationEventRoundTripsThroughJSON() throws {
        let events = Self.events(Self.closedOut)
            + Self.events(Self.rectified + [("2023-06-22", .rejectRectification(verifiedBy: Fixture.zhouMin, reasonZh: "不全"))])
        #expect(Set(events.map(\.eventType)) == Set(RectificationEvent.eventTypes))
        for event in events { #expect(try roundTrip(event) == event, "\(event.eventType)") }
    }
}
