/// Working days added to the party's rights windows while a (jurisdiction, year) is provisional.
///
/// Reference data: a region's notice may still add days off (Xinjiang's Eid holidays, 3–5 days a
/// year, domain-notes §6.2–6.4), so a window the party relies on is lengthened by this many working
/// days until the notice is imported; erring late never takes a right away (domain-notes §6.5).
/// The bureau's own duties get no margin.
public struct ProvisionalMargins: Sendable, Equatable {
    public var workingDays: [Jurisdiction: Int]

    public init(_ workingDays: [Jurisdiction: Int]) { self.workingDays = workingDays }

    /// Xinjiang 4 working days, national 0.
    public static let standard = ProvisionalMargins([.national: 0, .xinjiang: 4])

    public func margin(for jurisdiction: Jurisdiction) -> Int { workingDays[jurisdiction] ?? 0 }
}
