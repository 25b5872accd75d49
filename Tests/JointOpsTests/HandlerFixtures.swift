import Enforcement
import EventStore
import Foundation
import JointOps
import Postgres
import TestSupport

/// A registry with the bureau, its brigade, the traffic police and market regulation, and certified officers.
enum HandlerFixtures {
    static let actor = CommandRequest(actor: "ZF-001", at: BusinessTime(day("2023-03-01")))
    static let clock = Clock.fixed(Date(timeIntervalSince1970: 1_717_200_000))   // 2024-06-01

    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    /// The brigade's designated approver.
    static let approver = "ZD-001"

    /// An administrator's form for `actor` (an approval is typed in on the approver's behalf).
    static func request(_ iso: String, commandId: UUID? = nil, actor: String = "ZF-001") -> CommandRequest {
        CommandRequest(actor: actor, commandId: commandId, at: BusinessTime(day(iso)))
    }

    static func application(_ database: TestDatabase) throws -> Application {
        Application(connection: try database.connect(), clock: clock)
    }

    /// An application whose first append waits until every writer of `race` has arrived: all have decided —
    /// each finding the number free — before any appends, so the race the test is about is armed.
    static func racingApplication(_ database: TestDatabase, _ race: Latch, _ what: String) throws -> Application {
        let app = try application(database)
        app.beforeAppend = { _, attempt in
            guard attempt == 1 else { return }
            race.arrive()
            try race.wait(until: what)
        }
        return app
    }

    /// Registers agencies, four officers and the brigade's approver on 2023-01-03.
    static func seedRegistry(_ app: Application) throws {
        let registry = app.handler(RegistryDecider.self)
        let on = request("2023-01-03")
        let agencies = [
            ReferenceData.Agency(code: "WSJT", nameZh: "乌苏市交通运输局", kind: .transport),
            ReferenceData.Agency(code: "WSZD", nameZh: "乌苏市交通运输综合行政执法大队", kind: .transport),
            ReferenceData.Agency(code: "WSJJ", nameZh: "乌苏市公安局交警大队", kind: .police),
            ReferenceData.Agency(code: "WSSJ", nameZh: "乌苏市市场监督管理局", kind: .marketRegulation),
        ]
        for agency in agencies {
            try registry.handle(.registerAgency(agency), on: StreamKind.registryStream, mustExist: false, request: on)
        }
        for (id, name, certificate) in [("ZF-001", "王建国", "65000123001"), ("ZF-002", "李娜", "65000123002"),
                                        ("ZF-003", "艾力·买买提", "65000123003"), ("ZF-004", "张伟", nil)] {
            try registry.handle(.registerOfficer(id: id, nameZh: name, agency: "WSZD", certificateNumber: certificate),
                                on: StreamKind.registryStream, mustExist: false, request: on)
        }
        // The brigade head approves filings and seizures (审批负责人).
        try registry.handle(.registerOfficer(id: approver, nameZh: "何军", agency: "WSZD", certificateNumber: nil),
                            on: StreamKind.registryStream, mustExist: false, request: on)
        try registry.handle(.designateOfficer(id: approver, role: .approver, agency: nil, from: day("2023-01-03"), to: nil),
                            on: StreamKind.registryStream, mustExist: false, request: on)
    }

    static func plan(from: String = "2023-03-01", to: String = "2023-03-31") -> OperationPlan {
        OperationPlan(titleZh: "城区黑车专项整治联合行动", sectors: [.blackCar], leadAgency: "WSZD",
                      from: day(from), to: day(to), placesZh: ["乌苏市火车站"])
    }

    static func eventCount(_ connection: Connection) throws -> Int64 {
        try connection.execute("SELECT count(*) FROM eventstore.events")[0].get(0)
    }
}
