import Foundation

/// What a command was, stored with its command id so that a retry can be told from a reuse of the id.
///
/// The store does not compute it: the caller names the command and derives `digest` from the command's
/// arguments as the user gave them (never from defaults such as "now" or a freshly allocated number), so
/// the same command given again has the same fingerprint (migration 0015).
public struct CommandFingerprint: Sendable, Hashable {
    /// The command as the user named it, e.g. `case receive-lead`; shown when the id is refused.
    public var type: String
    /// A name-based id of the command and its arguments in canonical form.
    public var digest: UUID

    public init(type: String, digest: UUID) {
        self.type = type
        self.digest = digest
    }
}

/// A command id that was recorded for another command: the same id with another fingerprint, or (for
/// callers that name the stream) on another stream. Nothing was written.
public struct CommandIdConflict: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the id recorded first.
    public var original: RecordedCommand

    public init(original: RecordedCommand) { self.original = original }

    public var description: String {
        "command id \(original.commandId.uuidString.lowercased()) was already used for \(original.streamId) by "
            + (original.type ?? original.eventTypes.joined(separator: ", ")) + ": use a new command id"
    }
}

extension RecordedCommand {
    /// Whether a retry with `fingerprint` is this command again. Rows older than migration 0015, and
    /// appends that carry no fingerprint, cannot tell, and count as the same (as before).
    public func isSame(as fingerprint: CommandFingerprint?) -> Bool {
        guard let mine = self.fingerprint, let theirs = fingerprint?.digest else { return true }
        return mine == theirs
    }

    /// The result this command recorded, as a retry of it returns it.
    public var appendResult: AppendResult {
        AppendResult(streamId: streamId, streamVersion: lastVersion, positions: positions, wasAlreadyAppended: true)
    }
}
