/// Where a figure of a joint operation's outcomes comes from. Figures of different sources are shown side by
/// side, labelled, and never added up: legacy tally figures in particular never join the linked ones.
public enum OutcomeSource: String, Codable, Sendable, CaseIterable {
    /// The bureau's own results, counted from the cases, seizures and referrals linked to a session.
    case caseRegister
    /// What a partner agency reported for a session (`PartnerReturn`).
    case partnerReturn
    /// The session tally the lead agency recorded: what belongs to no case.
    case sessionTally
    /// Case figures the lead agency typed into a session tally before acts were linked (`Tally.legacyCaseFigures`).
    case legacyTally
}

extension OutcomeSource: Labelled {
    public var labelZh: String {
        switch self {
        case .caseRegister: "本局案件台账（关联案件）"
        case .partnerReturn: "本单位报送"
        case .sessionTally: "现场记录（牵头单位）"
        case .legacyTally: "牵头单位填报（旧）"
        }
    }
}
