import ArgumentParser
import Enforcement
import Foundation
import JointOps
import JointOpsDemo

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play the bureau's year (operations, cases, supervision, outreach) into an empty database.",
        discussion: Help.discussion("""
            Everything goes through the command handlers, as officers would enter it, so the rules are applied.
            The same --seed gives the same events. Ends with the operations board, the case pipeline and the year's
            figures as `jointops report annual --year Y` shows them. Plays any year whose national holiday notice is
            loaded and whose legal bases are in force (2023, 2024 and 2025 as shipped); refuses any other before
            writing anything.
            """, examples: "jointops demo", "jointops demo --year 2024 --seed 7 --format json > demo-2024.json")
    )

    @Option(help: "Seed of the generator: the same seed plays the same year.") var seed: UInt64 = 2023
    @Option(parsing: .unconditional, help: "The year to play: its national holiday notice must be loaded (2023–2025 are shipped).")
    var year: Int = 2023
    @OptionGroup var output: FormatOption

    func validate() throws {
        if year < 0 { throw ValidationError("--year `\(year)` must be 0 or more, e.g. --year 2023") }
    }

    func run() throws {
        let format = output.format
        let database = Database()
        let app = try database.application(clock: Demo.clock(seed: seed))
        // Progress goes to a terminal only; piped output stays clean.
        let onTerminal = isatty(STDERR_FILENO) == 1
        let progress: ((String) -> Void)? = onTerminal ? { line in
            FileHandle.standardError.write(Data("\r\u{1B}[K… \(line)".utf8))
        } : nil
        let summary = try Demo(seed: seed, year: year).run(on: app, progress: progress)
        if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        // The cases linked and returned are read as `op list` reads them, from the projections caught up.
        let board = OperationTables.board(try app.loadAll(OperationDecider.self, kind: .operation),
                                          cases: try OperationOutcomes.cases(database: database))
        let pipeline = CaseTables.pipeline(try app.loadAll(CaseDecider.self, kind: .case).map(\.state))
        let figures = Table(["metric", "metric_zh", "value"], rows: summary.figures.map { [$0.metric, $0.labelZh, String($0.value)] },
                            kinds: [.code, .text, .integer])
        switch format {
        case .json:
            // One document: programs read the three tables and the totals under their names.
            print(JSONValue.object([("operations", board.jsonValue), ("pipeline", pipeline.jsonValue),
                                    ("figures", figures.jsonValue), ("totals", totals(summary))]).rendered(), terminator: "")
            return
        case .csv:
            // CSV has no sections: the figures, which hold the year's totals, are the document.
            return emit(figures, format)
        case .table:
            break
        }
        print("Operations board (联合执法行动)")
        emit(board, format)
        print("\nCase pipeline (案件办理阶段)")
        emit(pipeline, format)
        print("\nFigures of \(year) (as `jointops report annual --year \(year)` shows them)")
        emit(figures, format)
        print("""

            \(summary.operations) joint operations, \(summary.cases) cases (\(summary.blackCarCases) 黑车), \
            \(summary.published) decisions published, \(summary.rectificationItems) rectification items \
            with \(summary.opinions) opinions, \(summary.leaflets) leaflets, \(summary.referrals) referrals; \
            \(summary.events) events
            """)
    }

    func totals(_ summary: Demo.Summary) -> JSONValue {
        .object([("operations", .integer(summary.operations)), ("cases", .integer(summary.cases)),
                 ("black_car_cases", .integer(summary.blackCarCases)), ("published", .integer(summary.published)),
                 ("rectification_items", .integer(summary.rectificationItems)), ("opinions", .integer(summary.opinions)),
                 ("leaflets", .integer(summary.leaflets)), ("referrals", .integer(summary.referrals)),
                 ("events", .integer(Int(summary.events)))])
    }
}

// The demo sits above JointOps, so it presents its own refusal: the database is not empty (a conflict).
extension DemoError: UserFacingConvertible {
    public func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        switch self {
        case .databaseNotEmpty(let events):
            UserFacingError("the database already holds \(events) events and the demo needs an empty one: run it on a "
                            + "throw-away cluster (\(render(.startThrowawayDatabase(dataDir: "/tmp/jointops-demo")))) "
                            + "with DATABASE_URL pointing there", status: .conflict)
        case .calendarMissing, .legalBasisMissing:
            UserFacingError(description, status: .ruleRefused)
        }
    }
}
