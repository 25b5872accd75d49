import Enforcement
import Foundation
import Testing
import TestSupport

/// One demo year played through the binary, shared by the suites that read every command's output.
///
/// The demo takes half a minute: the output suites read it (never write), so one database serves them all.
enum DemoOutput {
    struct Played: Sendable {
        let database: TestDatabase
        /// What `jointops demo --format json` printed.
        let demoJSON: String
    }

    static let played: Result<Played, CLIRunnerError> = {
        do {
            let database = try TestDatabase.create()
            let demo = try CLIRunner(database: database).run(["demo", "--format", "json"])
            guard demo.status == 0 else { return .failure(CLIRunnerError("jointops demo failed: \(demo.stderr)")) }
            return .success(Played(database: database, demoJSON: demo.stdout))
        } catch {
            return .failure(CLIRunnerError("the demo database could not be made: \(error)"))
        }
    }()

    static func cli() throws -> CLIRunner { CLIRunner(database: try played.get().database) }

    /// The commands whose output people read, with the ids the demo year has.
    static let listCommands: [[String]] = [
        ["case", "list"], ["case", "pipeline"], ["op", "list"], ["referral", "list"], ["rectify", "list"],
        ["agency", "list"], ["campaign", "list"], ["officer", "list"], ["review", "queue"], ["law", "list"],
        ["audit", "list"], ["counsel", "list"], ["petition", "list"],
    ]
    static let showCommands: [[String]] = [
        ["op", "show", "OP-2023-0001"], ["op", "show", "OP-2023-0018"], ["referral", "show", "REF-2023-0001"],
        ["rectify", "show", "RECT-2023-0001"], ["rectify", "show", "RECT-2023-0022"], ["audit", "show", "AUDIT-2023-0001"],
    ] + stride(from: 1, through: 234, by: 7).map { ["case", "show", String(format: "CASE-2023-%04d", $0)] }

    /// Every code of every code list (``Labelled`` values, event types, deadline statuses): what people must never read.
    static let codes: Set<String> = {
        func raw<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> [String] where T.RawValue == String {
            type.allCases.map(\.rawValue)
        }
        var all = raw(Sector.self) + raw(AgencyKind.self) + raw(PartyKind.self) + raw(LeadSource.self)
        all += raw(EvidenceKind.self) + raw(PenaltyType.self) + raw(NoPenaltyReason.self) + raw(ServiceMethod.self)
        all += raw(PaymentChannel.self) + raw(PublicationPolicy.WithholdingReason.self) + raw(ReferralKind.self)
        all += raw(FoundDuring.self) + raw(CaseState.Status.self) + raw(OperationState.Status.self)
        all += raw(RectificationState.Status.self) + raw(ReferralState.Status.self) + raw(DeadlineKind.self)
        all += raw(Jurisdiction.self) + raw(CalendarDayKind.self) + raw(OutcomeSource.self) + raw(OfficerRole.self)
        all += raw(RectificationOrigin.self) + raw(CounselReviewKind.self) + raw(PetitionState.Status.self)
        all += ["ordinary", "summary", "notRequested", "requested", "passed", "returned", "received", "waived",
                "released", "confiscated", "open", "onTime", "late", "overdue"]
        all += CaseEvent.eventTypes + OperationEvent.eventTypes + RegistryEvent.eventTypes + ReferralEvent.eventTypes
        all += RectificationEvent.eventTypes + OutreachEvent.eventTypes + AuditEvent.eventTypes + CounselEvent.eventTypes
        all += PetitionEvent.eventTypes + ReportPlanEvent.eventTypes
        return Set(all)
    }()

    /// The codes in `text`: a cell that is exactly a code, or a compound identifier (`rideHailing`) anywhere in it.
    /// Single-word codes (`fine`, `other`) are also English words, so inside a sentence only compounds count.
    static func codes(inCell cell: String) -> [String] {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        if codes.contains(trimmed) { return [trimmed] }
        let words = trimmed.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        return words.filter { word in codes.contains(word) && word.dropFirst().contains(where: \.isUppercase) }
    }
}
