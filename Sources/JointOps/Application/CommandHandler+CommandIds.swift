import Enforcement
import EventStore
import Foundation

// A command id means one command (issue 13, point 5). A retry under a known id prints what the first
// attempt recorded — its stream and version from `eventstore.commands` — never what the retry itself
// chose: four processes retrying one `case receive-lead` used to print a case number the command had
// not created when a racing retry had picked the next number. The same id given to another command
// (another fingerprint, or another stream) is a conflict naming the original.
extension CommandHandler {
    /// The first result of a command id already recorded, or nil for a new command id.
    ///
    /// - Throws: `CommandIdConflict` when the id was recorded for another command, or on another stream
    ///   than `stream` (nil: any stream, as a creating command's number is not known beforehand).
    func earlierOutcome(of request: CommandRequest, fingerprint: CommandFingerprint?,
                        on stream: String?) throws -> Outcome<D>? {
        guard let commandId = request.commandId, let recorded = try store.command(commandId) else { return nil }
        guard recorded.isSame(as: fingerprint) else { throw CommandIdConflict(original: recorded) }
        return try outcome(of: recorded, expectedStream: stream)
    }

    /// The outcome `commandId` recorded, read back after an append found it recorded meanwhile.
    func recordedOutcome(of commandId: UUID, expectedStream: String?) throws -> Outcome<D> {
        guard let recorded = try store.command(commandId) else {
            throw EventStoreError.commandRecordedMeanwhile(commandId)
        }
        return try outcome(of: recorded, expectedStream: expectedStream)
    }

    /// What `recorded` did, as its stream stood right after it: its events, the state and the version.
    private func outcome(of recorded: RecordedCommand, expectedStream: String?) throws -> Outcome<D> {
        if let expectedStream, expectedStream != recorded.streamId { throw CommandIdConflict(original: recorded) }
        let stream = try store.read(stream: recorded.streamId).filter { $0.streamVersion <= recorded.lastVersion }
        let events: [D.Event]
        do { events = try stream.map { try decode(D.Event.self, $0) } } catch {
            throw CommandIdConflict(original: recorded)   // the id belongs to a command on another kind of stream
        }
        let mine = zip(stream, events).filter { $0.0.streamVersion >= recorded.firstVersion }.map(\.1)
        return Outcome(stream: recorded.streamId, events: mine, state: D.fold(events), version: recorded.lastVersion,
                       wasAlreadyAppended: true, attempts: 0)
    }
}

extension CommandIdConflict: UserFacingConvertible {
    /// One line: which command the id was used for (what it recorded, by its Chinese labels), on which stream and
    /// when, and to use a new id (exit 4).
    public func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        let what = [original.type.map { "`\($0)`" }, original.eventTypes.isEmpty ? nil : "(\(original.eventTypes.map(EventTypeLabels.labelZh).joined(separator: "、")))"]
            .compactMap { $0 }.joined(separator: " ")
        let when = Self.chinaTime.string(from: original.recordedAt)
        return UserFacingError("command id \(original.commandId.uuidString.lowercased()) was already used for "
            + "\(original.streamId)\(what.isEmpty ? "" : " by \(what)"), recorded \(when): "
            + "give this different command a new --command-id (uuidgen makes one)",
            status: .conflict)
    }

    private static var chinaTime: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3_600)
        return formatter
    }
}
