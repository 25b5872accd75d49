/// A case-file audit (案卷评查): who reviewed which agency's case files, how many, and what they found. Each
/// finding becomes a rectification item of origin `.caseFileAudit` linked to the audit.
public struct CaseFileAudit: Codable, Sendable, Equatable {
    /// The day of the audit.
    public var date: LocalDate
    /// Code of the reviewing agency: one of its officers records the audit.
    public var agency: String
    /// Code of the agency whose case files were reviewed.
    public var auditedAgency: String
    /// Case files reviewed; > 0.
    public var filesReviewed: Int
    /// What was reviewed (Chinese), e.g. "2023年上半年行政处罚案卷".
    public var scopeZh: String
    /// The problems found (Chinese), e.g. "流程不规范"; may be none.
    public var findingsZh: [String]

    public init(date: LocalDate, agency: String, auditedAgency: String, filesReviewed: Int, scopeZh: String,
                findingsZh: [String]) {
        self.date = date
        self.agency = agency
        self.auditedAgency = auditedAgency
        self.filesReviewed = filesReviewed
        self.scopeZh = scopeZh
        self.findingsZh = findingsZh
    }

    /// The most files one audit may review, and findings it may list: far beyond a county's year.
    public static let maximumFiles = 10_000, maximumFindings = 100
}

/// What can be asked of a case-file audit: recording it, once.
public enum AuditCommand: Sendable, Equatable {
    case record(auditId: String, CaseFileAudit)
}
