import Foundation

/// The days off that the national holiday measures (全国年节及纪念日放假办法) fix by date or lunar date,
/// whatever a year's notice adds (domain-notes §6.1).
///
/// Used for a year whose notice is not loaded: these days are off in any case, so a provisional
/// deadline counts them as days off. Make-up working days and extra bridging days are not knowable
/// before the notice, and a statutory day falling on a weekend is compensated on a day the notice
/// chooses (Art 6); neither is guessed here.
public enum StatutoryHolidays {
    /// The holiday measures the days come from, for `calendar show`.
    public static let source2013 = "全国年节及纪念日放假办法（2013年文本）"
    public static let source2024 = "全国年节及纪念日放假办法（2024-11-10 文本，2025 年起施行）"

    /// The statutory days off of `year` with their holiday's name, sorted by date.
    ///
    /// From 2025 (the 2024 text): New Year 1 Jan; Spring Festival = lunar New Year's Eve and lunar
    /// 1st–3rd; Qingming; Labour Day 1–2 May; Dragon Boat lunar 5/5; Mid-Autumn lunar 8/15; National
    /// Day 1–3 Oct. Before 2025 (the 2013 text) the Spring Festival is lunar 1st–3rd and Labour Day 1 May.
    public static func days(in year: Int) -> [(date: LocalDate, nameZh: String)] {
        let newText = year >= 2025
        var days: [(LocalDate, String)] = []
        func add(_ month: Int, _ day: Int, _ name: String) { days.append((LocalDate(year: year, month: month, day: day)!, name)) }
        add(1, 1, "元旦")
        if let newYear = lunarDate(month: 1, day: 1, near: (1, 21), in: year) {
            if newText { days.append((newYear.adding(days: -1), "春节（除夕）")) }
            for offset in 0..<3 { days.append((newYear.adding(days: offset), "春节")) }
        }
        add(4, qingmingDay(in: year), "清明节")
        add(5, 1, "劳动节")
        if newText { add(5, 2, "劳动节") }
        if let dragonBoat = lunarDate(month: 5, day: 5, near: (5, 25), in: year) { days.append((dragonBoat, "端午节")) }
        if let midAutumn = lunarDate(month: 8, day: 15, near: (9, 5), in: year) { days.append((midAutumn, "中秋节")) }
        for day in 1...3 { add(10, day, "国庆节") }
        return days.sorted { $0.0 < $1.0 }
    }

    /// The April day of Qingming (清明, a solar term), by the "寿星通用公式" for 2001–2099:
    /// `⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋` with `Y` the year's last two digits (2023 → 5, 2024 → 4).
    public static func qingmingDay(in year: Int) -> Int {
        let y = year % 100
        return Int((Double(y) * 0.2422 + 4.81).rounded(.down)) - y / 4
    }

    /// The Gregorian date of a lunar month and day (never a leap month) within 40 days after
    /// `near` (month, day) of `year`, by Foundation's Chinese calendar in Beijing time.
    static func lunarDate(month: Int, day: Int, near: (Int, Int), in year: Int) -> LocalDate? {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = beijing
        let start = LocalDate(year: year, month: near.0, day: near.1)!
        for offset in 0..<40 {
            let candidate = start.adding(days: offset)
            let parts = chinese.dateComponents([.month, .day, .isLeapMonth], from: noon(candidate))
            if parts.month == month, parts.day == day, parts.isLeapMonth != true { return candidate }
        }
        return nil
    }

    private static let beijing = TimeZone(secondsFromGMT: 8 * 3600)!

    private static func noon(_ date: LocalDate) -> Date {
        // Noon Beijing time, so no zone arithmetic can move the instant to a neighbouring day.
        Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 + 4 * 3600))
    }
}
