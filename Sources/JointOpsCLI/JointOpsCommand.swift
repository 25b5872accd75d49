import ArgumentParser
import Foundation

/// `jointops`: the officers' and operators' command line.
struct JointOpsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jointops",
        abstract: "Coordinate joint enforcement operations and administrative cases (联合执法协调).",
        discussion: Help.discussion("""
            Every command is recorded as an event in PostgreSQL. With no DATABASE_URL or PG* settings, \
            jointops uses its own local PostgreSQL cluster (see `jointops local status`). Exit status: 0 done, \
            2 mistyped (see the command's --help), 3 refused by a rule, 4 conflicts with what is recorded, \
            5 database unavailable. Shell completion: `jointops --generate-completion-script bash` (or zsh, fish); \
            `man jointops` once installed with `make install`.
            """, examples: "jointops case receive-lead --agency WSZD --source 投诉 --summary 乌苏市火车站有黑车拉客",
            "jointops case show CASE-2026-0012", "jointops help case file"),
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
