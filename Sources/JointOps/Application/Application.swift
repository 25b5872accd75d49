import Enforcement
import EventStore
import Foundation
import Postgres

/// The write side's entry point: one connection, the clock, and the reference data commands are decided with.
///
/// Not shared between threads (its `Connection` is not); open one per thread. Registry and calendar are
/// cached and refreshed by reading only the events appended since the last look.
public final class Application {
    public let store: EventStore
    public let clock: Clock
    /// Whose working days count (Wusu is in Xinjiang).
    public var jurisdiction: Jurisdiction = .xinjiang
    public var legalBases: LegalBasisCatalogue = .shipped
    public var reviewCatalogue: ReviewCatalogue = .standard
    /// Working days added to the party's windows while a year's calendar is not complete (DOMAIN.md §5).
    public var provisionalMargins: ProvisionalMargins = .standard
    /// Called before every append with the stream and the attempt number (1, then 2 on the retry).
    /// Tests use it to slip a concurrent write in between deciding and appending.
    public var beforeAppend: ((String, Int) throws -> Void)?

    var registryCache = StreamCache<RegistryDecider>()
    var calendarCache = CalendarCache()
    var sessionLoginCache: SessionLogin?

    public init(connection: Connection, clock: Clock = .system) {
        self.store = EventStore(connection: connection)
        self.clock = clock
    }

    public var connection: Connection { store.connection }

    /// A handler for one aggregate type.
    public func handler<D: Decider>(_ decider: D.Type) -> CommandHandler<D> { CommandHandler(application: self) }

    // MARK: Reference data

    /// The registry of agencies, officers and campaigns, as of now.
    public func registry() throws -> RegistryState {
        try registryCache.refresh(stream: StreamKind.registryStream, application: self)
    }

    /// The shipped calendar merged with every imported notice, in the order imported.
    public func calendar() throws -> WorkingDayCalendar {
        let calendar = try calendarCache.refresh(application: self)
        return calendar.margins == provisionalMargins ? calendar : calendar.with(margins: provisionalMargins)
    }

    /// The context a decision on `today` is made in; `actKeys` name the acts whose cross-case lookups
    /// (`finesAlreadyImposed`, `casesAlreadyFiled`) the decision needs.
    public func context(today: LocalDate, actKeys: [ActKey] = [],
                        decisionNumbers: [DecisionNumber] = []) throws -> DecisionContext {
        var fined: [ActKey: CaseRef] = [:]
        var filed: [ActKey: CaseRef] = [:]
        for key in Set(actKeys) {
            fined[key] = try CaseLookups.fineImposed(for: key, store: store)
            filed[key] = try CaseLookups.caseFiled(for: key, store: store)
        }
        var numbers: [DecisionNumber: String] = [:]
        for number in Set(decisionNumbers) { numbers[number] = try CaseLookups.holder(of: number, store: store) }
        return DecisionContext(today: today, jurisdiction: jurisdiction, calendar: try calendar(),
                               legalBases: legalBases, reviewCatalogue: reviewCatalogue,
                               reference: try registry().referenceData,
                               finesAlreadyImposed: fined, casesAlreadyFiled: filed, decisionNumbersUsed: numbers)
    }

    /// The business time of a request (`--at`, else now), refusing one later than the clock allows.
    func businessTime(_ request: CommandRequest) throws(ApplicationError) -> BusinessTime {
        let now = clock.now()
        guard let at = request.at else { return BusinessTime(now) }
        if BusinessTimeRule.isInFuture(at.instant, dateOnly: at.dateOnly, now: now) {
            throw .businessTimeInFuture(at, now: now)
        }
        return at
    }

    /// The stream ids of one kind, in number order (year, then number).
    public func streams(of kind: StreamKind) throws -> [String] {
        try ReadableIds.existing(kind, store: store)
    }
}

/// A folded stream kept between commands; only events after `version` are read on refresh.
struct StreamCache<D: Decider> {
    var version: Int64 = 0
    var state: D.State = D.initialState

    mutating func refresh(stream: String, application: Application) throws -> D.State {
        let current = try application.store.version(of: stream)
        if current != version {
            if current < version { self = StreamCache() }   // a different database: start over
            let events = try application.store.read(stream: stream, from: version + 1)
            for recorded in events {
                state = D.evolve(state, try decode(D.Event.self, recorded))
            }
            version = events.last?.streamVersion ?? version
        }
        return state
    }
}

/// Turns a stored event back into a domain event, or says which one cannot be read.
func decode<E: DomainEvent>(_ type: E.Type, _ recorded: RecordedEvent) throws -> E {
    do {
        return try E(eventType: recorded.type, schemaVersion: recorded.schemaVersion, payload: recorded.data)
    } catch {
        throw ApplicationError.unreadableEvent(stream: recorded.streamId, version: recorded.streamVersion,
                                               type: recorded.type, reason: "\(error)")
    }
}
