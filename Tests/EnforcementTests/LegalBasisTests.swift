import Testing
@testable import Enforcement

@Suite struct LegalBasisTests {
    let catalogue = LegalBasisCatalogue.shipped
    /// Well after 2023-07-20, whatever the 2023 text's exact effective date turns out to be.
    let after2023Text = day("2023-10-01")

    /// The check of a fine of `amount` cited as `basisId` in `sector`, decided on `decided` (the act date if nil).
    func check(_ amount: Int, _ basisId: String = "RTR-63", sector: Sector = .blackCar, party: PartyKind = .individual,
               act: LocalDate, decided: LocalDate? = nil, gains: Int = 0,
               types: [PenaltyType] = [.fine]) -> Result<GoverningBasis, LawError> {
        let penalty = Penalty(types: types, fineYuan: amount, illegalGainsYuan: gains, legalBasisId: basisId)
        return Result { () throws(LawError) in
            try catalogue.check(penalty, sector: sector, party: party, actDate: act, decisionDate: decided ?? act)
        }
    }

    func refusal(_ amount: Int, _ basisId: String = "RTR-63", sector: Sector = .blackCar, party: PartyKind = .individual,
                 act: LocalDate, decided: LocalDate? = nil, gains: Int = 0) -> LawError? {
        guard case .failure(let error) = check(amount, basisId, sector: sector, party: party, act: act, decided: decided,
                                                gains: gains) else { return nil }
        return error
    }

    func governing(_ amount: Int, _ basisId: String = "RTR-63", act: LocalDate, decided: LocalDate? = nil) -> GoverningBasis? {
        try? check(amount, basisId, act: act, decided: decided).get()
    }

    @Test func aBlackCarFineOf20000ForAnActUnderThe2022TextIsRefused() {
        let result = refusal(20_000, "RTR-63-2022", act: day("2022-05-01"))
        #expect(result == .fineOutOfRange(amountYuan: 20_000, minYuan: 30_000, maxYuan: 100_000, basisId: "RTR-63-2022"))
        #expect(result?.message.contains("30000–100000 yuan set by RTR-63-2022") == true)
    }

    @Test func aBlackCarFineOf20000IsAllowedUnderThe2023Text() {
        let chosen = governing(20_000, "RTR-63-2023", act: after2023Text)
        #expect(chosen?.basis.id == "RTR-63-2023")
        #expect(chosen?.basis.article == "63(2)")
        #expect(chosen?.rule == .actDateText)
    }

    @Test func aBlackCarFineOf150000IsRefusedUnderEveryText() {
        for act in [day("2020-06-01"), day("2022-05-01"), after2023Text] {
            #expect(refusal(150_000, act: act) != nil)
            #expect(refusal(150_000, party: .organisation, act: act, decided: day("2024-01-01")) != nil)
        }
    }

    @Test func fineBoundsAreInclusive() {
        #expect(refusal(30_000, act: day("2022-05-01")) == nil)
        #expect(refusal(29_999, act: day("2022-05-01")) != nil)
        #expect(refusal(100_000, act: day("2022-05-01")) == nil)
        #expect(refusal(100_001, act: day("2022-05-01")) != nil)
        #expect(refusal(10_000, act: after2023Text) == nil)
        #expect(refusal(9_999, act: after2023Text) != nil)
    }

    @Test func theFamilyResolvesToTheTextInForceOnTheActsDate() {
        #expect(governing(50_000, act: day("2022-04-30"))?.basis.id == "RTR-63-2019")
        #expect(governing(50_000, act: day("2022-05-01"))?.basis.id == "RTR-63-2022")
        #expect(governing(50_000, act: day("2023-07-20"))?.basis.id == "RTR-63-2023")
        #expect(governing(50_000, "rtr-63", act: day("2023-07-20"))?.basis.id == "RTR-63-2023")
        #expect(catalogue.inForce(family: "RTR-63", on: day("2022-04-30"))?.id == "RTR-63-2019")
    }

