import Foundation

/// When a business time (the CLI's `--at`) is too far ahead of the clock to be recorded.
///
/// Acts are recorded once they happened, so a business time may not be later than `now` plus a small
/// tolerance (five minutes, for a device clock running slightly ahead). `now` is always the injected clock's:
/// no environment variable or flag moves it.
public enum BusinessTimeRule {
    /// How far ahead of `now` a business time may be.
    public static let tolerance: TimeInterval = 5 * 60

    /// Whether `instant` is later than `now` plus the tolerance. A date given without a time of day stands for
    /// that whole business day (China Standard Time), so it is in the future only when its day is.
    public static func isInFuture(_ instant: Date, dateOnly: Bool, now: Date) -> Bool {
        if dateOnly { return LocalDate(instant) > LocalDate(now) }
        return instant > now.addingTimeInterval(tolerance)
    }
}
