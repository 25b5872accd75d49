// The penalty articles of domain-notes §3 (and nothing it lacks), with their sources and tags.
// An entry whose text, article number or in-force dates the notes did not verify ships marked 未核实.

extension LegalBasisCatalogue {
    /// The articles of the sectors the bureau works: 黑车, taxis, ride-hailing, driving schools, scheduled
    /// lines and 两客一危一货.
    public static let shipped = LegalBasisCatalogue(bases: shippedBases)

    /// The day the 2023-07-20 RTR revision is taken to be in force.
    ///
    /// **Unverified** (domain-notes §0, §3.1, §9 question 1): the revision is dated 2023-07-20 and
    /// State Council amendment decisions of that kind normally take effect on publication, so that
    /// date is assumed. Ask the bureau and correct this if needed.
    public static let rtr2023EffectiveFrom = LocalDate(year: 2023, month: 7, day: 20)!

    static let rtr = "Road Transport Regulation"
    static let rtrZh = "中华人民共和国道路运输条例"
    static func rtrText(_ version: String) -> String { "statute read in full: LawRefBook/Laws 道路运输条例(\(version)) (§8)" }
    static let rtr2023Date = "in force from 2023-07-20 assumed: the 2023 revision's effective date is unverified (§0, §9 q1)"

    private static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    private static func band(_ min: Int, _ max: Int) -> LegalBasis.FineRange { .init(minYuan: min, maxYuan: max) }

    /// An RTR article known only in its 2023 text, the same band for individuals and organisations.
    private static func rtr2023(_ family: String, article: String, sectors: [Sector], types: [PenaltyType],
                                offenceZh: String, fine: LegalBasis.FineRange?,
                                unverified: String = rtr2023Date) -> LegalBasis {
        LegalBasis(id: "\(family)-2023", family: family, law: rtr, lawZh: rtrZh, version: "2023-07-20", article: article,
                   effectiveFrom: rtr2023EffectiveFrom, sectors: sectors, penaltyTypes: types, offenceZh: offenceZh,
                   individualFine: fine, organisationFine: fine, source: rtrText("2023-07-20"), tag: .V,
                   unverifiedBecause: unverified)
    }

    static var shippedBases: [LegalBasis] {
        blackCarBases + rtrSectorBases + taxiBases + rideHailingBases + keyVehicleBases
    }

    /// 黑车, RTR 63 (§3.1): before 2023 one clause for all unlicensed road transport, 30,000–100,000;
    /// the 2023 text split passenger transport out and lowered its minimum to 10,000 [V].
    static var blackCarBases: [LegalBasis] {
        let offence = "未取得道路运输经营许可，擅自从事道路客运经营"
        let gains = LegalBasis.GainsMultiple(thresholdYuan: 20_000, minMultiple: 2, maxMultiple: 10)
        let types: [PenaltyType] = [.fine, .confiscationOfIllegalGains]
        func version(_ year: String, _ version: String, article: String, from: LocalDate, to: LocalDate?,
                     fine: LegalBasis.FineRange, unverified: String) -> LegalBasis {
            LegalBasis(id: "RTR-63-\(year)", family: "RTR-63", law: rtr, lawZh: rtrZh, version: version, article: article,
                       effectiveFrom: from, effectiveTo: to, sectors: [.blackCar], penaltyTypes: types, offenceZh: offence,
                       individualFine: fine, organisationFine: fine, gainsMultiple: gains, source: rtrText(version),
                       tag: .V, unverifiedBecause: unverified)
        }
        return [
            version("2019", "2019-03-02", article: "63", from: date("2019-03-02"), to: date("2022-04-30"),
                    fine: band(30_000, 100_000),
                    unverified: "in force from the version date assumed; its end follows the 2022 text's start, "
                        + "known only from a secondary source (S33)"),
            version("2022", "2022-03-29", article: "63", from: date("2022-05-01"), to: rtr2023EffectiveFrom.adding(days: -1),
                    fine: band(30_000, 100_000),
                    unverified: "in force from 2022-05-01 per a secondary source (S33); its end follows the "
                        + "2023 revision's unverified effective date (§9 q1)"),
            version("2023", "2023-07-20", article: "63(2)", from: rtr2023EffectiveFrom, to: nil,
                    fine: band(10_000, 100_000), unverified: rtr2023Date),
        ]
    }

