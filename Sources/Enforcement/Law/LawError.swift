/// A penalty that the legal-basis catalogue refuses.
public enum LawError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No basis or family with this id in the catalogue.
    case unknownBasis(id: String)
    /// No version of the rule was in force on the act's date.
    case noVersionInForce(family: String, on: LocalDate)
    /// The applicable text does not fine this kind of party.
    case noFineForParty(basisId: String, party: PartyKind)
    /// The amount lies outside the band of the applicable text (bounds inclusive).
    case fineOutOfRange(amountYuan: Int, minYuan: Int, maxYuan: Int, basisId: String)
    /// The article does not apply to the case's sector; `fitting` are the families of the sector that provide
    /// every chosen type.
    case basisNotForSector(cited: String, sector: Sector, fitting: [String])
    /// The governing text does not provide this penalty type; `fitting` are the families of the sector that
    /// provide every chosen type.
    case penaltyTypeNotProvided(basisId: String, type: PenaltyType, sector: Sector, fitting: [String])
    /// The officer named a version that does not govern the act (APL 37).
    case versionNotGoverning(cited: String, governing: String, rule: BasisRule, actDate: LocalDate)

    /// One sentence: what is wrong and what to do, with the next step spelled by `render`.
    public func message(rendering render: (NextStep) -> String) -> String {
        switch self {
        case let .unknownBasis(id):
            return "unknown legal basis `\(id)`; list the catalogue with \(render(.listLegalBases))"
        case let .noVersionInForce(family, date):
            return "no version of \(family) in the catalogue was in force on \(date); see \(render(.showLegalBasis(family)))"
        case let .noFineForParty(basisId, party):
            return "\(basisId) sets no fine for \(party == .individual ? "an individual" : "an organisation"); "
                + "see \(render(.showLegalBasis(basisId)))"
        case let .fineOutOfRange(amount, min, max, basisId):
            return "a fine of \(amount) yuan is outside \(min)–\(max) yuan set by \(basisId), the text that applies to "
                + "this act; see \(render(.showLegalBasis(basisId)))"
        case let .basisNotForSector(cited, sector, fitting):
            return "\(cited) does not apply to \(sector.rawValue) (\(sector.labelZh)) cases; \(Self.fitting(fitting)); "
                + "see \(render(.listLegalBasesForSector(sector)))"
        case let .penaltyTypeNotProvided(basisId, type, sector, fitting):
            return "\(basisId) provides no \(type.rawValue) (\(type.labelZh)); \(Self.fitting(fitting)); "
                + "see \(render(.listLegalBasesForSector(sector)))"
        case let .versionNotGoverning(cited, governing, rule, actDate):
            return "\(cited) does not govern an act of \(actDate): \(governing) does (\(rule.labelZh)); "
                + "cite the family or \(governing), see \(render(.showLegalBasis(governing)))"
        }
    }

    private static func fitting(_ ids: [String]) -> String {
        ids.isEmpty ? "no article in the catalogue fits" : "articles that fit: \(ids.joined(separator: ", "))"
    }

    /// The sentence in plain words, the next step described rather than spelled as a command.
    public var message: String { message { "`\($0)`" } }

    public var description: String { message }
}
