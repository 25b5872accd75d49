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
            if !events.isEmpty { states[id] = OperationDecider.fold(events) }
        }
        return states
    }
}
