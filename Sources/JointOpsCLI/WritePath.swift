import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// What a write prints about the aggregate it left: its status and the steps that can come next.
protocol WriteSummary: Decider {
    /// The status's code and label (`investigating`, 调查中).
    static func status(of state: State) -> (code: String, labelZh: String)
    static func next(after state: State) -> [String]
}

extension WriteOptions {
    /// The one write path: check the options, connect, let `perform` decide and append, print what it did.
    func write<D: WriteSummary>(_ decider: D.Type,
                                _ perform: (CommandHandler<D>, CommandRequest) throws -> Outcome<D>) throws {
        let request = try request()
        let application = try Database().writeApplication(administering: request.onBehalfOf != nil)
        let outcome = try perform(application.handler(D.self), request)
        report(outcome, status: D.status(of: outcome.state), next: D.next(after: outcome.state), format: format)
        provisionalNote(outcome.events)
        guard !outcome.events.isEmpty else { return }
        // The act is committed and its result printed: a failure now (the server lost while working out whether the
        // act was late) must not exit 5, whose advice to retry would record it twice without a --command-id.
        do {
            try lateNote(outcome, application: application)
        } catch {
            FileHandle.standardError.write(Data(("jointops: warning: recorded, but whether it was late could not be checked "
                + "(the database stopped answering); `jointops events list --stream \(outcome.stream)` shows what was recorded\n").utf8))
        }
    }

    /// Runs `command` on the existing record `id` of `kind`.
    func write<D: WriteSummary>(_ command: D.Command, to decider: D.Type, on id: String, kind: StreamKind) throws {
        let id = try kind.parse(id)
        try write(D.self) { handler, request in try handler.handle(command, on: id, kind: kind, request: request) }
    }

    /// Opens a new record under the next readable id of `kind`; `command` builds the creating command from it.
    func create<D: WriteSummary>(_ decider: D.Type, _ kind: StreamKind, _ command: (String) -> D.Command) throws {
        try write(D.self) { handler, request in try handler.create(kind, request: request, command: command) }
    }

    /// Runs a case command on an existing case.
    func write(_ command: CaseCommand, onCase id: String) throws {
        try write(command, to: CaseDecider.self, on: id, kind: .case)
    }

    /// Prints what a write did: the id, the events appended (their labels for people, codes beside them for
    /// programs), the resulting status and what can come next.
    private func report<D: Decider>(_ outcome: Outcome<D>, status: (code: String, labelZh: String), next: [String],
                                    format: OutputFormat) {
        let types = outcome.events.map(\.eventType)
        switch format {
        case .table:
            let repeated = outcome.wasAlreadyAppended ? " (already recorded under this --command-id; nothing written)" : ""
            let events = types.map(EventTypeLabels.labelZh).joined(separator: "、")
            print("\(outcome.stream): \(events) → \(status.labelZh), version \(outcome.version)\(repeated)")
            if !next.isEmpty { print("next: \(next.joined(separator: ", "))") }
        case .json, .csv:
            emit(Table(["id", "events", "events_zh", "status", "status_zh", "version", "already_recorded", "next"],
                       rows: [[outcome.stream, types.joined(separator: " "), types.map(EventTypeLabels.labelZh).joined(separator: "、"),
                               status.code, status.labelZh, String(outcome.version),
                               String(outcome.wasAlreadyAppended), next.joined(separator: "; ")]],
                       kinds: [.text, .codes(separator: " "), .list(separator: "、"), .code, .text, .integer, .boolean,
                               .list(separator: "; ")]), format)
        }
    }
}

/// The command line being run, as the user gave it: bound around `run()` by `CommandLineTool`, read by
/// `WriteOptions.request()`, so every write's command id carries the fingerprint of what was typed.
enum GivenCommandLine {
    @TaskLocal static var current: GivenCommand?

