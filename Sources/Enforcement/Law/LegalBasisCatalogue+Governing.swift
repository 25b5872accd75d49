// APL Art 37 and the fit of a basis to the offence: which text governs a penalty, and whether it allows it.
extension LegalBasisCatalogue {
    /// The text that governs `penalty` (APL 37): the version in force on `actDate`, unless the version in
    /// force on `decisionDate` is lighter — it allows the penalty and the act-date text does not, or its
    /// fixed band for `party` is lower at both ends.
    /// - Throws: `.noVersionInForce` when no version covers `actDate`.
    public func governing(family: String, penalty: Penalty, party: PartyKind, actDate: LocalDate,
                          decisionDate: LocalDate) throws(LawError) -> GoverningBasis {
        guard let atAct = inForce(family: family, on: actDate) else {
            throw .noVersionInForce(family: family, on: actDate)
        }
        guard decisionDate > actDate, let later = inForce(family: family, on: decisionDate), later.id != atAct.id else {
            return GoverningBasis(basis: atAct, rule: .actDateText)
        }
        if later.allows(penalty, party: party), !atAct.allows(penalty, party: party) {
            return GoverningBasis(basis: later, rule: .lighterLaterText)
        }
        if penalty.types.allSatisfy(later.penaltyTypes.contains), let newer = later.fineRange(for: party),
           let older = atAct.fineRange(for: party), newer.isLowerAtBothEnds(than: older) {
            return GoverningBasis(basis: later, rule: .lighterLaterText)
        }
        return GoverningBasis(basis: atAct, rule: .actDateText)
    }

    /// Checks `penalty` against the article it cites and returns the governing version.
    ///
    /// The citation (`penalty.legalBasisId`) is a family (`RTR-63`) or a version id; a version other than
    /// the governing one is refused. The article must list `sector` and provide every chosen type, and a
    /// fine must lie in the governing band (above the gains threshold, the multiple of the gains).
    /// - Throws: ``LawError`` naming what does not fit.
    public func check(_ penalty: Penalty, sector: Sector, party: PartyKind, actDate: LocalDate,
                      decisionDate: LocalDate) throws(LawError) -> GoverningBasis {
        let cited = penalty.legalBasisId
        let family = try family(cited: cited)
        // The articles named instead are those of the sector that provide every type chosen.
        let fitting = families(for: sector, providing: penalty.types)
        guard versions(of: family).contains(where: { $0.sectors.contains(sector) }) else {
            throw .basisNotForSector(cited: cited, sector: sector, fitting: fitting)
        }
        let governing = try governing(family: family, penalty: penalty, party: party, actDate: actDate,
                                      decisionDate: decisionDate)
        let basis = governing.basis
        if cited.uppercased() != family, cited.uppercased() != basis.id {
            throw .versionNotGoverning(cited: cited, governing: basis.id, rule: governing.rule, actDate: actDate)
        }
        guard basis.sectors.contains(sector) else {
            throw .basisNotForSector(cited: basis.id, sector: sector, fitting: fitting)
        }
        if let missing = penalty.types.first(where: { !basis.penaltyTypes.contains($0) }) {
            throw .penaltyTypeNotProvided(basisId: basis.id, type: missing, sector: sector, fitting: fitting)
        }
        guard penalty.fineYuan > 0 else { return governing }
        guard let range = basis.fineRange(for: party, illegalGainsYuan: penalty.illegalGainsYuan) else {
            throw .noFineForParty(basisId: basis.id, party: party)
        }
        guard range.contains(penalty.fineYuan) else {
            throw .fineOutOfRange(amountYuan: penalty.fineYuan, minYuan: range.minYuan, maxYuan: range.maxYuan,
                                  basisId: basis.id)
        }
        return governing
    }
}
