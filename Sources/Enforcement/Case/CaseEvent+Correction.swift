// The correction (更正) of a recorded field: history is never rewritten, a later event says what the field
// should have said, why, and who corrected it.
extension CaseEvent {
    public struct Corrected: EventPayload {
        public static let eventType = "CaseCorrected"
        public let field: CorrectableField
        /// The value before and after, as text: dates ISO, amounts in yuan, kinds and sectors by code.
        public let from: String
        public let to: String
        public let reasonZh: String
        /// The correcting officer.
        public let officer: String
        public let correctedOn: LocalDate
        /// The decision had been served: only a clerical error could be corrected.
        public let afterService: Bool
        /// The decision was published: it is republished, masked, with the correction (公示更正).
        public let republished: Bool
        /// The agency holding the case, and the party, act and act key after the correction: the folded state and
        /// the cross-case lookups (one fine per act) read them from here.
        public let agency: String?
        public let party: Party
        public let act: Act
        public let actKey: ActKey
        /// The last day the act can be punished (APL 36), counted again from a corrected act date.
        public let limitationExpires: LocalDate
        /// The decided penalty after the correction, governed again; nil when the case has none.
        public let penalty: Penalty?
    }
}

extension CaseState {
    /// The field as the correction leaves it; the correction joins the history `case show` prints.
    mutating func correct(_ e: CaseEvent.Corrected) {
        party = e.party
        act = e.act
        if filedOn != nil { limitationExpires = e.limitationExpires }
        if let penalty = e.penalty, case .penalty = outcome { outcome = .penalty(penalty) }
        corrections.append(e)
    }
}
