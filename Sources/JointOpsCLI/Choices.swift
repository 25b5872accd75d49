import ArgumentParser
import Enforcement
import JointOps

/// An enumeration an option takes by its raw value, matched without regard to case (`--sector blackcar`).
///
/// `--help` lists the values with their Chinese labels (`Labelled`) and short names (`Aliased`); a value is accepted
/// by its code, in any case, by its full label (`--sector 非法营运（黑车）`) or by a short name (`--sector 黑车`); any
/// other is refused while parsing, and `UsageMessage` words the refusal.
public protocol Choice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension Choice {
    public init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        guard let value = Self(rawValue: text)
            ?? Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else { return nil }
        self = value
    }
}

extension Choice where Self: Labelled {
    /// A code in any case, the full label or a short name (`Labelled.named`).
    public init?(argument: String) {
        guard let value = Self.named(argument) else { return nil }
        self = value
    }

    /// `--help` shows each code with its Chinese label and short names: `blackCar - 非法营运（黑车）, 黑车, 非法营运`.
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { value in
            (value.rawValue, ([value.labelZh] + ((value as? Aliased)?.aliasesZh ?? [])).joined(separator: ", "))
        })
    }
}

extension OutputFormat: Choice {}
extension Sector: Choice {}
extension AgencyKind: Choice {}
extension PartyKind: Choice {}
extension LeadSource: Choice {}
extension EvidenceKind: Choice {}
extension PenaltyType: Choice {}
extension NoPenaltyReason: Choice {}
extension ServiceMethod: Choice {}
extension PaymentChannel: Choice {}
extension PublicationPolicy.WithholdingReason: Choice {}
extension ReferralKind: Choice {}
extension FoundDuring: Choice {}
extension RectificationOrigin: Choice {}
extension CaseState.Status: Choice {}
extension OperationState.Status: Choice {}

extension UsageMessage {
    /// The Chinese labels of the options' choices, by their codes: a refusal lists each value as
    /// `inspection (检查发现)`, as the case register's import does, never the codes alone. A `Choice` added later is
    /// listed here (a choice without labels, such as the output formats, is left out).
    static let labelled: [[String]: [String]] = Dictionary([
        labels(Sector.self), labels(AgencyKind.self), labels(PartyKind.self), labels(LeadSource.self),
        labels(EvidenceKind.self), labels(PenaltyType.self), labels(NoPenaltyReason.self), labels(ServiceMethod.self),
        labels(PaymentChannel.self), labels(PublicationPolicy.WithholdingReason.self), labels(ReferralKind.self),
        labels(FoundDuring.self), labels(RectificationOrigin.self), labels(CaseState.Status.self),
        labels(OperationState.Status.self), labels(CounselReviewKind.self), labels(CorrectableField.self),
        labels(OfficerRole.self), labels(OutreachChannel.self), labels(RuleOfLawActivityKind.self),
        labels(Jurisdiction.self),
    ].compactMap { $0.map { ($0.codes, $0.labels) } }, uniquingKeysWith: { first, _ in first })

    /// A choice's codes and labels, or nil when its values have no label.
    static func labels<T: Choice>(_ type: T.Type) -> (codes: [String], labels: [String])? {
        let labels = T.allCases.compactMap { ($0 as? Labelled)?.labelZh }
        guard labels.count == T.allCases.count else { return nil }
        return (T.allCases.map(\.rawValue), labels)
    }
}
