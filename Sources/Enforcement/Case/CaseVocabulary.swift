/// Where a case lead (案源) came from; the filing form's list.
public enum LeadSource: String, Codable, Sendable, CaseIterable {
    /// 在检查中发现.
    case inspection
    /// 投诉、举报 (verified complaint or report).
    case complaint
    /// 上级交办.
    case assignedBySuperior
    /// 下级报请.
    case reportedByLowerLevel
    /// 有关部门移送.
    case transferredByAgency
    /// The bureau's own licensing window (窗口移交): reported on separately as a possible 以罚代管.
    case licensingWindow
    /// During a joint operation (联合执法).
    case jointOperation
    case other
}

/// Which procedure a case follows.
public enum Procedure: String, Codable, Sendable {
    /// 普通程序.
    case ordinary
    /// 简易程序: decided and served on the spot.
    case summary
}

/// The kind of a piece of evidence (APL 46).
public enum EvidenceKind: String, Codable, Sendable, CaseIterable {
    case document, physical, audioVisual, electronicData, witnessStatement, partyStatement, expertOpinion
    /// 勘验笔录 / 现场笔录.
    case siteRecord
    /// 询问笔录.
    case interviewRecord
}

/// How a decision reached the party (APL 61).
public enum ServiceMethod: String, Codable, Sendable, CaseIterable {
    /// Announced and handed over on the spot (the summary procedure's only method).
    case onTheSpot
    /// Handed over in person later, with a proof of service (送达回证).
    case inPerson
    case post
    /// 公告送达, when no other method works.
    case publicNotice
    /// Fax or e-mail: only with the party's signed consent.
    case electronic
}

/// How a fine reached the treasury. The bureau never collects fines itself (APL 67): there is no such case.
public enum PaymentChannel: String, Codable, Sendable, CaseIterable {
    /// At the designated bank.
    case bank
    /// Electronic payment.
    case ePayment
    /// Cash taken on the spot by the officer: summary procedure, fines ≤ 100 yuan only (APL 68).
    case cashOnSpot
}
