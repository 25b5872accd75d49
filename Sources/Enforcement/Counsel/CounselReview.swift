/// What the legal adviser (法律顾问) reviewed: apart from the legal reviewers' case reviews (法制审核).
public enum CounselReviewKind: String, Codable, Sendable, CaseIterable {
    /// 重大项目: a major project's legality.
    case project
    /// 合同协议: a contract or agreement (the tripartite agreement of 2023).
    case agreement
    /// 规范性文件: a normative document before it is issued.
    case normativeDocument
    /// 案件: a case the adviser was asked to review.
    case `case`
}

extension CounselReviewKind: Labelled {
    public var labelZh: String {
        switch self {
        case .project: "重大项目"
        case .agreement: "合同协议"
        case .normativeDocument: "规范性文件"
        case .case: "案件"
        }
    }
}

extension CounselReviewKind: Aliased {
    public var aliasesZh: [String] {
        switch self {
        case .project: ["项目"]
        case .agreement: ["协议", "合同", "三方协议"]
        case .normativeDocument: ["文件"]
        case .case: ["案卷"]
        }
    }
}

/// One review by the legal adviser (法律顾问审核): what, of which kind, by whom, when, and for which agency.
public struct CounselReview: Codable, Sendable, Equatable {
    public var kind: CounselReviewKind
    /// What was reviewed (Chinese): the project, the agreement, the document or the case in words.
    public var subjectZh: String
    /// The adviser (Chinese): the retained lawyer or law firm.
    public var counselZh: String
    /// The day of the review.
    public var date: LocalDate
    /// Code of the agency the adviser reviewed it for: one of its officers records the review.
    public var agency: String
    /// The case reviewed, for a `.case` review when it is on record (`CASE-2023-0123`).
    public var caseId: String?
    /// The adviser's opinion (Chinese), if recorded.
    public var opinionZh: String?

    public init(kind: CounselReviewKind, subjectZh: String, counselZh: String, date: LocalDate, agency: String,
                caseId: String? = nil, opinionZh: String? = nil) {
        self.kind = kind
        self.subjectZh = subjectZh
        self.counselZh = counselZh
        self.date = date
        self.agency = agency
        self.caseId = caseId
        self.opinionZh = opinionZh
    }
}

/// What can be asked of an adviser's review: recording it, once.
public enum CounselCommand: Sendable, Equatable {
    case record(reviewId: String, CounselReview)
}
