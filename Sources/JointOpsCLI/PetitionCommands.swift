import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct PetitionCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petition",
        abstract: "Petitions (信访): receive, resolve (化解), list.",
        discussion: Help.discussion(examples: "jointops petition list"),
        subcommands: [Receive.self, Resolve.self, List.self]
    )

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a petition received; prints the new PET-YYYY-NNNN id.",
            discussion: Help.discussion(examples: "jointops petition receive --received-on 2021-03-15 --agency WSJT --subject 班线客车线路调整补偿诉求"))
        @Option(name: .customLong("received-on"), help: "Day first received, YYYY-MM-DD (default: the --at date); a long-standing petition keeps its first day.")
        var receivedOn: String?
        @Option(help: "Code of the agency handling it (you record as one of its officers).") var agency: String
        @Option(help: "What it is about (Chinese); no petitioner's name.") var subject: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            let request = try options.request()
            let petition = Petition(
                receivedOn: try receivedOn.map { try parseDate($0, option: "--received-on") } ?? request.at?.date ?? LocalDate(Date()),
                agency: agency, subjectZh: subject)
            try options.create(PetitionDecider.self, .petition) { .receive(petitionId: $0, petition) }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record how a petition was resolved (化解).",
            discussion: Help.discussion(examples: "jointops petition resolve PET-2023-0001 --resolved-on 2023-08-21 --outcome 签订协议，信访人签字认可"))
        @Argument(help: "The petition, PET-YYYY-NNNN.") var id: String
        @Option(name: .customLong("resolved-on"), help: "Day resolved, YYYY-MM-DD (default: the --at date).") var resolvedOn: String?
        @Option(help: "How it was resolved (Chinese).") var outcome: String
        @OptionGroup var options: WriteOptions
        func run() throws {
            let request = try options.request()
            let day = try resolvedOn.map { try parseDate($0, option: "--resolved-on") } ?? request.at?.date ?? LocalDate(Date())
            try options.write(.resolve(resolvedOn: day, outcomeZh: outcome), to: PetitionDecider.self, on: id, kind: .petition)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List petitions and how each was resolved.",
            discussion: Help.discussion(examples: "jointops petition list --resolved-in 2023"))
        @Option(parsing: .unconditional, help: "Only petitions resolved in this year.") var resolvedIn: String?
        @OptionGroup var output: FormatOption
        func run() throws {
            let year = try resolvedIn.map { try parseYear($0, option: "--resolved-in") }
            let petitions = try connectedApplication().loadAll(PetitionDecider.self, kind: .petition)
                .filter { year == nil || $0.state.resolvedOn?.year == year }
            try emit(Table(["id", "status", "status_zh", "agency", "received_on", "resolved_on", "long_standing", "subject", "outcome"],
                           rows: petitions.map { id, s in
                               [id, s.status.rawValue, s.status.labelZh, s.petition?.agency ?? "",
                                s.petition?.receivedOn.description ?? "", s.resolvedOn?.description ?? "",
                                String(s.isLongStanding), s.petition?.subjectZh ?? "", s.outcomeZh ?? ""]
                           }, kinds: [.text, .code, .text, .text, .text, .text, .boolean, .text, .text]), output)
        }
    }

    /// The verb of the command that takes `action`.
    static func verb(_ action: PetitionAction) -> String {
        switch action {
        case .receive: Receive._commandName
        case .resolve: Resolve._commandName
        }
    }
}

extension PetitionDecider: WriteSummary {
    static func status(of state: PetitionState) -> (code: String, labelZh: String) { (state.status.rawValue, state.status.labelZh) }
    static func next(after state: PetitionState) -> [String] {
        state.nextActions.map(PetitionCommandGroup.verb)
    }
}
