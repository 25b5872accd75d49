/// A service commitment (服务承诺) of the bureau, in force from a day until the next version of the same code:
/// how many working days a service takes at most, against the time limit the law allows (法定时限) — e.g.
/// 道路运输经营许可 in 7 working days, where the law allows 20 (Administrative Licensing Law art. 42).
public struct ServiceCommitment: Codable, Sendable, Equatable {
    /// Upper-case code, e.g. `ROAD-TRANSPORT-LICENCE`.
    public var code: String
    /// The service (事项名称), e.g. 道路运输经营许可.
    public var serviceZh: String
    /// Code of the agency that commits.
    public var agency: String
    /// The working days the law allows.
    public var statutoryWorkingDays: Int
    /// The working days the bureau commits to; 0: done on the spot (即办).
    public var committedWorkingDays: Int
    /// First day in force.
    public var from: LocalDate
    /// How it is kept, e.g. 最多跑一次、一次告知.
    public var noteZh: String?

    public init(code: String, serviceZh: String, agency: String, statutoryWorkingDays: Int, committedWorkingDays: Int,
                from: LocalDate, noteZh: String? = nil) {
        self.code = code
        self.serviceZh = serviceZh
        self.agency = agency
        self.statutoryWorkingDays = statutoryWorkingDays
        self.committedWorkingDays = committedWorkingDays
        self.from = from
        self.noteZh = noteZh
    }

    /// The longest statutory limit accepted: a licence with a hearing and an extension stays well within it.
    public static let maximumWorkingDays = 90

    /// Whether `text` is a commitment code: upper-case ASCII letters, digits and hyphens, 2 to 40 of them.
    public static func isCode(_ text: String) -> Bool {
        text.wholeMatch(of: /[A-Z0-9][A-Z0-9\-]{1,39}/) != nil
    }
}

/// The commitments: every version of every code, oldest first. One stream, kept by administrators.
public struct CommitmentState: Sendable, Equatable {
    public var versions: [String: [ServiceCommitment]] = [:]

    public init() {}

    /// The version of `code` in force on `day`, if any.
    public func inForce(_ code: String, on day: LocalDate) -> ServiceCommitment? {
        versions[code]?.last { $0.from <= day }
    }
}

/// What can be asked of the commitments: setting one from a day.
public enum CommitmentCommand: Sendable, Equatable {
    case set(ServiceCommitment)
}
