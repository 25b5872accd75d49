import Enforcement
import Foundation

/// Says on stderr, in one line, that a write set a provisional deadline (DOMAIN.md §5): the act is
/// recorded (exit 0), but the date may move once the holiday notice is imported.
func provisionalNote(_ events: [Any]) {
    let provisional = events.flatMap(deadlines(in:)).filter(\.provisional)
    guard !provisional.isEmpty else { return }
    let dates = provisional.map { "\($0.labelZh) \($0.legallyDue)" }.joined(separator: ", ")
    FileHandle.standardError.write(Data(("jointops: note: provisional deadline (\(dates)): it reaches a year without a "
        + "complete working-day calendar; import the holiday notice with "
        + "`jointops calendar import FILE.csv --complete` to make it certain\n").utf8))
}

/// Every deadline inside an event's payload, found by reflection so that new events need no listing here.
private func deadlines(in value: Any) -> [Deadline] {
    if let deadline = value as? Deadline { return [deadline] }
    return Mirror(reflecting: value).children.flatMap { deadlines(in: $0.value) }
}
