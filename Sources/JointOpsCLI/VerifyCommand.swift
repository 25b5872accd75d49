import ArgumentParser
import EventStore
import Foundation
import JointOps

/// `jointops verify`: recompute the log's hash chains and seals and name the first place they differ.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove the event log was not changed: recompute its hash chains and seals (日志核验).",
        discussion: Help.discussion("""
            Every event carries a hash chained to the one before it in its stream, and seals cover the whole \
            log in commit order (README, "Proving the log"). A clean log prints what was checked (exit 0); \
            a changed one prints the first position that does not match and what to do (exit 3). \
            `--against` takes the seal line an annual report printed (or its hash) and checks the log still \
            holds the history that report was read from.
            """, examples: "jointops verify", "jointops verify --stream CASE-2026-0012",
            "jointops verify --against 9c1185a5c5e9fc54612808977ee8f548b2258d31f7c2b3f1a0d5e6c7b8a9f0e1"))

    @Option(help: "Report only mismatches at or after this position (chains are still recomputed from the start).")
    var from: Int64?

    @Option(help: "Check only this stream's chain (no seals).")
    var stream: String?

    @Option(help: "A seal line printed by a report (日志封印 Log seal …), or its 64-digit hash.")
    var against: String?

    @Flag(help: "First seal the log up to the newest event no transaction can still precede.")
    var seal = false

    func validate() throws {
        if let from, from < 1 { throw ValidationError("--from must be a position of 1 or more, e.g. --from 1200") }
        if let stream, stream.isEmpty { throw ValidationError("--stream needs a stream id, e.g. --stream case-2026-0001") }
        if let against, LogSeal.hash(in: against) == nil {
            throw ValidationError("--against takes the seal line a report printed, or its 64-digit hash")
        }
    }

    func run() throws {
        let connection = try Database().location.connect(as: .projector)
        let hash = against.flatMap(LogSeal.hash(in:))
        // An analyst's login reads schema reporting only: it checks a printed seal through the function there.
        guard try LogSeal.mayReadLog(on: connection) else {
            guard let hash, !seal, stream == nil, from == nil else { throw UserFacingError(Self.analystsCheckSeals, status: .ruleRefused) }
            switch try LogSeal.check(hash, on: connection) {
            case .intact(let check):
                print("日志核验通过 Log verified: every event matches its hash chain and seals #1 to #\(check.seals) match; "
                      + "the log still holds the history sealed by \(hash).")
            case .altered(let damage): throw UserFacingError(Self.explanation(damage), status: .ruleRefused)
            }
            return
        }
        if seal {
            guard try LogSeal.maySeal(on: connection) else { throw UserFacingError(Self.projectorSeals, status: .ruleRefused) }
            if let made = try LogSeal.sealLog(on: connection) { print("已封印 Sealed: \(made.line)") }
        }
        let verifier = LogVerifier(connection: connection)
        if let stream, !(try verifier.hasStream(stream)) {
            throw UserFacingError.usage("no stream \(stream) in the log: stream ids are like CASE-2026-0001, OP-2026-0001 "
                                        + "or registry (jointops events list shows them)")
        }
        switch try verifier.verify(from: from, stream: stream, against: hash, bindings: .registry) {
        case .intact(let check):
            print(Self.summary(check, against: hash))
        case .altered(let damage):
            throw UserFacingError(Self.explanation(damage), status: .ruleRefused)
        }
    }

    static let analystsCheckSeals = "an analyst's login checks a printed report's seal only: jointops verify --against "
        + "\"日志封印 Log seal #…\"; the whole log (chains, streams, --seal) is verified by an officer's or the administrator's login"

    static let projectorSeals = "only the projector seals the log (the cluster's administrator, or jointops project run, "
        + "which seals after every catch-up): run jointops verify without --seal"

    static func summary(_ check: LogCheck, against hash: String?) -> String {
        var text = "日志核验通过 Log verified: \(check.events) events in \(check.streams) streams match their hash chains"
        if let last = check.lastSeal {
            text += "; \(check.seals) seals match, the last #\(last.number) through position \(last.lastPosition) (hash \(last.hash))"
        }
        if let hash { text += "; the log still holds the history sealed by \(hash)" }
        return text + "."
    }

    static let whatToDo = "restore the database from a backup taken before the change and report it to the system administrator"

    static func explanation(_ damage: LogDamage) -> String {
        switch damage {
        case .event(let position, let stream, let version):
            return "日志被改动 Log altered at position \(position) (stream \(stream), version \(version)): "
                + "the stored event no longer matches its hash chain — \(whatToDo)"
        case .stream(let stream, let version):
            return "日志被改动 Log altered: stream \(stream) no longer ends at its recorded version \(version) "
                + "(an event at its end was removed or replaced) — \(whatToDo)"
        case .seal(let number, let first, let last):
            let range = first.map { "positions \($0) to \(last)" } ?? "the events up to position \(last)"
            return "日志被改动 Log altered in \(range): seal #\(number) no longer matches the events it covers "
                + "(an event removed, put back or reordered) — \(whatToDo)"
        case .author(let position, let stream, let version, let actor):
            return "日志记录人不符 Log altered at position \(position) (stream \(stream), version \(version)): it is recorded as "
                + "\"\(actor)\", but that login was not bound to that officer then, nor is it an administrator's — \(whatToDo)"
        case .unknownSeal(let hash):
            return "日志与封印不符 This log holds no seal \(hash): it no longer holds the history that report was read from "
                + "(or the report is from another database) — check which database printed it; if this one, \(whatToDo)"
        }
    }
}
