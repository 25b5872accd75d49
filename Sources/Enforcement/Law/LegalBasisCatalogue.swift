/// The versioned penalty articles the bureau applies, and the fine check of APL Art 37.
///
/// Reference data: the shipped catalogue holds the articles of DOMAIN.md §8; a bureau adds its own
/// with ``init(bases:)``. Actual amounts within a band come from the regional discretion benchmark
/// (裁量基准), which is not modelled here.
public struct LegalBasisCatalogue: Sendable {
    /// Every basis, in the order given.
    public let all: [LegalBasis]
    private let byId: [String: LegalBasis]

    /// Creates a catalogue. Ids must be unique (a programmer mistake otherwise).
    public init(bases: [LegalBasis]) {
        self.all = bases
        self.byId = Dictionary(bases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in
            preconditionFailure("duplicate legal basis id \(first.id)")
        })
    }

    /// The basis with this id, if any.
    public func basis(id: String) -> LegalBasis? { byId[id] }

    /// The version of `family` in force on `date`, if any.
    public func inForce(family: String, on date: LocalDate) -> LegalBasis? {
        all.first { $0.family == family && $0.isInForce(on: date) }
    }

    /// The text that governs an act (APL Art 37): the version in force on `actDate`, unless the
    /// version in force on `decisionDate` is lighter for `party`, in which case the newer one.
    ///
    /// "Lighter" compares the fixed fine bands: a lower minimum, or the same minimum and a lower
    /// maximum. Without a `decisionDate` (or when it is not after the act) only the act-date text counts.
    /// - Throws: `.noVersionInForce` when no version covers `actDate`.
    public func applicable(family: String, party: PartyKind, actDate: LocalDate,
                           decisionDate: LocalDate? = nil) throws(LawError) -> LegalBasis {
        guard let atAct = inForce(family: family, on: actDate) else {
            throw .noVersionInForce(family: family, on: actDate)
        }
        guard let decisionDate, decisionDate > actDate,
              let atDecision = inForce(family: family, on: decisionDate), atDecision.id != atAct.id,
              let newer = atDecision.fineRange(for: party), let older = atAct.fineRange(for: party)
        else { return atAct }
        let lighter = newer.minYuan < older.minYuan || (newer.minYuan == older.minYuan && newer.maxYuan < older.maxYuan)
        return lighter ? atDecision : atAct
    }

    /// Checks a fine against the text that governs the act and returns that text.
    ///
    /// `basisId` may name any version of the rule: the check always uses the version chosen by
    /// ``applicable(family:party:actDate:decisionDate:)``. Pass `decisionDate` to let a lighter
    /// later text apply (APL 37); without it the act-date text is used. Above the gains threshold
    /// the band is the multiple of `illegalGainsYuan`. Bounds are inclusive.
    /// - Throws: ``LawError`` when the basis is unknown, no version was in force, the party cannot
    ///   be fined under it, or the amount is outside the band.
    @discardableResult
    public func checkFine(amountYuan: Int, basisId: String, party: PartyKind, actDate: LocalDate,
                          decisionDate: LocalDate? = nil, illegalGainsYuan: Int = 0) throws(LawError) -> LegalBasis {
        guard let named = basis(id: basisId) else { throw .unknownBasis(id: basisId) }
        let governing = try applicable(family: named.family, party: party, actDate: actDate, decisionDate: decisionDate)
        guard let range = governing.fineRange(for: party, illegalGainsYuan: illegalGainsYuan) else {
            throw .noFineForParty(basisId: governing.id, party: party)
        }
        guard range.contains(amountYuan) else {
            throw .fineOutOfRange(amountYuan: amountYuan, minYuan: range.minYuan, maxYuan: range.maxYuan,
                                  basisId: governing.id)
        }
        return governing
    }
}
