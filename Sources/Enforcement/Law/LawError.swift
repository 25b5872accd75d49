/// A penalty that the legal-basis catalogue refuses.
public enum LawError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No basis with this id in the catalogue.
    case unknownBasis(id: String)
    /// No version of the rule was in force on the act's date.
    case noVersionInForce(family: String, on: LocalDate)
    /// The applicable text does not fine this kind of party.
    case noFineForParty(basisId: String, party: PartyKind)
    /// The amount lies outside the band of the applicable text (bounds inclusive).
    case fineOutOfRange(amountYuan: Int, minYuan: Int, maxYuan: Int, basisId: String)

    /// One sentence: what is wrong and what to do, with the next step spelled by `render`.
    public func message(rendering render: (NextStep) -> String) -> String {
        switch self {
        case let .unknownBasis(id):
            return "unknown legal basis `\(id)`; list the catalogue with \(render(.listLegalBases))"
        case let .noVersionInForce(family, date):
            return "no version of \(family) in the catalogue was in force on \(date); add that text to the catalogue"
        case let .noFineForParty(basisId, party):
            return "\(basisId) sets no fine for \(party == .individual ? "an individual" : "an organisation")"
        case let .fineOutOfRange(amount, min, max, basisId):
            return "a fine of \(amount) yuan is outside \(min)–\(max) yuan set by \(basisId), the text that applies to this act"
        }
    }

    /// The sentence in plain words, the next step described rather than spelled as a command.
    public var message: String { message { "`\($0)`" } }

    public var description: String { message }
}