    @Test func namingAVersionThatDoesNotGovernTheActIsRefused() {
        // The 2019 text for a 2024 act; the 2023 text for an act before it took effect.
        #expect(refusal(20_000, "RTR-63-2019", act: day("2024-03-01")) ==
                .versionNotGoverning(cited: "RTR-63-2019", governing: "RTR-63-2023", rule: .actDateText,
                                     actDate: day("2024-03-01")))
        #expect(refusal(50_000, "RTR-63-2023", act: day("2022-05-01"), decided: day("2022-06-01")) ==
                .versionNotGoverning(cited: "RTR-63-2023", governing: "RTR-63-2022", rule: .actDateText,
                                     actDate: day("2022-05-01")))
        #expect(refusal(50_000, "RTR-63-2022", act: day("2022-05-01"), decided: day("2022-06-01")) == nil)
    }

    @Test func aLaterTextAppliesWhenOnlyItAllowsTheChosenFine() {
        // APL 37: act under the 2022 text, decided after the lighter 2023 text took effect.
        let chosen = governing(20_000, act: day("2022-05-01"), decided: after2023Text)
        #expect(chosen?.basis.id == "RTR-63-2023")
        #expect(chosen?.rule == .lighterLaterText)
        // Decided while the 2022 text was still in force: the old band holds.
        #expect(refusal(20_000, act: day("2022-05-01"), decided: day("2022-06-01")) != nil)
    }

    @Test func theActDateTextStaysWhenBothTextsAllowTheFineAndTheLaterBandIsNotLowerAtBothEnds() {
        // 2023's band 10,000–100,000 is lower only at its minimum; 50,000 fits both texts.
        let chosen = governing(50_000, act: day("2022-05-01"), decided: after2023Text)
        #expect(chosen?.basis.id == "RTR-63-2022")
        #expect(chosen?.rule == .actDateText)
    }

    func twoTexts(later: LegalBasis.FineRange) -> LegalBasisCatalogue {
        let older = LegalBasis(id: "X-1-2020", family: "X-1", law: "X", lawZh: "X", version: "2020", article: "1",
                               effectiveFrom: day("2020-01-01"), effectiveTo: day("2022-12-31"), sectors: [.taxi],
                               penaltyTypes: [.fine], offenceZh: "x", individualFine: .init(minYuan: 100, maxYuan: 500),
                               organisationFine: nil, source: "test", tag: .D)
        var newer = older
        newer.id = "X-1-2023"
        newer.effectiveFrom = day("2023-01-01")
        newer.effectiveTo = nil
        newer.individualFine = later
        return LegalBasisCatalogue(bases: [older, newer])
    }

    @Test func aLaterBandLowerAtBothEndsGovernsAFineBothAllow() throws {
        let catalogue = twoTexts(later: .init(minYuan: 50, maxYuan: 400))
        let chosen = try catalogue.governing(family: "X-1", penalty: .fine(300, basis: "X-1"), party: .individual,
                                             actDate: day("2022-06-01"), decisionDate: day("2023-06-01"))
        #expect(chosen.basis.id == "X-1-2023")
        #expect(chosen.rule == .lighterLaterText)
    }

    @Test func aHeavierNewerTextDoesNotApplyToAnOlderAct() throws {
        let catalogue = twoTexts(later: .init(minYuan: 1_000, maxYuan: 5_000))
        let chosen = try catalogue.governing(family: "X-1", penalty: .fine(300, basis: "X-1"), party: .individual,
                                             actDate: day("2022-06-01"), decisionDate: day("2023-06-01"))
        #expect(chosen.basis.id == "X-1-2020")
        #expect(throws: LawError.noFineForParty(basisId: "X-1-2020", party: .organisation)) {
            try catalogue.check(.fine(100, basis: "X-1"), sector: .taxi, party: .organisation,
                                actDate: day("2022-06-01"), decisionDate: day("2022-06-01"))
        }
    }

    @Test func illegalGainsAboveTwentyThousandAreFinedTwoToTenTimes() {
        #expect(refusal(60_000, act: after2023Text, gains: 30_000) == nil)
        #expect(refusal(300_000, act: after2023Text, gains: 30_000) == nil)
        #expect(refusal(59_999, act: after2023Text, gains: 30_000) ==
                .fineOutOfRange(amountYuan: 59_999, minYuan: 60_000, maxYuan: 300_000, basisId: "RTR-63-2023"))
        // Gains of exactly 20,000 are not "over" 20,000: the fixed band applies.
        #expect(refusal(10_000, act: after2023Text, gains: 20_000) == nil)
    }

    @Test(arguments: [
        ("RIDE-34-2-2022", Sector.rideHailing, 3_000, 10_000), ("RIDE-34-3-2022", .rideHailing, 200, 2_000),
        ("RTR-65-2023", .drivingSchool, 5_000, 20_000), ("RTR-68-2023", .scheduledLine, 1_000, 2_000),
        ("RTR-64-2023", .keyVehicles, 200, 2_000), ("TAXI-47-2014", .taxi, 5_000, 20_000),
        ("DYN-36-2014", .keyVehicles, 200, 800),
    ])
    func sectorRulesAcceptTheirBoundsAndRefuseBeyond(basisId: String, sector: Sector, min: Int, max: Int) {
        let act = day("2024-03-01")
        #expect(refusal(min, basisId, sector: sector, act: act) == nil)
        #expect(refusal(max, basisId, sector: sector, party: .organisation, act: act) == nil)
        #expect(refusal(min - 1, basisId, sector: sector, act: act) ==
                .fineOutOfRange(amountYuan: min - 1, minYuan: min, maxYuan: max, basisId: basisId))
        #expect(refusal(max + 1, basisId, sector: sector, act: act) != nil)
    }

    @Test func aPlatformLicenceFineIsForOrganisationsOnly() {
        #expect(refusal(10_000, "RIDE-34-1-2022", sector: .rideHailing, party: .organisation, act: day("2024-03-01")) == nil)
        #expect(refusal(10_000, "RIDE-34-1-2022", sector: .rideHailing, act: day("2024-03-01")) ==
                .noFineForParty(basisId: "RIDE-34-1-2022", party: .individual))
    }

    @Test func unknownBasesAndActsBeforeAnyTextAreRefused() {
        #expect(refusal(1_000, "RTR-99-2023", act: after2023Text) == .unknownBasis(id: "RTR-99-2023"))
        #expect(refusal(5_000, "RIDE-34-2-2022", sector: .rideHailing, act: day("2022-01-01")) ==
                .noVersionInForce(family: "RIDE-34-2", on: day("2022-01-01")))
    }

    @Test func shippedIdsAreUniqueAndVersionsDoNotOverlap() {
        let bases = catalogue.all
        #expect(Set(bases.map(\.id)).count == bases.count)
        for family in Set(bases.map(\.family)) {
            let versions = bases.filter { $0.family == family }.sorted { $0.effectiveFrom < $1.effectiveFrom }
            for (earlier, later) in zip(versions, versions.dropFirst()) {
                #expect(earlier.effectiveTo == later.effectiveFrom.adding(days: -1), "\(family)")
            }
        }
    }

    @Test func theShippedCatalogueCoversTheBureausSectorsWithTheArticlesOfDomainNotesOnly() {
        #expect(catalogue.families == ["RTR-63", "RTR-64", "RTR-65", "RTR-66", "RTR-68", "RTR-68-TOUT", "RTR-69-1", "RTR-69-2",
                                       "RTR-73", "TAXI-47", "TAXI-AREA", "RIDE-34-1", "RIDE-34-2", "RIDE-34-3", "DYN-36"])
        for sector in [Sector.blackCar, .taxi, .rideHailing, .drivingSchool, .scheduledLine, .keyVehicles] {
            #expect(!catalogue.families(for: sector).isEmpty, "\(sector)")
        }
        for basis in catalogue.all {
            #expect(!basis.source.isEmpty && !basis.penaltyTypes.isEmpty && !basis.sectors.isEmpty, "\(basis.id)")
            #expect(basis.unverifiedBecause.map { !$0.isEmpty } ?? true, "\(basis.id)")
        }
        // The 2023 revision's effective date is unverified, so every 2023 text ships marked 未核实.
        #expect(catalogue.all.filter { $0.version == "2023-07-20" }.allSatisfy { $0.isUnverified })
    }

    @Test func aCitationNamesLawVersionAndArticle() {
        #expect(catalogue.basis(id: "RTR-63-2023")?.citationZh == "《中华人民共和国道路运输条例》（2023-07-20）第63(2)条")
    }
}

