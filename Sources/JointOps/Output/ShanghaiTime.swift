import Foundation

/// Instants as officers read them: ISO 8601 in Beijing time (Asia/Shanghai, +08:00), Xinjiang's official time.
public enum ShanghaiTime {
    public static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// `2023-04-19T10:30:00+08:00`.
    public static func iso(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        return formatter.string(from: instant)
    }
}
