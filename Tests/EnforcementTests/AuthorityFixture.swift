@testable import Enforcement

/// Reference data built by running real registry commands, each on its business day: certificates and duties
/// with the dates they start and end, for the authority tests.
enum AuthorityFixture {
    typealias Steps = [(String, RegistryCommand)]

    /// The bureau, its brigade, the traffic police; 李明, 王芳, 赵强 certified; 周敏 the bureau's legal reviewer
    /// (also for the brigade), 陈刚 its approver, 赵强 its hearing chair, all from 2023-01-03.
    static let registered: Steps = [
        ("2023-01-03", .registerAgency(.init(code: Fixture.transport, nameZh: "乌苏市交通运输局", kind: .transport))),
        ("2023-01-03", .registerAgency(.init(code: brigade, nameZh: "乌苏市交通运输综合行政执法大队", kind: .transport))),
        ("2023-01-03", .registerAgency(.init(code: Fixture.trafficPolice, nameZh: "乌苏市公安局交通警察大队", kind: .police))),
        ("2023-01-03", .registerOfficer(id: Fixture.liMing, nameZh: "李明", agency: Fixture.transport,
                                        certificateNumber: "65420100001")),
        ("2023-01-03", .registerOfficer(id: Fixture.wangFang, nameZh: "王芳", agency: Fixture.transport,
                                        certificateNumber: "65420100002")),
        ("2023-01-03", .registerOfficer(id: Fixture.zhaoQiang, nameZh: "赵强", agency: Fixture.transport,
                                        certificateNumber: "65420100003")),
        ("2023-01-03", .registerOfficer(id: Fixture.zhouMin, nameZh: "周敏", agency: Fixture.transport,
                                        certificateNumber: "65420100005")),
        ("2023-01-03", .registerOfficer(id: Fixture.chenGang, nameZh: "陈刚", agency: Fixture.transport, certificateNumber: nil)),
        ("2023-01-03", .registerOfficer(id: Fixture.ayigul, nameZh: "阿依古丽", agency: Fixture.trafficPolice,
                                        certificateNumber: "65420200001")),
        ("2023-01-03", .designateOfficer(id: Fixture.zhouMin, role: .legalReviewer, agency: nil, from: Fixture.date("2023-01-03"),
                                         to: nil)),
        ("2023-01-03", .designateOfficer(id: Fixture.zhouMin, role: .legalReviewer, agency: brigade,
                                         from: Fixture.date("2023-01-03"), to: nil)),
        ("2023-01-03", .designateOfficer(id: Fixture.chenGang, role: .approver, agency: nil, from: Fixture.date("2023-01-03"),
                                         to: nil)),
        ("2023-01-03", .designateOfficer(id: Fixture.zhaoQiang, role: .hearingChair, agency: nil,
                                         from: Fixture.date("2023-01-03"), to: nil)),
    ]

    static let brigade = "WSZD"

    static func registry(_ more: Steps = []) -> RegistryState {
        RegistryDecider.fold(history(RegistryDecider.self, registered + more))
    }

    /// The fixture context on `day`, deciding with the registry after `more`.
    static func context(_ day: String, _ more: Steps = []) -> DecisionContext {
        var context = Fixture.context(day)
        context.reference = registry(more).referenceData
        return context
    }

    /// The case events of `steps`, decided with the registry after `more`.
    static func events(_ steps: CaseStory.Steps, registry more: Steps = []) -> [CaseEvent] {
        history(CaseDecider.self, steps, context: { context($0, more) })
    }

    /// When `command` is decided on `day` after `steps`, with the registry after `more`.
    static func given(_ steps: CaseStory.Steps, registry more: Steps = [], when command: CaseCommand,
                      on day: String) -> Result<[CaseEvent], Rejection> {
        EnforcementTests.given(events(steps, registry: more), when: command, on: day, context: context(day, more))
    }
}
