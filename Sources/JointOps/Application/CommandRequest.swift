import Enforcement
import EventStore
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
    /// The command as the user gave it (the command line's own words); nil: described from the command.
    public var given: GivenCommand?

    public init(onBehalfOf: String? = nil, commandId: UUID? = nil, at: BusinessTime? = nil, given: GivenCommand? = nil) {
        self.onBehalfOf = onBehalfOf
        self.commandId = commandId
        self.at = at
        self.given = given
    }

    /// A request an administrator records on `actor`'s behalf: how the demo and tests record.
    public init(actor: String, commandId: UUID? = nil, at: BusinessTime? = nil) {
        self.onBehalfOf = actor
        self.commandId = commandId
        self.at = at
    }

    /// What a command id stands for (migration 0015): the command's name and arguments as the user gave
    /// them, `--at` when given and who it is recorded for — never "now" or an id chosen while handling it,
    /// so a retry, however late or racing, has the same fingerprint, and another command under the same
    /// id has another. Without `given`, the command is described from `command` (library callers, tests).
    /// nil without a command id: a generated id is never given again.
    public func fingerprint(of command: @autoclosure () -> Any) -> CommandFingerprint? {
        guard commandId != nil else { return nil }
        let given = self.given ?? GivenCommand(describing: command())
        let canonical: [Any] = [given.name, given.arguments, at.map { $0.description } ?? NSNull(), onBehalfOf ?? NSNull()]
        let text = String(decoding: (try? JSONSerialization.data(withJSONObject: canonical, options: [.sortedKeys])) ?? Data(),
                          as: UTF8.self)
        return CommandFingerprint(type: given.name, digest: StableId.uuid(namespace: "jointops-command", name: text))
    }
}

/// A command as the user gave it: its name and its arguments in one canonical text, the same however the
/// options were ordered (the command line's parsed values, keyed by option name).
public struct GivenCommand: Sendable, Equatable {
    /// What the user typed to name it, e.g. `case receive-lead`.
    public var name: String
    public var arguments: String

    public init(name: String, arguments: String) {
        self.name = name
        self.arguments = arguments
    }

    /// A domain command described by its own value: `CaseCommand.fileCase` and every field.
    init(describing command: Any) {
        let text = String(describing: command)
        name = "\(type(of: command))." + (text.split(separator: "(", maxSplits: 1).first.map(String.init) ?? text)
        arguments = String(reflecting: command)
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
