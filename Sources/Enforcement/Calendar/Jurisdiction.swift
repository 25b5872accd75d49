/// Whose working-day calendar applies to a deadline.
///
/// Wusu is in Xinjiang: its calendar is the national one plus the regional ethnic holidays
/// (肉孜节, 古尔邦节) set each year by the regional government (domain-notes §6.1).
public enum Jurisdiction: String, Codable, Sendable, CaseIterable {
    /// The State Council General Office (国务院办公厅) notice alone.
    case national
    /// The national notice plus the Xinjiang regional notice (自治区人民政府办公厅).
    case xinjiang
}

/// What a calendar entry says about its day.
public enum CalendarDayKind: String, Codable, Sendable, CaseIterable {
    /// A statutory day off in the national notice (放假).
    case holiday
    /// A weekend day that is worked to make up for a holiday (调休上班日).
    case makeupWorkday
    /// A day off that only a region grants (Xinjiang's Eid holidays). Only valid outside `.national`.
    case regionalHoliday
    /// An ordinary day (Monday–Friday worked, weekend off): in an import, it takes back a day an
    /// earlier import listed wrongly.
    case ordinaryDay
}
