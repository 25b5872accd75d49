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
