/// The largest figure one agency can report for one field session (or one outreach activity), per field: what a county could reach, with
/// a wide margin. A figure beyond it is a typing error (or worse: one tally of fines = 5×10^18 yuan once broke
/// every report), so it is refused.
///
/// The bounds also keep every projection column safe: each figure is stored in a bigint, and even a million
/// sessions of a hundred agencies at the bounds sum to less than 10^16, far below 2^63 − 1 (≈ 9.2 × 10^18).
/// These are the only bounds: `op record-session --help`, `op record-return --help` and the case commands'
/// help print them from here. A case's amounts are bounded the same way (`caseMaximum`), so that no typed figure
/// can overflow the fine arithmetic (gains × multiple, the 3 % a day surcharge) or a bigint column.
public enum FigureBounds {
    /// Per field (the tally's and the return's JSON names), the largest accepted value.
    public static let maximum: [String: Int] = [
        "officersDeployed": 5_000,        // 出动执法人员（人次）: a county's police and brigade together
        "vehiclesDeployed": 1_000,        // 出动执法车辆（台次）
        "vehiclesInspected": 50_000,      // 检查车辆: a full day of checkpoints on every road
        "violationsSerious": 10_000,
        "violationsMinor": 10_000,
        "casesFiled": 10_000,             // 立案
        "vehiclesSeized": 10_000,         // 扣押车辆
        "finesYuan": 100_000_000,         // 罚款: 1亿元, far above any session's fines
        "peopleEducated": 1_000_000,      // 教育劝导（人次）
        "leaflets": 1_000_000,            // 宣传单
        "rectificationNotices": 10_000,   // 整改通知书
        "referrals": 10_000,              // 移送
        "peopleReached": 1_000_000,       // 普法宣传受众（人次）, per outreach activity
    ]

    /// The case commands' amounts and counts: a fine of 10亿元 or gains of 1亿元 is beyond any transport case
    /// (the largest gains multiple is 10), and stays far below 2^63 after multiplying by a multiple or by the
    /// surcharge's 3 % a day.
    public static let caseMaximum: [String: Int] = [
        "fineYuan": 1_000_000_000,        // 罚款（元）: --fine
        "illegalGainsYuan": 100_000_000,  // 违法所得（元）: --gains
        "amountYuan": 1_000_000_000,      // 缴款（元）: --amount of a payment
        "days": 3_660,                    // a number of calendar days: --days, --within
    ]

    /// The bound of `field` (the smallest bound for a name not listed, so nothing unknown slips through).
    public static func max(_ field: String) -> Int { maximum[field] ?? caseMaximum[field] ?? 1_000 }

    /// Whether `value` is a figure `field` may hold: 0 through its bound.
    public static func accepts(_ value: Int, for field: String) -> Bool { (0...max(field)).contains(value) }

    /// Refuses the first figure that is negative or beyond its bound, in the order given.
    static func check(_ fields: [(name: String, value: Int)], agency: String) throws(Rejection) {
        for field in fields {
            if field.value < 0 { throw .negativeCount(field: field.name, agency: agency) }
            guard field.value <= max(field.name) else {
                throw .jointOperation(.figureOutOfBounds(field: field.name, agency: agency, value: field.value,
                                                         maximum: max(field.name)))
            }
        }
    }

    /// Refuses a case's amount or count that is negative or beyond its bound (`caseMaximum`).
    static func checkCase(_ value: Int, _ field: String) throws(Rejection) {
        if value < 0 { throw .negativeCount(field: field, agency: nil) }
        guard value <= max(field) else { throw .figureTooLarge(field: field, value: value, maximum: max(field)) }
    }

    /// "officersDeployed ≤ 5000, …", for help texts.
    public static func text(_ fields: [String]) -> String {
        fields.map { "\($0) ≤ \(max($0))" }.joined(separator: ", ")
    }
}
