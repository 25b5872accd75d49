import Enforcement
import EventStore
import Foundation

extension Application {
    /// The operations `ids` name, folded from their streams, for `DecisionContext.operations`: an act linked to
    /// an operation's session is checked against it. An id that is no operation is left out (the decider refuses it).
    func operations(_ ids: [String]) throws -> [String: OperationState] {
        var states: [String: OperationState] = [:]
        for id in Set(ids) {
            guard let stream = StreamKind.operation.normalise(id) else { continue }
            let events = try store.read(stream: stream).map { try decode(OperationEvent.self, $0) }
            guard !events.isEmpty else { continue }
            var state = OperationDecider.fold(events)
            state.agenciesWithLinkedCases = try agenciesWithLinkedCases(operation: stream)
            states[id] = state
        }
        return states
    }

    /// Per session of `operation`, the agencies whose leads or on-the-spot decisions are linked to it (read from the
    /// case streams, where the links are recorded).
    func agenciesWithLinkedCases(operation: String) throws -> [String: Set<String>] {
        let acts = try store.events(ofTypes: [CaseEvent.LeadReceived.eventType, CaseEvent.DecidedOnSpot.eventType],
                                    where: [(PayloadField("operation", "operationId"), operation)])
        var agencies: [String: Set<String>] = [:]
        for act in acts {
            let payload = (try? JSONSerialization.jsonObject(with: act.data)) as? [String: Any] ?? [:]
            guard let session = (payload["operation"] as? [String: Any])?["sessionId"] as? String,
                  let agency = payload["agency"] as? String else { continue }
            agencies[session, default: []].insert(agency)
        }
        return agencies
    }
}
