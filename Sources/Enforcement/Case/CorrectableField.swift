/// A recorded field of a case that `case correct` can put right (更正), by its code; people read `labelZh`.
///
/// The rule (DOMAIN.md has no source for it: 待确认, for the bureau to confirm): before the decision is served,
/// any recorded field may be corrected; after service, only clerical errors (`isClerical`: the party's name and
/// ID number, the plate, the place and the description of the act). The penalty, the legal basis and the party's
/// identity (its kind, or another party altogether) then change only by revoking the decision and deciding anew.
public enum CorrectableField: String, Codable, Sendable, CaseIterable, Labelled {
    case partyName, partyId, partyKind, actDate, actPlace, actDescription, plate, sector, fine, legalBasis

    public var labelZh: String {
        switch self {
        case .partyName: "当事人姓名或名称"
        case .partyId: "证件号码"
        case .partyKind: "当事人类别"
        case .actDate: "违法行为日期"
        case .actPlace: "违法地点"
        case .actDescription: "违法事实"
        case .plate: "车牌号"
        case .sector: "行业"
        case .fine: "罚款金额（元）"
        case .legalBasis: "法律依据"
        }
    }

    /// A clerical error (笔误): correctable after service too, because it changes neither who was punished,
    /// nor for what act, nor how.
    public var isClerical: Bool {
        switch self {
        case .partyName, .partyId, .plate, .actPlace, .actDescription: true
        case .partyKind, .actDate, .sector, .fine, .legalBasis: false
        }
    }

    /// Whether the field belongs to the decided penalty (it exists only once a penalty is decided).
    var isPenaltyField: Bool { self == .fine || self == .legalBasis }
}
