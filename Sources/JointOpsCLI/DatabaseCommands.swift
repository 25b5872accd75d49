import ArgumentParser
import Foundation
import JointOps

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Migrate and inspect the database schema.",
        discussion: Help.discussion(examples: "jointops db status", "DATABASE_URL=postgres://jointops@db.wusu.local/jointops jointops db migrate"),
        subcommands: [Migrate.self, Status.self]
    )

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply the migrations of Schema/ that are not applied yet.",
            discussion: Help.discussion(examples:
                "jointops db migrate"))

        func run() throws {
            let database = Database()
            let applied = try database.migrate()
            if applied.isEmpty {
                print("database is up to date (\(database.description))")
            } else {
                applied.forEach { print("applied \($0)") }
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List applied and pending migrations.",
            discussion: Help.discussion(examples:
                "jointops db status"))

        func run() throws {
            for status in try Database().migrations() {
                let state = status.appliedAt.map { "applied \(ShanghaiTime.iso($0))" } ?? "pending"
                print("\(status.name)  \(state)")
            }
        }
    }
}

struct LocalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Manage the embedded local PostgreSQL cluster (Unix socket only).",
        discussion: Help.discussion(examples: "jointops local start", "jointops local status --data-dir /srv/jointops"),
        subcommands: [Start.self, Stop.self, Status.self, ReplicaCommand.self]
    )

    struct Location: ParsableArguments {
        @Option(name: .customLong("data-dir"), help: "Cluster folder (default: $JOINTOPS_DATA_DIR, /var/lib/jointops for root, else ~/.local/share/jointops).")
        var dataDirectory: String?

        @Flag(help: "Throw-away cluster for tests: fsync and synchronous_commit off.")
        var throwaway = false

        var cluster: LocalCluster {
            var cluster = LocalCluster(root: dataDirectory.map { URL(fileURLWithPath: $0) } ?? LocalCluster.defaultRoot())
            if throwaway { cluster.settings = ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"] }
            return cluster
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create (first time) and start the local cluster, then migrate it.",
            discussion: Help.discussion(examples:
                "jointops local start",
                "jointops local start --data-dir /srv/jointops --group jointops"))
        @OptionGroup var location: Location
        @Option(help: "Let this OS group's members reach the socket (officers and analysts bound to their OS users); remembered.")
        var group: String?

        func run() throws {
            let cluster = location.cluster
            if let group { try cluster.chooseAccessGroup(group) }
            let started = try cluster.startAndMigrate()
            print(started ? "started" : "already running", "— connect with:", cluster.conninfo())
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the local cluster.",
            discussion: Help.discussion(examples:
                "jointops local stop"))
        @OptionGroup var location: Location

        func run() throws {
            print(Self.said(try location.cluster.stop(), folder: location.cluster.root.path, creates: "jointops local start"))
        }

        /// What `stop` found, in one line: a stop of nothing running says so rather than "stopped".
        static func said(_ found: LocalCluster.Status, folder: String, creates: String) -> String {
            switch found {
            case .running: "stopped"
            case .stopped, .crashed: "already stopped (\(folder)); nothing to do"
            case .notInitialised: "nothing to stop: none was created here (\(folder)); `\(creates)` creates and starts it"
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the local cluster runs and where it is.",
            discussion: Help.discussion(examples:
                "jointops local status"))
        @OptionGroup var location: Location

        func run() throws {
            let cluster = location.cluster
            let start = StepSpelling.text(.startLocalDatabase)
            switch try cluster.status() {
            case .notInitialised: print("not created yet (\(cluster.root.path)); run \(start)")
            case .stopped: print("stopped (\(cluster.root.path)); run \(start)")
            case .crashed(let pid):
                print("not running, and not shut down cleanly: its server\(pid.map { " (pid \($0))" } ?? "") was killed or crashed "
                      + "(\(cluster.root.path)); \(start), or any command, starts it and PostgreSQL recovers "
                      + "every committed write from its log")
            case .running(let pid): print("running, pid \(pid) — \(cluster.conninfo())")
            }
        }
    }
}
