import ArgumentParser
import Enforcement
import JointOps

/// An enumeration an option takes by its raw value, matched without regard to case (`--sector blackcar`).
///
/// `--help` lists the values with their Chinese labels (`Labelled`); a value is accepted by its code, in any case,
/// or by its full label (`--sector 黑车`); any other is refused while parsing, and `UsageMessage` words the refusal.
public protocol Choice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension Choice {
    public init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        guard let value = Self(rawValue: text)
            ?? Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
            ?? Self.allCases.first(where: { ($0 as? Labelled)?.labelZh == text }) else { return nil }
        self = value
    }
}

extension Choice where Self: Labelled {
    /// `--help` shows each code with its Chinese label: `blackCar - 黑车`.
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.labelZh) })
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
extension CaseState.Status: Choice {}
extension OperationState.Status: Choice {}
