import Foundation

/// Where a region's own days off can fall in a year whose regional notice is not loaded.
///
/// Xinjiang's regional notice gives days off for 肉孜节 (Eid al-Fitr, 1 Shawwal) and 古尔邦节 (Eid al-Adha,
/// 10 Dhu al-Hijjah) only (domain-notes §6.1). Their dates follow the Islamic calendar, so a day far from
/// both cannot be changed by the missing notice: there it is as certain as the national calendar, and a
/// deadline counted through December is not provisional for want of a notice about March and May. The
/// notices seen give days from the day before the festival to four days after (2023: 04-21 for a
/// festival on 04-21/22; 2025: 03-29–03-31 and 06-06–06-10), so a reach of ten days either side of the
/// computed date is wide enough for a sighting a day or two off the Umm al-Qura date.
enum RegionalFestivals {
    /// Days either side of a festival's computed date that its regional notice may give off.
    static let reach = 10

    /// Whether the regional notice of `jurisdiction` may give `date` off (or make it a working day).
    static func mayConcern(_ date: LocalDate, in jurisdiction: Jurisdiction) -> Bool {
        switch jurisdiction {
        case .national: return false
        case .xinjiang: return eids(near: date).contains { abs($0.dayNumber - date.dayNumber) <= reach }
        }
    }

    /// 肉孜节 and 古尔邦节 of the Islamic year of `date` and the years either side, by Foundation's
    /// Umm al-Qura calendar in Beijing time.
    static func eids(near date: LocalDate) -> [LocalDate] {
        guard let hijriYear = islamic.dateComponents([.year], from: noon(date)).year else { return [] }
        return (hijriYear - 1...hijriYear + 1).flatMap { year in
            [(10, 1), (12, 10)].compactMap { month, day in
                islamic.date(from: DateComponents(year: year, month: month, day: day, hour: 12)).flatMap(localDate)
            }
        }
    }

    private static let beijing = TimeZone(secondsFromGMT: 8 * 3600)!

    private static let islamic: Calendar = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = beijing
        return calendar
    }()

    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = beijing
        return calendar
    }()

    private static func noon(_ date: LocalDate) -> Date {
        gregorian.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
    }

    private static func localDate(_ date: Date) -> LocalDate? {
        let parts = gregorian.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
