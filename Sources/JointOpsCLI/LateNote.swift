import Enforcement
import Foundation

/// Warns on stderr, one line, when a write did an act after its deadline: the act is valid and recorded,
/// and the lateness is shown rather than hidden (``DeadlineStatus``, issue 10 point 6). Exit status stays 0.
func lateNote(_ state: Any, calendar: WorkingDayCalendar, jurisdiction: Jurisdiction) {
    guard let state = state as? CaseState else { return }
    let late: [String] = state.justCompleted.compactMap { kind in
        guard let done = state.completedDeadlines[kind] else { return nil }
        let status = DeadlineStatus.of(done.deadline, doneOn: done.doneOn, today: done.doneOn, calendar: calendar,
                                       in: jurisdiction)
        guard case .late = status else { return nil }
        return "\(kind.rawValue) done \(done.doneOn) after its last day \(done.deadline.legallyDue) "
            + "(\(done.deadline.labelZh), \(done.deadline.basis)): \(status.text(for: kind))"
    }
    guard !late.isEmpty else { return }
    FileHandle.standardError.write(Data("jointops: warning: late: \(late.joined(separator: "; ")); recorded as late\n".utf8))
}
