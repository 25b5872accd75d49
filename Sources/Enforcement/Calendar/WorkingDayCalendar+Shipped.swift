// The official notices shipped with the program (domain-notes §6.2–6.4b).
//
// Only verified notices are here, and each is complete for its year. The Xinjiang 2024 and 2026
// regional notices were not found, so they are deliberately absent: a deadline counted into them is
// provisional (DOMAIN.md §5) until the bureau imports the notice with `--complete`.
// Weekend days inside a holiday block are listed too; they change nothing but keep each block
// readable against the notice text.

extension WorkingDayCalendar {
    /// National 2023–2026 and Xinjiang 2023 and 2025. Import later years with ``merging(_:complete:)``.
    public static let shipped = WorkingDayCalendar(entries: shippedEntries)

    static let national2023 = "国务院办公厅 2022-12-08 关于2023年部分节假日安排的通知"
    static let national2024 = "国务院办公厅 2023-10-25 关于2024年部分节假日安排的通知"
    static let national2025 = "国务院办公厅 2024-11-12 关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）"
    static let national2026 = "国务院办公厅 2025-11-04 关于2026年部分节假日安排的通知"
    static let xinjiang2023 = "新疆维吾尔自治区人民政府办公厅 2022-12-25 2023年肉孜节、古尔邦节放假通知"
    static let xinjiang2025 = "新疆维吾尔自治区人民政府办公厅 2025年肉孜节、古尔邦节放假通知"

    static var shippedEntries: [CalendarEntry] {
        var all: [CalendarEntry] = []
        func add(_ jurisdiction: Jurisdiction, _ kind: CalendarDayKind, _ source: String, noticeYear: Int,
                 _ ranges: [(String, String)]) {
            for (first, last) in ranges {
                let start = LocalDate(iso: first)!, end = LocalDate(iso: last)!
                for n in start.dayNumber...end.dayNumber {
                    all.append(CalendarEntry(jurisdiction: jurisdiction, date: LocalDate(dayNumber: n),
                                             kind: kind, source: source, noticeYear: noticeYear))
                }
            }
        }
        func day(_ iso: String) -> (String, String) { (iso, iso) }

        // 2023 [V: S16]. 2022-12-31 is in the 2023 notice.
        add(.national, .holiday, national2023, noticeYear: 2023, [
            ("2022-12-31", "2023-01-02"), ("2023-01-21", "2023-01-27"), day("2023-04-05"),
            ("2023-04-29", "2023-05-03"), ("2023-06-22", "2023-06-24"), ("2023-09-29", "2023-10-06"),
        ])
        add(.national, .makeupWorkday, national2023, noticeYear: 2023, [
            day("2023-01-28"), day("2023-01-29"), day("2023-04-23"), day("2023-05-06"),
            day("2023-06-25"), day("2023-10-07"), day("2023-10-08"),
        ])
        // Xinjiang 2023 [V: S19]: 肉孜节 04-21 (the festival fell on Sat 04-22); 古尔邦节 06-28–06-30.
        add(.xinjiang, .regionalHoliday, xinjiang2023, noticeYear: 2023, [
            day("2023-04-21"), ("2023-06-28", "2023-06-30"),
        ])

        // 2024 [V: S17, cross-checked with NateScarlet/holiday-cn 2024.ics]. 02-09 (New Year's Eve)
        // was only "encouraged" off, so it stays a working day.
        add(.national, .holiday, national2024, noticeYear: 2024, [
            day("2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"),
            ("2024-05-01", "2024-05-05"), day("2024-06-10"), ("2024-09-15", "2024-09-17"),
            ("2024-10-01", "2024-10-07"),
        ])
        add(.national, .makeupWorkday, national2024, noticeYear: 2024, [
            day("2024-02-04"), day("2024-02-18"), day("2024-04-07"), day("2024-04-28"),
            day("2024-05-11"), day("2024-09-14"), day("2024-09-29"), day("2024-10-12"),
        ])

        // 2025 [V: S18, S20], first year under the 2024-11-10 holiday measures (13 days).
        add(.national, .holiday, national2025, noticeYear: 2025, [
            day("2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
            ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
        ])
        add(.national, .makeupWorkday, national2025, noticeYear: 2025, [
            day("2025-01-26"), day("2025-02-08"), day("2025-04-27"), day("2025-09-28"), day("2025-10-11"),
        ])
        add(.xinjiang, .regionalHoliday, xinjiang2025, noticeYear: 2025, [
            ("2025-03-29", "2025-03-31"), ("2025-06-06", "2025-06-10"),
        ])

        // 2026 [V: S36]. 01-04 (Sun) is a make-up day of the 2026 notice's New Year holiday.
        add(.national, .holiday, national2026, noticeYear: 2026, [
            ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"),
            ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
            ("2026-10-01", "2026-10-07"),
        ])
        add(.national, .makeupWorkday, national2026, noticeYear: 2026, [
            day("2026-01-04"), day("2026-02-14"), day("2026-02-28"), day("2026-05-09"), day("2026-09-20"),
            day("2026-10-10"),
        ])
        return all
    }
}
