import Testing
@testable import Enforcement

/// Rejections read as one sentence "what is wrong: what to do" and map to the CLI's exit codes.
@Suite struct CaseRejectionMessageTests {
    static let samples: [Rejection] = [
        .notFound(aggregate: "case", next: .openCase),
        .alreadyExists(aggregate: "officer", id: "O-01"),
        .notAllowedNow(aggregate: "case", id: "CASE-2023-0007", status: "investigationConcluded", command: .case(.archive)),
        .missingField("reason"), .invalidPeriod(from: Fixture.date("2023-02-01"), to: Fixture.date("2023-01-01")),
        .negativeCount(field: "leaflets", agency: nil), .tooFewOfficers(count: 1), .officerNotCertified("O-04"),
        .operationClosed(operationId: "OP-2023-0007", status: "archived"),
        .limitationPeriodExpired(actDate: Fixture.date("2021-01-01"), expiredOn: Fixture.date("2023-01-01")),
        .actAlreadyFined(by: CaseRef(caseId: "JJ-1", agencyCode: "WSJJ")),
        .legalReviewRequired(caseId: "CASE-2023-0007", reasons: [.fineAtOrAboveThreshold, .hearingHeld]),
        .penaltyExceedsNotice(noticeYuan: 20_000, decidedYuan: 25_000), .chairInvestigated("O-01"),
        .cashNotAllowed(fineYuan: 150),
        .lawRefused(.unknownBasis(id: "X")), .invalidPlate(.empty), .seizureStillActive("新G·12345"),
        .summaryLimitExceeded(fineYuan: 201, limitYuan: 200, party: .individual),
    ]

    @Test(arguments: samples)
    func aMessageIsOneSentenceSayingWhatIsWrongAndWhatToDo(rejection: Rejection) {
        let message = rejection.message
        #expect(!message.contains("\n"))
        #expect(message.contains(":") || message.contains(";"), "no 'what to do' part: \(message)")
        #expect(!message.hasSuffix("."))
    }

    @Test func theLegalReviewMessageNamesTheCaseTheReasonsAndTheNextStep() {
        let rejection = Rejection.legalReviewRequired(caseId: "CASE-2023-0007", reasons: [.fineAtOrAboveThreshold])
        // The domain names the step; whoever shows the message spells it (the CLI as `jointops case request-review`).
        let message = rejection.message { "<\($0)>" }
        #expect(message == "case CASE-2023-0007 needs a passed legal review before this decision "
            + "(fine at or above threshold; APL 58): request one with <requestLegalReview on case CASE-2023-0007>")
    }

    @Test func aStepOutOfOrderNamesTheStatusInWords() {
        let message = Rejection.notAllowedNow(aggregate: "case", id: "CASE-1", status: "investigationConcluded",
                                              command: .case(.archive)).message
        #expect(message.hasPrefix("case CASE-1 is investigation concluded, so `archive` is not possible now"))
    }

    @Test func categoriesMapToTheCLIExitCodes() {
        #expect(Rejection.missingField("x").category.exitCode == 2)
        #expect(Rejection.lawRefused(.unknownBasis(id: "X")).category == .invalidInput)
        #expect(Rejection.tooFewOfficers(count: 1).category.exitCode == 3)
        #expect(Rejection.lawRefused(.fineOutOfRange(amountYuan: 1, minYuan: 2, maxYuan: 3, basisId: "B")).category
            == .ruleRefused)
        #expect(Rejection.alreadyExists(aggregate: "case", id: "C").category.exitCode == 4)
        #expect(Rejection.operationClosed(operationId: "OP", status: "archived").category == .ruleRefused)
    }
}
