import Foundation

/// A pure decision function for one aggregate: commands in, events out, state folded from events.
///
/// `decide` never performs I/O and never reads the clock; everything it needs beyond the state comes in the
/// `DecisionContext`. `evolve` is total: it accepts every event `decide` can produce, in any order the store
/// replays them, and never fails.
public protocol Decider {
    associatedtype Command: Sendable
    associatedtype Event: DomainEvent
    associatedtype State: Sendable, Equatable

    /// The state before the aggregate's first event.
    static var initialState: State { get }

    /// Decides which events a command produces, or why it is refused.
    /// - Throws: `Rejection` when a rule forbids the command in this state and context.
    static func decide(_ command: Command, state: State, context: DecisionContext) throws(Rejection) -> [Event]

    /// Applies one event to the state.
    static func evolve(_ state: State, _ event: Event) -> State

    /// The acts whose cross-case lookups (`DecisionContext.casesAlreadyFiled`, `finesAlreadyImposed`) deciding
    /// `command` in `state` needs, so the handler loads only those. None unless the decider says otherwise.
    static func actKeys(for command: Command, state: State) -> [ActKey]

    /// The decision numbers deciding `command` on `date` would use: looked up for
    /// `DecisionContext.decisionNumbersUsed`, and claimed in the same transaction as the events. None by default.
    static func decisionNumbers(for command: Command, state: State, on date: LocalDate) -> [DecisionNumber]

    /// The joint operations `command` links to, loaded for `DecisionContext.operations`. None by default.
    static func operationIds(for command: Command) -> [String]

    /// Who `command` in `state` says acts: its named duty holder or the agency it is done for, held against
    /// who records it (`ActingClaim`). Anyone by default.
    static func actingClaim(for command: Command, state: State) -> ActingClaim
}

extension Decider {
    public static func actKeys(for command: Command, state: State) -> [ActKey] { [] }
    public static func decisionNumbers(for command: Command, state: State, on date: LocalDate) -> [DecisionNumber] { [] }
    public static func operationIds(for command: Command) -> [String] { [] }
    public static func actingClaim(for command: Command, state: State) -> ActingClaim { .anyone }

    /// The state after replaying `events` from the initial state.
    public static func fold(_ events: some Sequence<Event>) -> State {
        events.reduce(initialState, evolve)
    }

    /// Replays `history`, decides `command`, and returns the new events (not applied to the state).
    public static func handle(_ command: Command, history: some Sequence<Event>,
                              context: DecisionContext) throws(Rejection) -> [Event] {
        try decide(command, state: fold(history), context: context)
    }
}
