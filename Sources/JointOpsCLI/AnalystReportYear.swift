import Enforcement
import Foundation
import JointOps

extension AnalystCommand.Add {
    /// The year whose `report annual` the analyst is shown: this business year once it holds a case or an
    /// operation (a report of a year under way is still a report), else the last year that does, else this year.
    /// Read from the readable ids (`CASE-2026-0001`), which carry the business year they were opened in.
    static func reportYear() -> Int {
        let thisYear = Clock.system.today().year
        let years = (try? connectedApplication()).map { application in
            [StreamKind.case, .operation].flatMap { kind in
                ((try? application.streams(of: kind)) ?? []).compactMap { id in
                    id.split(separator: "-").dropFirst().first.flatMap { Int($0) }
                }
            }
        } ?? []
        if years.contains(thisYear) { return thisYear }
        return years.filter { $0 < thisYear }.max() ?? thisYear
    }
}
