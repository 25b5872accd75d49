import ArgumentParser
import Enforcement
import Foundation
import JointOps

struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer",
        abstract: "Register officers, their enforcement certificates (执法证) and duties (法制审核人员, 审批负责人, 听证主持人).",
        discussion: Help.discussion(examples: "jointops officer list --agency WSZD", "jointops officer show ZF-01"),
        subcommands: [Register.self, Certify.self, WithdrawCertificate.self, Designate.self, Undesignate.self,
                      Bind.self, Unbind.self, List.self, Show.self]
    )

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an officer of an agency.",
            discussion: Help.discussion(examples: "jointops officer register ZF-14 --name 张三 --agency WSZD --certificate 65020190001",
                                        "jointops officer register ZF-15 --name 李四 --agency WSZD"))
        @Argument(help: "Officer id, e.g. ZF-01.") var id: String
        @Option(help: "Chinese name.") var name: String
        @Option(help: "Code of the officer's agency.") var agency: String
        @Option(help: "Enforcement certificate number; leave out for staff without one.") var certificate: String?
        @OptionGroup var options: WriteOptions

        func run() throws {
            try options.writeRegistry(.registerOfficer(id: id, nameZh: name, agency: agency, certificateNumber: certificate))
        }
    }

    struct Certify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a newly issued enforcement certificate.",
            discussion: Help.discussion("It is valid for acts dated from the day recorded (`--at`) until it is withdrawn.",
                examples: "jointops officer certify ZD-01 --certificate 654202001100 --at 2026-05-01"))
        @Argument(help: .officerId) var id: String
        @Option(help: "Certificate number.") var certificate: String
        @OptionGroup var options: WriteOptions

        func run() throws { try options.writeRegistry(.certifyOfficer(id: id, certificateNumber: certificate)) }
    }

    struct WithdrawCertificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw-certificate", abstract: "Record that an officer's certificate was withdrawn or expired.",
            discussion: Help.discussion("Acts dated before the withdrawal day (`--at`) stand; acts dated that day or later are refused.",
                examples: "jointops officer withdraw-certificate ZF-01 --reason 调离执法岗位 --at 2026-06-30"))
        @Argument(help: .officerId) var id: String
        @Option(help: "Why (Chinese).") var reason: String
        @OptionGroup var options: WriteOptions

        func run() throws { try options.writeRegistry(.withdrawCertificate(id: id, reasonZh: reason)) }
    }

    struct Bind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bind a login to an officer: what the login records is recorded as that officer's.",
            discussion: Help.discussion("""
                Run by the cluster's owner (or, on a server, a login with CREATEROLE). --os-user makes the OS user's \
                own database role on the local cluster (peer authentication), a member of jointops_writer; --login \
                does the same for a server login. A login acts for one officer.
                """, examples: "jointops officer bind ZF-01 --os-user zhangsan", "jointops officer bind ZF-02 --login lisi"))
        @Argument(help: "Officer id, e.g. ZF-01.") var officer: String
        @Option(name: .customLong("os-user"), help: "The officer's OS user (local cluster).") var osUser: String?
        @Option(help: "The officer's database login (server).") var login: String?
        @OptionGroup var options: WriteOptions

        func validate() throws {
            guard (osUser == nil) != (login == nil) else {
                throw ValidationError("give exactly one of --os-user NAME or --login ROLE")
            }
        }

        func run() throws {
            try options.write(RegistryDecider.self) { handler, request in
                guard try handler.application.registry().officers[officer] != nil else { throw Rejection.unknownOfficer(officer) }
                let name = try Database().prepareOfficerLogin(osUser: osUser, login: login)
                return try handler.handle(.bindLogin(officer: officer, login: name), on: StreamKind.registryStream,
                                          mustExist: false, request: request)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List officers with their certificates and duties.",
            discussion: Help.discussion(examples: "jointops officer list", "jointops officer list --agency WSZD --format csv"))
        @Option(help: "Only officers of this agency.") var agency: String?
        @OptionGroup var output: FormatOption

        func run() throws {
            let registry = try connectedApplication().registry()
            try checkAgencyFilter(agency, in: registry)
            let officers = registry.officers.values
                .filter { agency == nil || $0.agencyCode == agency }
                .sorted { $0.id < $1.id }
            let logins = Dictionary(grouping: registry.logins, by: \.value).mapValues { $0.map(\.key).sorted() }
            try emit(Table(["id", "name", "agency", "certificate", "certified", "duties", "logins"], rows: officers.map {
                [$0.id, $0.nameZh, $0.agencyCode, $0.certificateNumber ?? "", String($0.certified),
                 registry.designations(of: $0.id).map(OfficerText.duty).joined(separator: "; "),
                 (logins[$0.id] ?? []).joined(separator: " ")]
            }, kinds: [.text, .text, .text, .text, .boolean, .text, .text]), output)
        }
    }
}
