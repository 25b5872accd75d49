/// Decides on a review by the legal adviser (法律顾问审核), one stream per review.
public enum CounselDecider: Decider {
    public typealias Command = CounselCommand
    public typealias Event = CounselEvent
    /// The review once recorded.
    public typealias State = CounselReview?

    public static var initialState: CounselReview? { nil }

    public static func decide(_ command: CounselCommand, state: CounselReview?,
                              context: DecisionContext) throws(Rejection) -> [CounselEvent] {
        switch command {
        case let .record(reviewId, review):
            guard state == nil else { throw .alreadyExists(aggregate: "counsel review", id: reviewId) }
            try Rejection.requireText(reviewId, "review id")
            try Rejection.requireText(review.subjectZh, "subject")
            try Rejection.requireText(review.counselZh, "counsel")
            if let opinion = review.opinionZh { try Rejection.requireText(opinion, "opinion") }
            try YearRecordRules.requireAgency(review.agency, context)
            try YearRecordRules.requireHappened(review.date, context)
            // Only a case review names a case.
            var review = review
            if review.kind != .case { review.caseId = nil }
            return [.recorded(.init(reviewId: reviewId, review: review))]
        }
    }

    public static func evolve(_ state: CounselReview?, _ event: CounselEvent) -> CounselReview? {
        switch event { case .recorded(let e): e.review }
    }

    /// A review is recorded by an officer of the agency the adviser works for (DESIGN.md §9).
    public static func actingClaim(for command: CounselCommand, state: CounselReview?) -> ActingClaim {
        switch command { case .record(_, let review): .agency(review.agency) }
    }
}
