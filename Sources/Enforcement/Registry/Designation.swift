/// An officer appointed to a duty for an agency over a period of days, both ends included (任职期间).
///
/// The agency is usually the officer's own; the bureau's legal reviewers may also be designated for its
/// brigade, whose cases they review.
public struct Designation: Codable, Sendable, Equatable {
    public var officerId: String
    public var role: OfficerRole
    /// Code of the agency the duty is exercised for.
    public var agency: String
    /// First day of the duty.
    public var from: LocalDate
    /// Last day of the duty; nil while it runs.
    public var to: LocalDate?

    public init(officerId: String, role: OfficerRole, agency: String, from: LocalDate, to: LocalDate? = nil) {
        self.officerId = officerId
        self.role = role
        self.agency = agency
        self.from = from
        self.to = to
    }

    /// Whether the duty holds on `day`.
    public func covers(_ day: LocalDate) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }

    /// Whether the two periods share a day.
    func overlaps(from otherFrom: LocalDate, to otherTo: LocalDate?) -> Bool {
        (otherTo.map { from <= $0 } ?? true) && (to.map { otherFrom <= $0 } ?? true)
    }
}

/// When an enforcement certificate (执法证件) was valid: acts dated in the period stand even after a withdrawal.
public struct CertificatePeriod: Codable, Sendable, Equatable {
    public var number: String
    /// First valid day; nil for a certificate held when the officer was registered (issued before the records).
    public var from: LocalDate?
    /// The day it was withdrawn or expired: no longer valid from that day on; nil while valid.
    public var withdrawnOn: LocalDate?

    public init(number: String, from: LocalDate? = nil, withdrawnOn: LocalDate? = nil) {
        self.number = number
        self.from = from
        self.withdrawnOn = withdrawnOn
    }

    /// Whether the certificate was valid on `day`.
    public func covers(_ day: LocalDate) -> Bool {
        (from.map { $0 <= day } ?? true) && (withdrawnOn.map { day < $0 } ?? true)
    }
}