    /// RTR articles of the driving-school and scheduled-line sections (§3.1 related offences, §3.3, §3.4).
    static var rtrSectorBases: [LegalBasis] {
        let operators: [Sector] = [.scheduledLine, .keyVehicles]
        return [
            rtr2023("RTR-64", article: "64", sectors: operators, types: [.fine],
                    offenceZh: "不符合从业资格条件的人员驾驶道路运输经营车辆", fine: band(200, 2_000)),
            rtr2023("RTR-65", article: "65", sectors: [.drivingSchool], types: [.fine],
                    offenceZh: "从事机动车驾驶员培训业务未按规定备案，且拒不改正", fine: band(5_000, 20_000)),
            rtr2023("RTR-66", article: "66", sectors: operators, types: [.fine, .confiscationOfIllegalGains],
                    offenceZh: "非法转让、出租道路运输许可证件", fine: band(2_000, 10_000)),
            rtr2023("RTR-68", article: "68", sectors: operators, types: [.fine, .permitRevocation],
                    offenceZh: "客运班车不按批准的客运站点停靠或者不按规定的线路、公布的班次行驶，擅自变更运输车辆或者将旅客移交他人运输，未报告擅自终止客运经营",
                    fine: band(1_000, 2_000)),
            rtr2023("RTR-68-TOUT", article: "68", sectors: operators, types: [.fine],
                    offenceZh: "强行招揽旅客", fine: band(1_000, 3_000),
                    unverified: "domain-notes §3.4 gives the band but not the clause of Art 68; " + rtr2023Date),
            rtr2023("RTR-69-1", article: "69 ¶1", sectors: operators, types: [.fine],
                    offenceZh: "不按规定维护和检测运输车辆", fine: band(1_000, 5_000)),
            rtr2023("RTR-69-2", article: "69 ¶2", sectors: operators, types: [.fine],
                    offenceZh: "擅自改装已取得车辆营运证的车辆", fine: band(5_000, 20_000),
                    unverified: "domain-notes §3.4 gives the band without its article (69 ¶2 assumed); " + rtr2023Date),
            rtr2023("RTR-73", article: "73", sectors: [.drivingSchool], types: [.businessSuspension],
                    offenceZh: "机动车驾驶员培训机构不按照规定的教学大纲进行培训或者不如实出具结业证明，且拒不改正", fine: nil),
        ]
    }

    /// Street-hail taxis (§3.2): the MOT rule of 2014 (Order 2014 No. 16), amended since [R].
    static var taxiBases: [LegalBasis] {
        let law = "Rules on Street-hail Taxi Operation and Service", lawZh = "巡游出租汽车经营服务管理规定"
        let dates = "in force from 2015-01-01 [R] and the amended texts not recorded in domain-notes"
        return [
            LegalBasis(id: "TAXI-47-2014", family: "TAXI-47", law: law, lawZh: lawZh, version: "2014", article: "47",
                       effectiveFrom: date("2015-01-01"), sectors: [.taxi], penaltyTypes: [.fine],
                       offenceZh: "未取得巡游出租汽车经营许可，擅自从事巡游出租汽车经营活动",
                       individualFine: band(5_000, 20_000), organisationFine: band(5_000, 20_000),
                       source: "S25b (secondary source quoting the 2014 text's Art 47)", tag: .V,
                       unverifiedBecause: "band only from a secondary source (S25b); current article number unverified; "
                           + dates),
            LegalBasis(id: "TAXI-AREA-2014", family: "TAXI-AREA", law: law, lawZh: lawZh, version: "2014",
                       article: "", effectiveFrom: date("2015-01-01"), sectors: [.taxi], penaltyTypes: [.fine],
                       offenceZh: "起讫点均不在许可的经营区域从事巡游出租汽车经营",
                       individualFine: band(3_000, 10_000), organisationFine: band(3_000, 10_000),
                       source: "S25a", tag: .V,
                       unverifiedBecause: "article number not recorded in domain-notes; " + dates),
        ]
    }

    /// Ride-hailing (§3.2): the 2022-12-05 text, in force on publication [V: S24]; the earlier text is not
    /// recorded, so acts before 2022-12-05 find no version. Article numbers are [R].
    static var rideHailingBases: [LegalBasis] {
        let law = "Interim Measures for Ride-hailing Taxi Operation and Service", lawZh = "网络预约出租汽车经营服务管理暂行办法"
        let why = "article number from memory [R], not in domain-notes (S24 verifies the bands)"
        func clause(_ n: Int, _ offenceZh: String, individual: LegalBasis.FineRange?,
                    organisation: LegalBasis.FineRange) -> LegalBasis {
            LegalBasis(id: "RIDE-34-\(n)-2022", family: "RIDE-34-\(n)", law: law, lawZh: lawZh, version: "2022-12-05",
                       article: "34(\(n))", effectiveFrom: date("2022-12-05"), sectors: [.rideHailing],
                       penaltyTypes: [.warning, .fine], offenceZh: offenceZh, individualFine: individual,
                       organisationFine: organisation, source: "S24", tag: .V, unverifiedBecause: why)
        }
        return [
            clause(1, "未取得《网络预约出租汽车经营许可证》从事网约车经营", individual: nil, organisation: band(10_000, 30_000)),
            clause(2, "未取得《网络预约出租汽车运输证》从事网约车经营", individual: band(3_000, 10_000),
                   organisation: band(3_000, 10_000)),
            clause(3, "未取得《网络预约出租汽车驾驶员证》从事网约车经营", individual: band(200, 2_000),
                   organisation: band(200, 2_000)),
        ]
    }

    /// 两客一危一货 (§3.5): satellite positioning offline, after a refused order to correct [V: S22b].
    static var keyVehicleBases: [LegalBasis] {
        [
            LegalBasis(id: "DYN-36-2014", family: "DYN-36", law: "Rules on Dynamic Monitoring of Road Transport Vehicles",
                       lawZh: "道路运输车辆动态监督管理办法", version: "2014", article: "36",
                       effectiveFrom: date("2014-07-01"), sectors: [.keyVehicles], penaltyTypes: [.fine],
                       offenceZh: "车辆卫星定位装置不在线，经责令改正拒不改正",
                       individualFine: band(200, 800), organisationFine: band(200, 800), source: "S22b", tag: .V,
                       unverifiedBecause: "version and in-force dates not recorded in domain-notes (2014-07-01 from memory [R])"),
        ]
    }
}
