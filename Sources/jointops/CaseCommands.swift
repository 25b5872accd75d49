import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// Runs a case command on an existing case and prints the result.
func caseWrite(_ id: String, _ options: WriteOptions, _ command: @escaping () throws -> CaseCommand) {
    guarded {
        let id = try parseId(id, .case)
        let request = try options.request()
        let format = try options.outputFormat()
        let command = try command()
        withApplication { app in
            let outcome = try app.handler(CaseDecider.self).handle(command, on: id, kind: .case, request: request)
            report(outcome, status: outcome.state.status.rawValue, next: outcome.state.nextActions, format: format)
        }
    }
}

/// Runs a case command that opens a new case under the next CASE-YYYY-NNNN id.
func caseCreate(_ options: WriteOptions, _ command: @escaping (String) -> CaseCommand) {
    guarded {
        let request = try options.request()
        let format = try options.outputFormat()
        withApplication { app in
            let outcome = try app.handler(CaseDecider.self).create(.case, request: request, command: command)
            report(outcome, status: outcome.state.status.rawValue, next: outcome.state.nextActions, format: format)
        }
    }
}

/// The party (当事人) and the act (违法行为) of a filing or an on-the-spot decision.
struct PartyActOptions: ParsableArguments {
    @Option(name: .customLong("party-name"), help: "Party name, e.g. 马某 or 乌苏市某某运输有限公司.") var partyName: String
    @Option(name: .customLong("party-kind"), help: "individual or organisation.") var partyKind: String = "individual"
    @Option(name: .customLong("party-id"), help: "ID-card number, credit code, or the plate if the driver is unknown.")
    var partyId: String
    @Flag(name: .customLong("minor"), help: "The party is a minor (never published).") var minor = false
    @Option(name: .customLong("act-date"), help: "Day of the act, YYYY-MM-DD.") var actDate: String
    @Option(name: .customLong("act-place"), help: "Where (Chinese).") var actPlace: String
    @Option(help: "blackCar, taxi, rideHailing, drivingSchool, scheduledLine, keyVehicles or other.") var sector: String
    @Option(help: "What happened (Chinese).") var description: String
    @Option(help: "Vehicle plate, e.g. 新G·12345.") var plate: String?
    @Flag(help: "Life, health or financial safety was harmed (5-year limitation).") var harmed = false

    func party() throws -> Party {
        Party(nameZh: partyName, kind: try parseChoice(partyKind, option: "--party-kind"), partyId: partyId, isMinor: minor)
    }

    func act() throws -> Act {
        Act(date: try parseDate(actDate, option: "--act-date"), placeZh: actPlace,
            sector: try parseChoice(sector, option: "--sector"), descriptionZh: description, plate: plate,
            harmedLifeHealthOrFinance: harmed)
    }
}

/// A penalty: `--type` (repeatable, default fine), `--fine` yuan, `--gains` yuan, `--basis` legal-basis id.
struct PenaltyOptions: ParsableArguments {
    @Option(help: "Penalty type (repeatable): warning, criticism, fine, confiscationOfIllegalGains, confiscationOfProperty, qualificationDowngrade, permitRevocation, businessSuspension.")
    var type: [String] = []
    @Option(help: "Fine in yuan.") var fine: String?
    @Option(help: "Illegal gains (违法所得) in yuan.") var gains: String?
    @Option(help: "Legal basis id, e.g. RTR-63-2023.") var basis: String

    func penalty() throws -> Penalty {
        var types = try type.map { try parseChoice($0, option: "--type", as: PenaltyType.self) }
        if types.isEmpty { types = fine == nil ? [.warning] : [.fine] }
        return Penalty(types: types, fineYuan: try fine.map { try parseInt($0, option: "--fine") } ?? 0,
                       illegalGainsYuan: try gains.map { try parseInt($0, option: "--gains") } ?? 0, legalBasisId: basis)
    }
}

