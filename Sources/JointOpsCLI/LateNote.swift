import Enforcement
import Foundation
import JointOps

/// Warns on stderr, one line, when a write did an act after its deadline: the act is valid and recorded,
/// and the lateness is shown rather than hidden (``DeadlineStatus``, issue 10 point 6). Exit status stays 0.
///
/// Every act that stops a clock is judged (``CaseState/clocksStopped(by:)``, the definition the read models
/// use too): filing or declining, decisions, service, publication, payment, a vehicle released or
/// confiscated after its seizure ran out; and a rectification item closed out after its due date.
func lateNote<D: Decider>(_ outcome: Outcome<D>, application: Application) throws {
    var late: [String] = []
    if let events = outcome.events as? [CaseEvent] {
        late = try lateActs(events, in: outcome.stream, version: outcome.version, application: application)
    } else if let item = outcome.state as? RectificationState, let events = outcome.events as? [RectificationEvent],
              events.contains(where: { if case .closedOut = $0 { true } else { false } }),
              item.closedOnTime == false, let due = item.due, let closed = item.closedOutOn {
        late = ["rectification closed out \(closed) after its due date \(due): 逾期销号, \(due.days(until: closed)) 日"]
    }
    guard !late.isEmpty else { return }
    FileHandle.standardError.write(Data("jointops: warning: late: \(late.joined(separator: "; ")); recorded as late\n".utf8))
}

/// The late acts among `events`, the last ones of case `stream` up to `version`, each judged on the state
/// before it.
private func lateActs(_ events: [CaseEvent], in stream: String, version: Int64,
                      application: Application) throws -> [String] {
    let history = try application.handler(CaseDecider.self).load(stream).events
    var state = CaseDecider.fold(history.prefix(max(0, Int(version) - events.count)))
    let calendar = try application.calendar()
    var late: [String] = []
    for event in events {
        for done in state.clocksStopped(by: event) {
            let kind = done.deadline.kind
            let status = DeadlineStatus.of(done.deadline, doneOn: done.doneOn, today: done.doneOn, calendar: calendar,
                                           in: application.jurisdiction)
            guard case .late = status else { continue }
            late.append("\(done.deadline.labelZh) done \(done.doneOn) after its last day \(done.deadline.legallyDue) "
                + "(\(done.deadline.basis)): \(status.text(for: kind))")
        }
        state = CaseDecider.evolve(state, event)
    }
    return late
}
