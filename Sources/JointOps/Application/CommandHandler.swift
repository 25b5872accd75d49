import Enforcement
import EventStore
import Foundation
import Postgres

/// Runs commands of one aggregate type against the store: load the stream, fold, decide, append.
///
/// The append expects the exact version that was folded, so a concurrent writer makes it fail instead of
/// deciding on stale state. The handler then decides once more on the fresh state — the rule may now
/// refuse the command, or it may still pass — and gives up with `conflictPersisted` if the stream moved
/// again. A command id seen before returns the first result without deciding or writing anything, and
/// one recorded for another command is refused (CommandHandler+CommandIds.swift).
public struct CommandHandler<D: Decider> {
    public let application: Application

    public init(application: Application) { self.application = application }

    var store: EventStore { application.store }

    /// The stream's events, state and version (0 and the initial state when it does not exist).
    public func load(_ stream: String) throws -> (state: D.State, version: Int64, events: [D.Event]) {
        let recorded = try store.read(stream: stream)
        let events = try recorded.map { try decode(D.Event.self, $0) }
        return (D.fold(events), recorded.last?.streamVersion ?? 0, events)
    }

    /// Decides `command` on an existing stream (or on the registry, which needs no creating command).
    ///
    /// - Throws: `ApplicationError` (`.notFound` when the stream does not exist and `mustExist`),
    ///   `Rejection` from the decider, `EventStoreError` or `PostgresError`.
    @discardableResult
    public func handle(_ command: D.Command, on stream: String, kind: StreamKind? = nil, mustExist: Bool = true,
                       request: CommandRequest) throws -> Outcome<D> {
        let fingerprint = request.fingerprint(of: command)
        if let earlier = try earlierOutcome(of: request, fingerprint: fingerprint, on: stream) { return earlier }
        let (at, actor) = try checked(request)
        for attempt in 1...2 {
            let (state, version, _) = try load(stream)
            if version == 0, mustExist {
                throw ApplicationError.notFound(stream, kind: kind ?? StreamKind(prefix: "", noun: "stream"))
            }
            do {
                return try decideAndAppend(command, state: state, version: version, stream: stream, creating: false,
                                           at: at, request: request, fingerprint: fingerprint, actor: actor, attempt: attempt)
            } catch EventStoreError.wrongExpectedVersion where attempt == 1 {
                continue   // someone else wrote in between: decide again on the fresh state
            } catch EventStoreError.wrongExpectedVersion {
                throw ApplicationError.conflictPersisted(stream: stream)
            }
        }
        throw ApplicationError.conflictPersisted(stream: stream)
    }

    /// Starts a new stream under the next readable id of `kind` for the business year; `command` builds the
    /// creating command from that id.
    ///
    /// The number is the highest existing one plus one, claimed by appending with `.noStream`: a writer that
    /// loses the race takes the next number, and a refused command claims none, so numbers have no gaps.
    @discardableResult
    public func create(_ kind: StreamKind, request: CommandRequest,
                       command: (String) -> D.Command) throws -> Outcome<D> {
        // The fingerprint is the command without its number: a racing retry chooses another one.
        let fingerprint = request.fingerprint(of: command(""))
        if let earlier = try earlierOutcome(of: request, fingerprint: fingerprint, on: nil) { return earlier }
        let (at, actor) = try checked(request)
        var attempt = 0
        while true {
            attempt += 1
            let stream = try ReadableIds.next(kind, year: at.date.year, store: store)
            do {
                return try decideAndAppend(command(stream), state: D.initialState, version: 0, stream: stream, creating: true,
                                           at: at, request: request, fingerprint: fingerprint, actor: actor, attempt: attempt)
            } catch EventStoreError.wrongExpectedVersion where attempt < 20 {
                continue   // another writer took this number first
            }
        }
    }

    // MARK: - Steps

    /// The business time and who the command is recorded as, before anything is decided: an unbound
    /// login is refused whatever the command. The registry and the service commitments are the administrator's to keep.
    private func checked(_ request: CommandRequest) throws -> (BusinessTime, RecordedActor) {
        let administrative = D.self == RegistryDecider.self || D.self == CommitmentDecider.self
        let actor = try application.actor(for: request, administrative: administrative)
        return (try application.businessTime(request), actor)
    }

    private func decideAndAppend(_ command: D.Command, state: D.State, version: Int64, stream: String, creating: Bool,
                                 at: BusinessTime, request: CommandRequest, fingerprint: CommandFingerprint?,
                                 actor: RecordedActor, attempt: Int) throws -> Outcome<D> {
        let numbers = D.decisionNumbers(for: command, state: state, on: at.date)
        var context = try application.context(today: at.date, actKeys: Self.actKeys(command, state),
                                              decisionNumbers: numbers)
        // An operation's own commands see it as acts linking to it do: with the cases linked to its sessions.
        let own = StreamKind.operation.normalise(stream) == stream ? [stream] : []
        context.operations = try application.operations(D.operationIds(for: command) + own)
        try authorise(command, state: state, actor: actor, reference: context.reference)
        let events = try D.decide(command, state: state, context: context)
        guard !events.isEmpty else {
            return Outcome(stream: stream, events: [], state: state, version: version, wasAlreadyAppended: false,
                           attempts: attempt)
        }
        let newEvents = try events.map { event in
            NewEvent(id: application.clock.newId(), type: event.eventType, schemaVersion: event.schemaVersion,
                     data: try event.encodedPayload(), occurredAt: at.instant)
        }
        let actorAgency = try actor.officer.flatMap { try application.registry().officers[$0]?.agencyCode }
        let metadata = CommandMetadata(commandId: request.commandId ?? application.clock.newId(),
                                       actor: actor.stored, agency: actorAgency, fingerprint: fingerprint)
        try application.beforeAppend?(stream, attempt)
        let result = try append(newEvents, to: stream, expecting: version == 0 ? .noStream : .exact(version),
                                metadata: metadata, claiming: numbers, at: at)
        if result.wasAlreadyAppended {
            // The same command id raced in from another process between our check and this append: what it
            // recorded, on its own stream — never the number this attempt chose (the store checked the fingerprint).
            return try recordedOutcome(of: metadata.commandId, expectedStream: creating ? nil : stream)
        }
        return Outcome(stream: stream, events: events, state: events.reduce(state, D.evolve),
                       version: result.streamVersion, wasAlreadyAppended: false, attempts: attempt)
    }

    /// The acts whose cross-case lookups the command needs: the decider names them.
    static func actKeys(_ command: D.Command, _ state: D.State) -> [ActKey] {
        D.actKeys(for: command, state: state)
    }
}