struct CaseCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Open and move administrative cases (案件), from the lead to the archive.",
        subcommands: [ReceiveLead.self, File.self, DeclineFiling.self, AssignOfficers.self, RecordEvidence.self,
                      PreserveEvidence.self, ResolvePreservedEvidence.self, SeizeVehicle.self, ExtendSeizure.self,
                      ReleaseVehicle.self, ConfiscateVehicle.self, ConcludeInvestigation.self,
                      ReviewCommand.Request.self, ReviewCommand.Pass.self, ReviewCommand.Return.self,
                      ServeNotice.self, ReceiveStatement.self, WaiveStatement.self, RequestHearing.self,
                      ScheduleHearing.self, HoldHearing.self, WaiveHearing.self, DecidePenalty.self,
                      DecideNoPenalty.self, ReferToPolice.self, TransferOut.self, DecideOnSpot.self,
                      ServeDecision.self, Publish.self, WithholdPublication.self, RevokeDecision.self,
                      WithdrawPublication.self, ReceivePayment.self, ServeDemand.self, ApplyToCourt.self,
                      FileOnSpotDecision.self, Close.self, Archive.self, Show.self, List.self, Pipeline.self]
    )

    struct ReceiveLead: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-lead",
            abstract: "Register a case lead (案源); prints the new CASE-YYYY-NNNN id.")
        @Option(help: "Agency receiving the lead.") var agency: String
        @Option(help: "inspection, complaint, assignedBySuperior, reportedByLowerLevel, transferredByAgency, licensingWindow, jointOperation or other.")
        var source: String
        @Option(help: "What the lead is about (Chinese).") var summary: String
        @OptionGroup var options: WriteOptions
        func run() {
            guarded {
                let source = try parseChoice(source, option: "--source", as: LeadSource.self)
                caseCreate(options) { .receiveLead(caseId: $0, agency: agency, source: source, summaryZh: summary) }
            }
        }
    }

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "File a case (立案): give a lead's id, or none to open a new case.")
        @Argument(help: "The lead's case id; leave out to open a new case.") var id: String?
        @Option(help: "Agency filing the case.") var agency: String
        @Option(name: .customLong("approved-by"), help: "Who approved the filing.") var approvedBy: String
        @OptionGroup var partyAct: PartyActOptions
        @OptionGroup var options: WriteOptions
        func run() {
            guarded {
                let party = try partyAct.party(), act = try partyAct.act()
                if let id {
                    caseWrite(id, options) { .fileCase(caseId: "", agency: agency, party: party, act: act, approvedBy: approvedBy) }
                } else {
                    caseCreate(options) { .fileCase(caseId: $0, agency: agency, party: party, act: act, approvedBy: approvedBy) }
                }
            }
        }
    }

    struct DeclineFiling: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decline-filing", abstract: "Decide not to file a lead.")
        @Argument var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .declineFiling(reasonZh: reason) } }
    }

    struct AssignOfficers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign-officers",
            abstract: "Assign the case officers (at least two certified).")
        @Argument var id: String
        @Option(help: "Officer id (repeatable).") var officer: [String] = []
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .assignOfficers(officer) } }
    }

    struct RecordEvidence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record-evidence", abstract: "Record a piece of evidence.")
        @Argument var id: String
        @Option(help: "document, physical, audioVisual, electronicData, witnessStatement, partyStatement, expertOpinion, siteRecord, interviewRecord.")
        var kind: String
        @Option(help: "What it is (Chinese).") var description: String
        @Option(help: "Where the media file is kept.") var media: String
        @Option(help: "SHA-256 of the media file (64 hex digits).") var sha256: String
        @Option(help: "Officer id (repeatable, at least two).") var officer: [String] = []
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) {
                .recordEvidence(kind: try parseChoice(kind, option: "--kind"), descriptionZh: description,
                                mediaRef: media, sha256: sha256, officers: officer)
            }
        }
    }

    struct PreserveEvidence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "preserve-evidence",
            abstract: "Register evidence for preservation (先行登记保存); 7 working days to decide.")
        @Argument var id: String
        @Option(help: "What is preserved (Chinese).") var items: String
        @Option(help: "Officer id (repeatable).") var officer: [String] = []
        @Option(name: .customLong("approved-by")) var approvedBy: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .preserveEvidence(itemsZh: items, officers: officer, approvedBy: approvedBy) } }
    }

    struct ResolvePreservedEvidence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve-preserved-evidence",
            abstract: "Record what was done with preserved evidence.")
        @Argument var id: String
        @Option(help: "Outcome (Chinese).") var outcome: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .resolvePreservedEvidence(outcomeZh: outcome) } }
    }

    struct SeizeVehicle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seize-vehicle",
            abstract: "Seize a vehicle (扣押); 30 days, extendable once.")
        @Argument var id: String
        @Option(help: "Plate, e.g. 新G·12345.") var plate: String
        @Option(help: "Officer id (repeatable).") var officer: [String] = []
        @Option(name: .customLong("approved-by")) var approvedBy: String
        @Option(help: "Where the vehicle is kept (Chinese).") var place: String
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) { .seizeVehicle(plate: plate, officers: officer, approvedBy: approvedBy, placeZh: place) }
        }
    }

    struct ExtendSeizure: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "extend-seizure", abstract: "Extend a seizure once.")
        @Argument var id: String
        @Option var plate: String
        @Option(help: "Days, 1 to 30.") var days: String
        @Option(name: .customLong("approved-by")) var approvedBy: String
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) { .extendSeizure(plate: plate, days: try parseInt(days, option: "--days"), approvedBy: approvedBy) }
        }
    }

    struct ReleaseVehicle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "release-vehicle", abstract: "Give a seized vehicle back.")
        @Argument var id: String
        @Option var plate: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .releaseVehicle(plate: plate, reasonZh: reason) } }
    }

    struct ConfiscateVehicle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "confiscate-vehicle",
            abstract: "Confiscate a seized vehicle (needs a decided confiscation).")
        @Argument var id: String
        @Option var plate: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .confiscateVehicle(plate: plate) } }
    }

    struct ConcludeInvestigation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "conclude-investigation",
            abstract: "End the investigation (调查终结).")
        @Argument var id: String
        @Option(help: "Findings (Chinese).") var findings: String
        @Flag(help: "A complex case (needs legal review).") var complex = false
        @Flag(name: .customLong("major-public-interest"), help: "Major public interest (needs legal review).")
        var majorPublicInterest = false
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) {
                .concludeInvestigation(findingsZh: findings, complex: complex, majorPublicInterest: majorPublicInterest)
            }
        }
    }

    struct ServeNotice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve-notice",
            abstract: "Serve the pre-decision notice (告知) of the intended penalty.")
        @Argument var id: String
        @OptionGroup var penalty: PenaltyOptions
        @Flag(name: .customLong("hearing-right"), help: "The notice tells the party of its right to a hearing.")
        var hearingRight = false
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .serveNotice(intended: try penalty.penalty(), hearingRight: hearingRight) } }
    }

    struct ReceiveStatement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-statement",
            abstract: "Record the party's statement and defence (陈述申辩).")
        @Argument var id: String
        @Option(help: "Summary (Chinese).") var summary: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .receiveStatement(summaryZh: summary) } }
    }

    struct WaiveStatement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "waive-statement",
            abstract: "Record that the party waived its statement and defence.")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .waiveStatement } }
    }

    struct RequestHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "request-hearing", abstract: "Record the party's hearing request.")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .requestHearing } }
    }

    struct ScheduleHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "schedule-hearing", abstract: "Fix the hearing (≥ 7 working days ahead).")
        @Argument var id: String
        @Option(help: "Hearing day, YYYY-MM-DD.") var date: String
        @Option(help: "Chair's officer id (not an investigator).") var chair: String
        @Option(help: "Where (Chinese).") var place: String
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) { .scheduleHearing(date: try parseDate(date, option: "--date"), chair: chair, placeZh: place) }
        }
    }

    struct HoldHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hold-hearing", abstract: "Record that the hearing took place.")
        @Argument var id: String
        @Option(help: "Reference of the hearing record.") var record: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .holdHearing(recordRef: record) } }
    }

    struct WaiveHearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "waive-hearing", abstract: "Record that the hearing request lapsed.")
        @Argument var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .waiveHearing(reasonZh: reason) } }
    }

    struct DecidePenalty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-penalty",
            abstract: "Decide a penalty (行政处罚决定).")
        @Argument var id: String
        @OptionGroup var penalty: PenaltyOptions
        @Option(help: "Decision number, e.g. 乌交执罚〔2023〕12号.") var number: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .decidePenalty(try penalty.penalty(), decisionNumber: number) } }
    }

    struct DecideNoPenalty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-no-penalty", abstract: "Decide not to penalise.")
        @Argument var id: String
        @Option(help: "minorViolation, factsNotEstablished or firstMinorCorrected.") var reason: String
        @Option(help: "Decision number.") var number: String
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) { .decideNoPenalty(reason: try parseChoice(reason, option: "--reason"), decisionNumber: number) }
        }
    }

    struct ReferToPolice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "refer-to-police", abstract: "Refer a suspected crime to the police.")
        @Argument var id: String
        @Option(help: "Police agency code.") var police: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .referToPolice(policeAgency: police, reasonZh: reason) } }
    }

    struct TransferOut: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "transfer-out", abstract: "Hand the case to the agency with jurisdiction.")
        @Argument var id: String
        @Option(help: "Receiving agency code.") var to: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .transferOut(toAgency: to, reasonZh: reason) } }
    }

    struct DecideOnSpot: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide-on-spot",
            abstract: "Summary procedure (简易程序): a warning or small fine decided on the spot; opens a case.")
        @Option(help: "Agency deciding.") var agency: String
        @Option(help: "Officer id (repeatable, two).") var officer: [String] = []
        @Option(help: "Number of the on-the-spot decision form.") var form: String
        @OptionGroup var partyAct: PartyActOptions
        @OptionGroup var penalty: PenaltyOptions
        @OptionGroup var options: WriteOptions
        func run() {
            guarded {
                let party = try partyAct.party(), act = try partyAct.act(), penalty = try penalty.penalty()
                caseCreate(options) {
                    .decideOnSpot(caseId: $0, agency: agency, party: party, act: act, officers: officer,
                                  penalty: penalty, formNumber: form)
                }
            }
        }
    }

    struct ServeDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve-decision", abstract: "Record service of the decision.")
        @Argument var id: String
        @Option(help: "onTheSpot, inPerson, post, publicNotice or electronic.") var method: String
        @Option(help: "Reference of the party's consent (electronic service).") var consent: String?
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) { .serveDecision(method: try parseChoice(method, option: "--method"), consentRef: consent) }
        }
    }

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record publication (公示) of the masked decision.")
        @Argument var id: String
        @Option(help: "Where it is published (URL or reference).") var reference: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .publishDecision(reference: reference) } }
    }

    struct WithholdPublication: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withhold-publication",
            abstract: "Record that the decision is not published at all.")
        @Argument var id: String
        @Option(help: ArgumentHelp("Reason: " + PublicationPolicy.WithholdingReason.allCases.map(\.rawValue).joined(separator: ", ")))
        var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .withholdPublication(reason: try parseChoice(reason, option: "--reason")) } }
    }

    struct RevokeDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-decision",
            abstract: "Record that the decision was changed, revoked or declared void.")
        @Argument var id: String
        @Option(help: "By whom (Chinese), e.g. 乌苏市人民政府（复议决定）.") var by: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .revokeDecision(byZh: by, reasonZh: reason) } }
    }

    struct WithdrawPublication: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw-publication", abstract: "Record that the publication was taken down.")
        @Argument var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .withdrawPublication(reasonZh: reason) } }
    }

    struct ReceivePayment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive-payment", abstract: "Record a payment of the fine.")
        @Argument var id: String
        @Option(help: "Yuan received.") var amount: String
        @Option(help: "bank, ePayment or cashOnSpot.") var channel: String
        @Option(help: "Receipt reference.") var receipt: String
        @OptionGroup var options: WriteOptions
        func run() {
            caseWrite(id, options) {
                .receivePayment(amountYuan: try parseInt(amount, option: "--amount"),
                                channel: try parseChoice(channel, option: "--channel"), receiptRef: receipt)
            }
        }
    }

    struct ServeDemand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve-demand", abstract: "Serve the demand notice (催告书).")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .serveEnforcementDemand } }
    }

    struct ApplyToCourt: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "apply-to-court", abstract: "Apply to the court for enforcement.")
        @Argument var id: String
        @Option(help: "Court (Chinese).") var court: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .applyForCourtEnforcement(courtZh: court) } }
    }

    struct FileOnSpotDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file-on-spot-decision",
            abstract: "File the copy of an on-the-spot decision with the agency.")
        @Argument var id: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .fileOnSpotDecision } }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the case (结案).")
        @Argument var id: String
        @Option(help: "Closure report (Chinese).") var report: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .close(reportZh: report) } }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive the bound case file (归档).")
        @Argument var id: String
        @Option(help: "Archive file reference.") var file: String
        @OptionGroup var options: WriteOptions
        func run() { caseWrite(id, options) { .archive(fileRef: file) } }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case: state, deadlines, next actions.")
        @Argument var id: String
        @OptionGroup var output: FormatOption
        func run() {
            guarded {
                let id = try parseId(id, .case)
                let format = try output.outputFormat()
                withApplication { app in emit(CaseTables.detail(id, try app.load(CaseDecider.self, id: id, kind: .case)), format) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases.")
        @Option(help: "Only this status, e.g. investigating, decided, served, closed.") var status: String?
        @Option(help: "Only cases of this agency.") var agency: String?
        @Option(help: "Only this sector, e.g. blackCar.") var sector: String?
        @OptionGroup var output: FormatOption
        func run() {
            guarded {
                let format = try output.outputFormat()
                let status = try status.map { try parseChoice($0, option: "--status", as: CaseState.Status.self) }
                let sector = try sector.map { try parseChoice($0, option: "--sector", as: Sector.self) }
                withApplication { app in
                    let cases = try app.loadAll(CaseDecider.self, kind: .case).filter { _, state in
                        (status == nil || state.status == status) && (agency == nil || state.agency == agency)
                            && (sector == nil || state.act?.sector == sector)
                    }
                    emit(CaseTables.list(cases), format)
                }
            }
        }
    }

    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count cases by stage.")
        @OptionGroup var output: FormatOption
        func run() {
            guarded {
                let format = try output.outputFormat()
                withApplication { app in emit(CaseTables.pipeline(try app.loadAll(CaseDecider.self, kind: .case).map(\.state)), format) }
            }
        }
    }
}
