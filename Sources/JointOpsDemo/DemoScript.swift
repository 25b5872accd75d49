import Enforcement
import Foundation
import JointOps

/// The demo's running state: the application, the generator, and helpers that issue commands on a date.
struct DemoScript {
    let application: Application
    let year: Int
    var random: DemoRandom
    var summary = Demo.Summary()
    /// Case counter for unique party ids and decision numbers.
    var partyIndex = 0
    var decisionNumber = 0
    var onSpotNumber = 0
    /// Every field session played, in order: the cases made in a session link to it.
    var sessionsPlayed: [(link: OperationLink, date: LocalDate, sectors: [Sector])] = []
    /// The calendar in force, read once: the demo imports no notice.
    let calendar: WorkingDayCalendar

    init(application: Application, year: Int, random: DemoRandom, calendar: WorkingDayCalendar = .shipped) {
        self.application = application
        self.calendar = calendar
        self.year = year
        self.random = random
    }

    // MARK: Dates

    func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }

    // Counted as the deciders count: in a year whose Xinjiang notice is missing (2024) the days are provisional
    // (DOMAIN.md §5), so the demo plays any year whose national notice is loaded.

    /// The first working day on or after `date` (officers act on working days).
    func workday(_ date: LocalDate) throws -> LocalDate {
        calendar.rolling(onOrAfter: date, in: application.jurisdiction).date
    }

    /// `n` working days after `date`; `partysWindow` for a day the party must be given (a hearing), which a
    /// provisional count lengthens by the margin, as the rule that checks it does.
    func addingWorkdays(_ n: Int, to date: LocalDate, partysWindow: Bool = false) throws -> LocalDate {
        calendar.counting(workingDays: n, after: date, in: application.jurisdiction, partysWindow: partysWindow).date
    }

    func request(_ date: LocalDate, actor: String = "ZF-01") -> CommandRequest {
        CommandRequest(actor: actor, at: BusinessTime(date, hour: 10))
    }

    // MARK: Commands

    func registryCommand(_ command: RegistryCommand, on date: LocalDate) throws {
        try application.handler(RegistryDecider.self)
            .handle(command, on: StreamKind.registryStream, mustExist: false, request: request(date, actor: "JT-ADMIN"))
    }

    @discardableResult
    func on(_ id: String, _ date: LocalDate, actor: String = "ZF-01", _ command: CaseCommand) throws -> CaseState {
        try application.handler(CaseDecider.self).handle(command, on: id, kind: .case, request: request(date, actor: actor)).state
    }

    func operation(_ id: String, _ date: LocalDate, actor: String = "ZF-01", _ command: OperationCommand) throws {
        try application.handler(OperationDecider.self).handle(command, on: id, kind: .operation,
                                                              request: request(date, actor: actor))
    }

    // MARK: Registry

    /// The day the registry, the campaigns' officers and their duties are recorded: nothing is done before it.
    var registryDay: LocalDate { day(1, 3) }

    mutating func registry() throws {
        let start = registryDay
        for agency in DemoData.agencies { try registryCommand(.registerAgency(agency), on: start) }
        try registryCommand(.nameBureau(agency: DemoData.bureau), on: start)
        for (index, officer) in DemoData.brigadeOfficers.enumerated() {
            try registryCommand(.registerOfficer(id: officer.id, nameZh: officer.name, agency: "WSZD",
                                                 certificateNumber: String(format: "6542020%05d", 1_001 + index)), on: start)
        }
        for (index, officer) in DemoData.policeOfficers.enumerated() {
            try registryCommand(.registerOfficer(id: officer.id, nameZh: officer.name, agency: "WSJJ",
                                                 certificateNumber: String(format: "6542021%05d", 2_001 + index)), on: start)
        }
        for (index, reviewer) in DemoData.reviewers.enumerated() {
            try registryCommand(.registerOfficer(id: reviewer.id, nameZh: reviewer.name, agency: "WSJT",
                                                 certificateNumber: String(format: "6542022%05d", 3_001 + index)), on: start)
        }
        try registryCommand(.registerOfficer(id: DemoData.bureauHead.id, nameZh: DemoData.bureauHead.name, agency: "WSJT",
                                             certificateNumber: nil), on: start)
        try registryCommand(.registerOfficer(id: DemoData.brigadeHead.id, nameZh: DemoData.brigadeHead.name, agency: "WSZD",
                                             certificateNumber: nil), on: start)
        for liaison in DemoData.liaisonOfficers {
            try registryCommand(.registerOfficer(id: liaison.id, nameZh: liaison.name, agency: liaison.agency,
                                                 certificateNumber: nil), on: start)
        }
        try designateDuties(from: start)
        let campaigns = [
            Campaign(code: "CAMP-\(year)-BLACKCAR", titleZh: "打击非法营运（黑车）专项整治行动", sector: .blackCar,
                     from: day(2, 1), to: day(12, 31)),
            Campaign(code: "CAMP-\(year)-TAXI", titleZh: "巡游出租汽车市场秩序专项整治", sector: .taxi,
                     from: day(3, 1), to: day(10, 31)),
            Campaign(code: "CAMP-\(year)-SCHOOL", titleZh: "驾培行业专项整治", sector: .drivingSchool,
                     from: day(4, 1), to: day(11, 30)),
            Campaign(code: "CAMP-\(year)-LINE", titleZh: "客运班线运营秩序专项整治", sector: .scheduledLine,
                     from: day(5, 1), to: day(10, 31)),
            Campaign(code: "CAMP-\(year)-KEY", titleZh: "“两客一危一货”重点车辆安全专项整治", sector: .keyVehicles,
                     from: day(3, 1), to: day(12, 31)),
        ]
        for campaign in campaigns { try registryCommand(.createCampaign(campaign), on: day(1, 10)) }
        // One certificate expires during the year: that officer no longer acts.
        try registryCommand(.registerOfficer(id: "ZF-13", nameZh: "郑明", agency: "WSZD", certificateNumber: "654202000999"),
                            on: start)
        try registryCommand(.withdrawCertificate(id: "ZF-13", reasonZh: "执法证件有效期届满"), on: day(6, 30))
    }

    /// Two distinct brigade officers (ZF-12 is kept free to chair hearings).
    mutating func team() -> [String] {
        let first = random.int(0...10)
        var second = random.int(0...10)
        if second == first { second = (first + 1) % 11 }
        return [DemoData.brigadeOfficers[first].id, DemoData.brigadeOfficers[second].id]
    }
}
