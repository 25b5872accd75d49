/// Who the party (当事人) is; fine ranges, review thresholds and summary-procedure limits differ.
public enum PartyKind: String, Codable, Sendable, CaseIterable {
    /// A natural person (公民).
    case individual
    /// A legal person or other organisation (法人或者其他组织).
    case organisation
}
