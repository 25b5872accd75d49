import Foundation

/// Fast conversion between `Date` and PostgreSQL's ISO timestamp text in UTC.
///
/// Every connection sets `TimeZone = 'UTC'` and `DateStyle = 'ISO'`, so the server sends
/// `2023-04-19 10:00:00.123456+00`; parsing by hand avoids a `DateFormatter` per row.
enum PostgresTimestamp {
    static func format(_ date: Date) -> String {
        let total = date.timeIntervalSince1970
        var seconds = Int(total.rounded(.down))
        var micros = Int(((total - Double(seconds)) * 1_000_000).rounded())
        if micros == 1_000_000 { seconds += 1; micros = 0 }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", y, m, d,
                      secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, micros)
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]][ BC]` (a year of four or more digits,
    /// `T` or a space between date and time, `Z` for UTC); nil for anything else.
    ///
    /// Straight-line code over the bytes, no closures or allocations: it runs twice per event read.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        let count = bytes.count
        var i = 0
        // The year: four digits, more after 9999.
        var y = 0
        while i < count, let digit = decimal(bytes[i]) {
            guard i < 9 else { return nil }
            y = y * 10 + digit
            i += 1
        }
        guard i >= 4, let mo = twoDigits(bytes, &i, after: 45), let d = twoDigits(bytes, &i, after: 45) else { return nil }
        guard i < count, bytes[i] == 32 || bytes[i] == 84 else { return nil }
        guard let h = twoDigits(bytes, &i, after: bytes[i]), let mi = twoDigits(bytes, &i, after: 58),
              let s = twoDigits(bytes, &i, after: 58) else { return nil }
        // The same sum of digit × scale as ever, so every Date decodes to the identical Double.
        var fraction = 0.0
        if i < count, bytes[i] == 46 {
            i += 1
            var scale = 0.1
            while i < count, let digit = decimal(bytes[i]) {
                fraction += Double(digit) * scale
                scale /= 10
                i += 1
            }
        }
        var offset = 0
        if i < count, bytes[i] == 43 || bytes[i] == 45 {
            let sign = bytes[i] == 45 ? -1 : 1
            i += 1
            guard let oh = twoDigits(bytes, &i) else { return nil }
            var om = 0, os = 0
            if i < count, bytes[i] == 58 {
                guard let m = twoDigits(bytes, &i, after: 58) else { return nil }
                om = m
                // Local mean time zones (before ~1900) print seconds too.
                if i < count, bytes[i] == 58 {
                    guard let sec = twoDigits(bytes, &i, after: 58) else { return nil }
                    os = sec
                }
            }
            offset = sign * (oh * 3600 + om * 60 + os)
        } else if i < count, bytes[i] == 90 {
            i += 1
        }
        // Years before 1 AD print as ` BC` (1 BC is year 0 of the proleptic calendar).
        if i + 3 <= count, bytes[i] == 32, bytes[i + 1] == 66, bytes[i + 2] == 67 { y = 1 - y }
        let days = daysFromCivil(y, mo, d)
        let seconds = days * 86_400 + h * 3600 + mi * 60 + s - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    @inline(__always)
    private static func decimal(_ c: UInt8) -> Int? {
        let digit = c &- 48
        return digit < 10 ? Int(digit) : nil
    }

    /// Two digits at `i`, after the separator `separator` when one is given; moves `i` past them.
    @inline(__always)
    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, after separator: UInt8? = nil) -> Int? {
        var k = i
        if let separator {
            guard k < bytes.count, bytes[k] == separator else { return nil }
            k += 1
        }
        guard k + 2 <= bytes.count, let hi = decimal(bytes[k]), let lo = decimal(bytes[k + 1]) else { return nil }
        i = k + 2
        return hi * 10 + lo
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - (153 * mp + 2) / 5 + 1)
    }
}
