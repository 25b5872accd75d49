import ArgumentParser
import Enforcement
import JointOps
@testable import JointOpsCLI
import Testing

/// Every next step a message can name is spelled as a `jointops` command line that the real parser accepts,
/// and the messages read as they always did.
@Suite struct NextStepSpellingTests {
    static let sampleIds: [NextStep.Record: String] = [
        .operation: "OP-2023-0007", .case: "CASE-2023-0123", .rectification: "RECT-2023-0004", .referral: "REF-2023-0002",
    ]
    static let steps = UserStep.all { sampleIds[$0]! }

    @Test func theSampleCoversEveryKindOfStep() {
        #expect(Self.steps.count == 16 + NextStep.Record.allCases.count + CaseAction.allCases.count + StreamKind.all.count + 4
            + Sector.allCases.count + 1)
    }

    @Test(arguments: steps)
    func everyStepNamesACommandTheParserKnows(step: UserStep) throws {
        for line in StepSpelling.commandLines(step) {
            // It reaches that very subcommand, not a parent that happens to take an argument (the options and their
            // placeholders are `everyStepIsACompleteCommandThatParses`'s).
            let usage = Self.usage(of: Array(line.prefix { !$0.hasPrefix("--") }))
            #expect(usage?.contains(" \(line[1])") == true, "jointops \(line.joined(separator: " ")): \(usage ?? "no usage")")
        }
    }

    /// Try-out 5, defect 13: a suggestion carries every option its command requires, so it parses as it stands but
    /// for its placeholders; only a choice option's placeholder (`--kind KIND`) may be refused, as the user picks one.
    @Test(arguments: steps)
    func everyStepIsACompleteCommandThatParses(step: UserStep) throws {
        for line in StepSpelling.commandLines(step) {
            let placeholders = line.filter { $0.wholeMatch(of: #/[A-Z][A-Z0-9.-]*(\.csv)?/#) != nil }
            do { _ = try JointOpsCommand.parseAsRoot(line) } catch {
                let message = JointOpsCommand.message(for: error)
                #expect(!message.hasPrefix("Missing") && placeholders.contains { message.contains($0) },
                        "jointops \(line.joined(separator: " ")): \(message)")
            }
        }
    }

    @Test(arguments: steps)
    func everyStepReadsAsBackquotedCommands(step: UserStep) {
        let text = StepSpelling.text(step)
        #expect(text.hasPrefix("`jointops ") && text.hasSuffix("`"), "\(text)")
        #expect(!text.contains("\n"))
    }

    /// The USAGE line of the subcommand a command line reaches: `--help` parses as ArgumentParser's help
    /// command, which ends by throwing the help text.
    static func usage(of line: [String]) -> String? {
        do {
            var help = try JointOpsCommand.parseAsRoot(line + ["--help"])
            try help.run()
            return nil
        } catch {
            return JointOpsCommand.fullMessage(for: error).split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map(String.init)
        }
    }

    static func shown(_ error: Error) -> String { UserFacingError(translating: error, rendering: StepSpelling.text).message }

    @Test func rejectionsReadAsTheyDidWithTheCommandSpelledOut() {
        #expect(Self.shown(Rejection.legalReviewRequired(caseId: "CASE-2023-0007", reasons: [.fineAtOrAboveThreshold]))
            == "case CASE-2023-0007 needs a passed legal review before this decision (fine at or above threshold; APL 58): "
            + "request one with `jointops case request-review CASE-2023-0007`")
        #expect(Self.shown(Rejection.notFound(aggregate: "case", next: .openCase))
            == "no such case: start it with `jointops case receive-lead --agency AGENCY --source SOURCE --summary TEXT`, "
            + "`file` or `decide-on-spot`")
        #expect(Self.shown(Rejection.notFound(aggregate: "operation", next: .planOperation))
            == "no such operation: plan it first with "
            + "`jointops operation plan --title TEXT --lead AGENCY --from YYYY-MM-DD --to YYYY-MM-DD`")
        #expect(Self.shown(Rejection.unknownAgency("乌苏某局"))
            == "no agency has the code 乌苏某局: register it with `jointops agency register CODE --name NAME --kind KIND` "
            + "or correct the code")
        #expect(Self.shown(Rejection.notAllowedNow(aggregate: "referral", id: "REF-2023-0002", status: "accepted",
                                                   command: .referral(.accept)))
            == "referral REF-2023-0002 is accepted, so `accept` is not possible now: "
            + "see what can come next with `jointops referral show REF-2023-0002`")
        #expect(Self.shown(Rejection.notAllowedNow(aggregate: "operation", id: "OP-2023-0007", status: "drafted",
                                                   command: .operation(.recordSession)))
            == "operation OP-2023-0007 is drafted, so `record-session` is not possible now: "
            + "see what can come next with `jointops operation show OP-2023-0007`")
        #expect(Self.shown(Rejection.agencyAlreadyInvited("WSJJ"))
            == "WSJJ has already been invited: record its answer with `jointops operation join OPERATION-ID AGENCY`")
        #expect(Self.shown(CalendarError.yearNotLoaded(year: 2026, jurisdiction: .xinjiang))
            == "no working-day calendar is loaded for 2026 (xinjiang); "
            + "import the official notice with `jointops calendar import FILE.csv`")
        #expect(Self.shown(LawError.unknownBasis(id: "RTR-99")) == "unknown legal basis `RTR-99`; list the catalogue with `jointops law list`")
        #expect(Self.shown(LawError.basisNotForSector(cited: "RTR-68-2023", sector: .blackCar, fitting: ["RTR-63"]))
            == "RTR-68-2023 does not apply to blackCar (非法营运（黑车）) cases; articles that fit: RTR-63; "
            + "see `jointops law list --sector blackCar`")
    }

    @Test func applicationErrorsSpellTheirStepsTheSameWay() {
        #expect(Self.shown(ApplicationError.notFound("RECT-2023-0042", kind: .rectification))
            == "no rectification item RECT-2023-0042 exists: check the id with `jointops rectify list`")
        #expect(Self.shown(ApplicationError.malformedId("OP-2023-0001", kind: .case))
            == "`OP-2023-0001` is not a case id: case ids look like CASE-2023-0007; list them with `jointops case list`")
    }

    @Test func nextActionsAreTheVerbsOfJointopsCase() {
        let verbs = CaseAction.allCases.map(StepSpelling.verb)
        #expect(Set(verbs).count == CaseAction.allCases.count)
        #expect(StepSpelling.verb(.requestLegalReview) == "request-review")
        #expect(StepSpelling.verb(.withholdPublication) == "withhold-publication")
        #expect(StepSpelling.verb(.file) == "file")
        let state = CaseDecider.initialState
        #expect(state.nextActions.map(StepSpelling.verb) == ["receive-lead", "file", "decide-on-spot"])
    }

    static let actions: [DomainAction] = CaseAction.allCases.map(DomainAction.case)
        + OperationAction.allCases.map(DomainAction.operation)
        + RectificationAction.allCases.map(DomainAction.rectification)
        + ReferralAction.allCases.map(DomainAction.referral)

    /// A rejection names the action it refused by its verb: that verb must be a real subcommand of its group.
    @Test(arguments: actions)
    func everyActionIsAVerbTheParserKnows(action: DomainAction) throws {
        let line = StepSpelling.commandLine(action)
        let usage = Self.usage(of: line)
        #expect(usage?.contains(" \(line[0]) \(line[1])") == true, "jointops \(line.joined(separator: " ")): \(usage ?? "no usage")")
        #expect(StepSpelling.text(.action(action)) == "`\(line[1])`")
    }

    @Test func everyActionHasItsOwnVerb() {
        #expect(Set(Self.actions.map(StepSpelling.commandLine)).count == Self.actions.count)
    }
}