    /// `command`'s name (`case receive-lead`) and its parsed values: every option, argument and flag with
    /// its value, keyed by name, so the order the user typed them in does not matter. The write options are
    /// left out: `--command-id` and `--format` do not change the command, and `--at` and `--on-behalf-of`
    /// enter the fingerprint from the request, as parsed; a value the command computes later ("now", the
    /// case number it allocates) is not an argument.
    static func describing(_ command: any ParsableCommand) -> GivenCommand {
        var values: [String: String] = [:]
        for child in Mirror(reflecting: command).children {
            guard let label = child.label, !(child.value is OptionGroup<WriteOptions>) else { continue }
            values[label.hasPrefix("_") ? String(label.dropFirst()) : label] = String(describing: child.value)
        }
        let arguments = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
        let name = path(to: type(of: command), under: JointOpsCommand.self) ?? [type(of: command)._commandName]
        return GivenCommand(name: name.joined(separator: " "), arguments: arguments)
    }

    private static func path(to target: any ParsableCommand.Type, under node: any ParsableCommand.Type) -> [String]? {
        if ObjectIdentifier(node) == ObjectIdentifier(target) { return [] }
        for sub in node.configuration.subcommands {
            if let rest = path(to: target, under: sub) { return [sub._commandName] + rest }
        }
        return nil
    }
}

extension CaseDecider: WriteSummary {
    static func status(of state: CaseState) -> (code: String, labelZh: String) { (state.status.rawValue, state.status.labelZh) }
    static func next(after state: CaseState) -> [String] { state.nextActions.map(StepSpelling.verb) }
}

extension OperationDecider: WriteSummary {
    static func status(of state: OperationState) -> (code: String, labelZh: String) { (state.status.rawValue, state.status.labelZh) }
    static func next(after state: OperationState) -> [String] { state.nextActions.map(StepSpelling.verb) }
}

extension RectificationDecider: WriteSummary {
    static func status(of state: RectificationState) -> (code: String, labelZh: String) { (state.status.rawValue, state.status.labelZh) }
    static func next(after state: RectificationState) -> [String] { state.nextActions.map(StepSpelling.verb) }
}

extension ReferralDecider: WriteSummary {
    static func status(of state: ReferralState) -> (code: String, labelZh: String) { (state.status.rawValue, state.status.labelZh) }
    static func next(after state: ReferralState) -> [String] { state.nextActions.map(StepSpelling.verb) }
}

extension RegistryDecider: WriteSummary {
    static func status(of state: RegistryState) -> (code: String, labelZh: String) { ("registered", "已登记") }
    static func next(after state: RegistryState) -> [String] { [] }
}

extension OutreachDecider: WriteSummary {
    static func status(of state: OutreachDecider.State) -> (code: String, labelZh: String) { ("recorded", "已登记") }
    static func next(after state: OutreachDecider.State) -> [String] { [] }
}

extension WriteOptions {
    /// Runs the case command `command` builds (it may refuse a bad option value) on the existing case `id`.
    func writeCase(_ id: String, _ command: () throws -> CaseCommand) throws { try write(try command(), onCase: id) }
    func writeOperation(_ id: String, _ command: () throws -> OperationCommand) throws {
        try write(try command(), to: OperationDecider.self, on: id, kind: .operation)
    }
    func writeRectification(_ id: String, _ command: () throws -> RectificationCommand) throws {
        try write(try command(), to: RectificationDecider.self, on: id, kind: .rectification)
    }
    func writeReferral(_ id: String, _ command: () throws -> ReferralCommand) throws {
        try write(try command(), to: ReferralDecider.self, on: id, kind: .referral)
    }
    /// Runs a registry command (agencies, officers, campaigns): the registry is one stream, made on first use.
    func writeRegistry(_ command: RegistryCommand) throws {
        try write(RegistryDecider.self) { handler, request in
            try handler.handle(command, on: StreamKind.registryStream, mustExist: false, request: request)
        }
    }
}
