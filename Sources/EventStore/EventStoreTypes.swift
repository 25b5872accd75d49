import Foundation

/// What a writer expects a stream's version to be when it appends.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the version is.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must be at exactly this version (its last event's number).
    case exact(Int64)

    var parameter: Int64? {
        switch self {
        case .any: return nil
        case .noStream: return 0
        case .exact(let version): return version
        }
    }

    public var description: String {
        switch self {
        case .any: return "any"
        case .noStream: return "no stream"
        case .exact(let version): return "version \(version)"
        }
    }
}

/// An event to append. `data` is a JSON object.
public struct NewEvent: Sendable, Equatable {
    public var id: UUID
    public var type: String
    public var schemaVersion: Int
    public var data: Data
    /// Business time: when it happened in the field (often earlier than when it is recorded).
    public var occurredAt: Date

    public init(id: UUID = UUID(), type: String, schemaVersion: Int = 1, data: Data, occurredAt: Date) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.occurredAt = occurredAt
    }
}

/// Who asked for an append, and why: shared by every event of one command.
public struct CommandMetadata: Sendable, Equatable {
    /// Makes the append idempotent: the same id appended again returns the first result.
    public var commandId: UUID
    /// The officer (or system user) who issued the command.
    public var actor: String
    public var agency: String?
    public var correlationId: UUID
    public var causationId: UUID?
    /// What the command was: an append of a recorded command id with another fingerprint is refused
    /// (`CommandIdConflict`). nil stores none, and matches any.
    public var fingerprint: CommandFingerprint?

    public init(commandId: UUID = UUID(), actor: String, agency: String? = nil,
                correlationId: UUID? = nil, causationId: UUID? = nil, fingerprint: CommandFingerprint? = nil) {
        self.commandId = commandId
        self.actor = actor
        self.agency = agency
        self.correlationId = correlationId ?? commandId
        self.causationId = causationId
        self.fingerprint = fingerprint
    }
}

/// The outcome of an append.
public struct AppendResult: Sendable, Equatable {
    /// The stream the command's events are in: the one appended to, or, for a command id recorded
    /// before, the stream it was recorded on (which a retry that chose a new stream must report).
    public var streamId: String
    /// The stream's version after the append (its last event's number).
    public var streamVersion: Int64
    /// Global positions of the appended events, in stream order.
    public var positions: [Int64]
    /// True when the command id had been appended before and nothing new was written.
    public var wasAlreadyAppended: Bool
}

/// A point in the commit-safe global order: the writing transaction's id, then the position.
public struct GlobalPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var transactionId: UInt64
    public var position: Int64

    public init(transactionId: UInt64, position: Int64) {
        self.transactionId = transactionId
        self.position = position
    }

    /// Before every event.
    public static let start = GlobalPosition(transactionId: 0, position: 0)

    public static func < (a: GlobalPosition, b: GlobalPosition) -> Bool {
        (a.transactionId, a.position) < (b.transactionId, b.position)
    }

    public var description: String { "\(transactionId)/\(position)" }
}

/// An event as stored, with its metadata.
public struct RecordedEvent: Sendable, Equatable {
    public var position: Int64
    public var transactionId: UInt64
    public var streamId: String
    public var streamVersion: Int64
    public var id: UUID
    public var type: String
    public var schemaVersion: Int
    public var data: Data
    public var commandId: UUID
    public var actor: String
    public var agency: String?
    public var correlationId: UUID
    public var causationId: UUID?
    public var occurredAt: Date
    public var recordedAt: Date

    public var globalPosition: GlobalPosition { GlobalPosition(transactionId: transactionId, position: position) }
}

/// Why the store refused an append or a read.
public enum EventStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream was not at the expected version; nothing was written.
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int64)
    case emptyAppend(stream: String)
    /// Event data must be a JSON object.
    case invalidEventData(type: String)
    /// Inside a caller's transaction, the command id turned out to be recorded already (23505 on
    /// `commands_pkey`), which aborted that transaction: roll it back, then ask `recordedResult(of:)`.
    case commandRecordedMeanwhile(UUID)

    public var description: String {
        switch self {
        case let .wrongExpectedVersion(stream, expected, actual):
            let actualText = actual == 0 ? "does not exist" : "is at version \(actual)"
            return "stream \(stream) \(actualText), expected \(expected): someone else changed it; reload and retry"
        case let .emptyAppend(stream):
            return "nothing to append to stream \(stream)"
        case let .invalidEventData(type):
            return "event \(type) must carry a JSON object"
        case let .commandRecordedMeanwhile(id):
            return "command \(id.uuidString.lowercased()) was recorded by another process meanwhile; run it again to see its result"
        }
    }
}
