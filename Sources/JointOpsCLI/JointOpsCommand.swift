import ArgumentParser
import Foundation

/// `jointops`: the officers' and operators' command line.
struct JointOpsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jointops",
        abstract: "Coordinate joint enforcement operations and administrative cases (联合执法协调).",
        discussion: """
            Every command is recorded as an event in PostgreSQL. With no DATABASE_URL or PG* settings,
            jointops uses its own local PostgreSQL cluster (see `jointops local status`).
            """,
        version: "0.1.0",
        subcommands: [DatabaseCommand.self, LocalCommand.self, EventsCommand.self,
                      AgencyCommand.self, OfficerCommand.self, CampaignCommand.self, OperationCommandGroup.self,
                      CaseCommandGroup.self, ReviewCommand.self, RectifyCommand.self, ReferralCommandGroup.self,
                      OutreachCommand.self, AuditCommandGroup.self, CounselCommandGroup.self, PetitionCommandGroup.self,
                      CalendarCommand.self, LawCommand.self, ProjectCommand.self, ReportCommand.self,
                      DemoCommand.self, AnalystCommand.self, VerifyCommand.self,
                      ActivityCommand.self, CommitmentCommand.self]
    )
}
