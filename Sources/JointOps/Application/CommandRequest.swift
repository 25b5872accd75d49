import Enforcement
import Foundation

/// Who asks for a command, when it happened and under which id: the CLI's `--on-behalf-of`, `--at` and
/// `--command-id`. Who acts is not free text: it is the officer the session's database login is bound to
/// (`Application.actor(for:)`); only an administrator may name another officer, recording on their behalf.
public struct CommandRequest: Sendable, Equatable {
    /// The officer an administrator records a paper form for; nil: the login's own officer.
    public var onBehalfOf: String?
    /// Makes a retry safe: a command id seen before returns the first result and writes nothing.
    public var commandId: UUID?
    /// When the act happened in the field; nil for now.
    public var at: BusinessTime?

    public init(onBehalfOf: String? = nil, commandId: UUID? = nil, at: BusinessTime? = nil) {
        self.onBehalfOf = onBehalfOf
        self.commandId = commandId
        self.at = at
    }

    /// A request an administrator records on `actor`'s behalf: how the demo and tests record.
    public init(actor: String, commandId: UUID? = nil, at: BusinessTime? = nil) {
        self.onBehalfOf = actor
        self.commandId = commandId
        self.at = at
    }
}

/// What a command did.
public struct Outcome<D: Decider> {
    /// The stream written (the readable id).
    public let stream: String
    /// The events this command appended (or, for a repeated command id, appended the first time).
    public let events: [D.Event]
    /// The aggregate after the command.
    public let state: D.State
    /// The stream's version after the command.
    public let version: Int64
    /// True when the command id had been handled before and nothing was written now.
    public let wasAlreadyAppended: Bool
    /// How many times the command was decided: 2 when a concurrent write forced the one retry.
    public let attempts: Int
}
