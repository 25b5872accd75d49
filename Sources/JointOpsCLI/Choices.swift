import ArgumentParser
import Enforcement
import JointOps

/// An enumeration an option takes by its raw value, matched without regard to case (`--sector blackcar`).
///
/// `--help` lists the values (with the Chinese label where the domain has one); any other value is refused
/// while parsing, and `UsageMessage` words the refusal.
protocol Choice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension Choice {
    public init?(argument: String) {
        guard let value = Self(rawValue: argument)
            ?? Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else { return nil }
        self = value
    }
}

extension OutputFormat: Choice {}
extension Sector: Choice {
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.labelZh) })
    }
}
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
