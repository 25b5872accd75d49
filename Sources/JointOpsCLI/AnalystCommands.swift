import ArgumentParser
import Foundation
import JointOps

/// `jointops analyst add NAME`: a read-only login for a person who queries schema `reporting`.
struct AnalystCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyst",
        abstract: "Give analysts read-only logins to schema `reporting`.",
        discussion: Help.discussion(examples: "jointops analyst add li_analyst --os-user lisi"),
        subcommands: [Add.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a login in jointops_analyst and print how to connect with it.",
            discussion: Help.discussion("""
                On the local cluster the login is peer-mapped to an OS user (--os-user, default: you). On a \
                server give --password-stdin to read its password from standard input, or map an OS user to \
                it in the server's pg_ident.conf. The login may SELECT on schema reporting only, with \
                statement and idle-in-transaction timeouts and no temporary tables.
                """, examples: "jointops analyst add li_analyst --os-user lisi",
                "jointops analyst add wang_analyst --password-stdin < password.txt")
        )

        @Argument(help: "The login's name: lower-case letters, digits and _, e.g. li_analyst.") var name: String
        @Option(name: .customLong("os-user"), help: "The OS user allowed to log in as it (peer authentication).")
        var osUser: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the login's password from standard input (servers only).")
        var passwordFromStandardInput = false

        func validate() throws {
            guard name.range(of: #"^[a-z_][a-z0-9_]{0,62}$"#, options: .regularExpression) != nil else {
                throw ValidationError("`\(name)` is not a login name: use lower-case letters, digits and _, e.g. li_analyst")
            }
            guard !name.hasPrefix("pg_"), !name.hasPrefix("jointops_"), name != "postgres" else {
                throw ValidationError("`\(name)` is reserved: choose a name not starting with pg_ or jointops_")
            }
            if passwordFromStandardInput && osUser != nil {
                throw ValidationError("give either --os-user or --password-stdin, not both")
            }
        }

        func run() throws {
            var password: String?
            if passwordFromStandardInput {
                password = readLine(strippingNewline: true) ?? ""
                guard password?.isEmpty == false else {
                    throw UserFacingError.usage("--password-stdin read no password: pipe one in, e.g. `… --password-stdin < file`")
                }
            }
            let login = try Database().addAnalyst(name, osUser: osUser, password: password)
            print("analyst login \(login.name) is ready: SELECT on schema reporting only")
            print("connect with:  psql \"\(login.conninfo)\"")
            print("reports:       DATABASE_URL=\"\(login.conninfo)\" jointops report annual --year \(Self.reportYear())")
            if let user = login.osUser {
                let mapping = login.socketOnly ? "" : "; map it to \(login.name) in the server's pg_ident.conf"
                print("logs in as:    OS user \(user) (peer authentication\(mapping))")
            }
            if login.socketOnly {
                print("ODBC/BI tools: the local cluster has no TCP port; point them at a server or its streaming replica")
            } else {
                print("ODBC/BI tools: use the same host, port, database and login (read-only; best on the streaming replica)")
            }
        }
    }
}
