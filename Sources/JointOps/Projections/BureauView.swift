import EventStore
import Foundation

/// `reporting.bureau`: the agency the annual report is made for (报告单位), as the administrator last named it.
enum BureauView {
    static let view = ReportingView(
        "bureau", "报告单位", "The agency the annual report is made for (`jointops agency bureau CODE`), at most one row",
        columns: [("agency", "单位代码", "Agency code"), ("name_zh", "单位名称", "Agency name")]) { t in
        """
        SELECT b.agency, a.name_zh
        FROM \(t.table("bureau", of: "registry")) b
        LEFT JOIN \(t.table("agencies", of: "registry")) a ON a.code = b.agency
        """
    }
}
