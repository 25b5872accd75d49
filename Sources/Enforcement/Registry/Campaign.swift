/// A time-boxed sector campaign (专项整治) that groups operations and cases.
public struct Campaign: Codable, Sendable, Equatable {
    /// Stable code chosen by the bureau, e.g. `"CAMP-2023-BLACKCAR"`.
    public var code: String
    public var titleZh: String
    public var sector: Sector
    /// First and last day, inclusive.
    public var from: LocalDate
    public var to: LocalDate

    public init(code: String, titleZh: String, sector: Sector, from: LocalDate, to: LocalDate) {
        self.code = code
        self.titleZh = titleZh
        self.sector = sector
        self.from = from
        self.to = to
    }
}