@Suite struct ReviewCatalogueTests {
    let catalogue = ReviewCatalogue()

    @Test func anIndividualsFineNeedsReviewFrom10000Yuan() {
        #expect(!catalogue.requiresLegalReview(fineYuan: 9_999, party: .individual, hadHearing: false, confiscation: false))
        #expect(catalogue.requiresLegalReview(fineYuan: 10_000, party: .individual, hadHearing: false, confiscation: false))
    }

    @Test func anOrganisationsFineNeedsReviewFrom100000Yuan() {
        #expect(!catalogue.requiresLegalReview(fineYuan: 99_999, party: .organisation, hadHearing: false, confiscation: false))
        #expect(catalogue.requiresLegalReview(fineYuan: 100_000, party: .organisation, hadHearing: false, confiscation: false))
    }

    @Test func aHearingOrAConfiscationAlwaysNeedsReview() {
        #expect(catalogue.reasons(fineYuan: 500, party: .individual, hadHearing: true, confiscation: false) == [.hearingHeld])
        #expect(catalogue.reasons(fineYuan: 500, party: .individual, hadHearing: false, confiscation: true) == [.confiscation])
    }

    @Test func majorPublicInterestAndComplexCasesNeedReviewWhateverTheCatalogue() {
        let lax = ReviewCatalogue(individualFineThresholdYuan: 50_000, hearingAlwaysReviewed: false,
                                  confiscationAlwaysReviewed: false)
        #expect(!lax.requiresLegalReview(fineYuan: 20_000, party: .individual, hadHearing: true, confiscation: true))
        #expect(lax.requiresLegalReview(fineYuan: 0, party: .individual, hadHearing: false, confiscation: false,
                                        majorPublicInterest: true))
        #expect(lax.requiresLegalReview(fineYuan: 0, party: .individual, hadHearing: false, confiscation: false, complex: true))
    }
}
