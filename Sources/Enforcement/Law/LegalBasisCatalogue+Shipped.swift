// The penalty articles of DOMAIN.md §8, with the verification state of domain-notes §3.

extension LegalBasisCatalogue {
    /// The 黑车 article in its three texts and the other sector articles of DOMAIN.md §8.
    public static let shipped = LegalBasisCatalogue(bases: shippedBases)

    /// The day the 2023-07-20 RTR revision is taken to be in force.
    ///
    /// **Unverified** (domain-notes §0, §3.1, §9 question 1): the revision is dated 2023-07-20 and
    /// State Council amendment decisions of that kind normally take effect on publication, so that
    /// date is assumed. Ask the bureau and correct this if needed.
    public static let rtr2023EffectiveFrom = LocalDate(year: 2023, month: 7, day: 20)!

    static let rtr = "Road Transport Regulation"
    static let rtrZh = "中华人民共和国道路运输条例"
    static let rideHailing = "Interim Measures for Ride-hailing Taxi Operation and Service"
    static let rideHailingZh = "网络预约出租汽车经营服务管理暂行办法"

    private static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    private static func band(_ min: Int, _ max: Int) -> LegalBasis.FineRange { .init(minYuan: min, maxYuan: max) }

    static var shippedBases: [LegalBasis] {
        let blackCarOffence = "未取得道路运输经营许可，擅自从事道路客运经营"
        let gains = LegalBasis.GainsMultiple(thresholdYuan: 20_000, minMultiple: 2, maxMultiple: 10)
        let rtr2023 = rtr2023EffectiveFrom
        return [
            // 黑车: before 2023 one clause covered all unlicensed road transport, 30,000–100,000 [V].
            LegalBasis(id: "RTR-63-2019", family: "RTR-63-passenger", law: rtr, lawZh: rtrZh, version: "2019-03-02",
                       article: "63", effectiveFrom: date("2019-03-02"), effectiveTo: date("2022-04-30"),
                       sector: .unlicensedPassengerTransport, offenceZh: blackCarOffence,
                       individualFine: band(30_000, 100_000), organisationFine: band(30_000, 100_000),
                       gainsMultiple: gains, confiscatesIllegalGains: true, verification: "V"),
            LegalBasis(id: "RTR-63-2022", family: "RTR-63-passenger", law: rtr, lawZh: rtrZh, version: "2022-03-29",
                       article: "63", effectiveFrom: date("2022-05-01"), effectiveTo: rtr2023.adding(days: -1),
                       sector: .unlicensedPassengerTransport, offenceZh: blackCarOffence,
                       individualFine: band(30_000, 100_000), organisationFine: band(30_000, 100_000),
                       gainsMultiple: gains, confiscatesIllegalGains: true,
                       verification: "V fines; in force 2022-05-01 from a secondary source (S33)"),
            // The 2023 text split passenger transport out and lowered its minimum to 10,000 [V].
            LegalBasis(id: "RTR-63-2023", family: "RTR-63-passenger", law: rtr, lawZh: rtrZh, version: "2023-07-20",
                       article: "63(2)", effectiveFrom: rtr2023,
                       sector: .unlicensedPassengerTransport, offenceZh: blackCarOffence,
                       individualFine: band(10_000, 100_000), organisationFine: band(10_000, 100_000),
                       gainsMultiple: gains, confiscatesIllegalGains: true,
                       verification: "V fines; effective date unverified (assumed on publication)"),
            LegalBasis(id: "RTR-64-2023", family: "RTR-64-driver", law: rtr, lawZh: rtrZh, version: "2023-07-20",
                       article: "64", effectiveFrom: rtr2023, sector: .operatingVehicleDriver,
                       offenceZh: "不符合从业资格条件的人员驾驶道路运输经营车辆",
                       individualFine: band(200, 2_000), organisationFine: band(200, 2_000), verification: "V"),
            LegalBasis(id: "RTR-65-2023", family: "RTR-65-driving-school-filing", law: rtr, lawZh: rtrZh,
                       version: "2023-07-20", article: "65", effectiveFrom: rtr2023, sector: .drivingSchool,
                       offenceZh: "从事机动车驾驶员培训业务未按规定备案，且拒不改正",
                       individualFine: band(5_000, 20_000), organisationFine: band(5_000, 20_000), verification: "V"),
            LegalBasis(id: "RTR-68-2023", family: "RTR-68-line-stations", law: rtr, lawZh: rtrZh, version: "2023-07-20",
                       article: "68", effectiveFrom: rtr2023, sector: .scheduledLine,
                       offenceZh: "客运班车不按批准的客运站点停靠或者不按规定的线路、公布的班次行驶",
                       individualFine: band(1_000, 2_000), organisationFine: band(1_000, 2_000), verification: "V"),
            // Ride-hailing, 2022-12-05 text, in force on publication [V: S24]. Article numbers are [R].
            LegalBasis(id: "RIDE-34-1-2022", family: "RIDE-34-platform-licence", law: rideHailing, lawZh: rideHailingZh,
                       version: "2022-12-05", article: "34(1)", effectiveFrom: date("2022-12-05"), sector: .rideHailing,
                       offenceZh: "未取得《网络预约出租汽车经营许可证》从事网约车经营",
                       individualFine: nil, organisationFine: band(10_000, 30_000),
                       verification: "V fines (S24); R: article number"),
            LegalBasis(id: "RIDE-34-2-2022", family: "RIDE-34-vehicle-certificate", law: rideHailing,
                       lawZh: rideHailingZh, version: "2022-12-05", article: "34(2)", effectiveFrom: date("2022-12-05"),
                       sector: .rideHailing, offenceZh: "未取得《网络预约出租汽车运输证》从事网约车经营",
                       individualFine: band(3_000, 10_000), organisationFine: band(3_000, 10_000),
                       verification: "V fines (S24); R: article number"),
            LegalBasis(id: "RIDE-34-3-2022", family: "RIDE-34-driver-certificate", law: rideHailing,
                       lawZh: rideHailingZh, version: "2022-12-05", article: "34(3)", effectiveFrom: date("2022-12-05"),
                       sector: .rideHailing, offenceZh: "未取得《网络预约出租汽车驾驶员证》从事网约车经营",
                       individualFine: band(200, 2_000), organisationFine: band(200, 2_000),
                       verification: "V fines (S24); R: article number"),
        ]
    }
}
