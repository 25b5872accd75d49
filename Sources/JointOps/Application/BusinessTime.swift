import Enforcement
import Foundation

/// When a command's act happened in the field (`--at`), as opposed to when it is recorded.
///
/// Officers often enter field records days later, so the business date, not the recording time, is what
/// deadlines count from. Dates without a time of day are taken at 09:00 China Standard Time.
public struct BusinessTime: Sendable, Equatable, CustomStringConvertible {
    public let instant: Date
    /// Given as a day without a time of day: it stands for that whole day when compared with now.
    public let dateOnly: Bool

    public init(_ instant: Date) { self.init(instant, dateOnly: false) }

    private init(_ instant: Date, dateOnly: Bool) {
        self.instant = instant
        self.dateOnly = dateOnly
    }

    /// The date in China Standard Time.
    public var date: LocalDate { LocalDate(instant) }

    /// 09:00 China Standard Time on `date`.
    public init(_ date: LocalDate, hour: Int = 9) {
        let seconds = (date.dayNumber * 86_400) + (hour - 8) * 3_600
        self.init(Date(timeIntervalSince1970: TimeInterval(seconds)), dateOnly: true)
    }

    /// Parses `2023-04-19`, `2023-04-19T10:30`, `2023-04-19T10:30:00`, with an optional zone
    /// (`Z`, `+08:00`); a time without a zone is China Standard Time.
    public init?(iso text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = LocalDate(iso: text) { self.init(date); return }
        guard text.count >= 16, let date = LocalDate(iso: String(text.prefix(10))) else { return nil }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == " " else { return nil }
        var rest = Substring(text.dropFirst(11))
        var offsetSeconds = 8 * 3_600
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            offsetSeconds = 0
            rest = rest.dropLast()
        } else if rest.count > 6, let sign = rest.dropLast(5).last.flatMap({ "+-".contains($0) ? $0 : nil }) {
            let zone = rest.suffix(5)   // "08:00"
            let parts = zone.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h <= 14, m < 60 else { return nil }
            offsetSeconds = (h * 3_600 + m * 60) * (sign == "-" ? -1 : 1)
            rest = rest.dropLast(6)
        }
        let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3,
              let hour = Int(fields[0]), let minute = Int(fields[1]), fields[0].count == 2, fields[1].count == 2,
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0.0
        if fields.count == 3 {
            guard let s = Double(fields[2]), (0..<61).contains(s) else { return nil }
            second = s
        }
        let local = Double(date.dayNumber * 86_400 + hour * 3_600 + minute * 60) + second
        self.init(Date(timeIntervalSince1970: local - Double(offsetSeconds)))
    }

    public var description: String { instant.formatted(.iso8601) }

    /// Two business times are the same instant, however they were given.
    public static func == (lhs: BusinessTime, rhs: BusinessTime) -> Bool { lhs.instant == rhs.instant }
}
