import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// Wave 5 defects 14 and 10: text that shows other than it is stored is refused before anything is
/// written, and logins get only what their owner meant them to.
@Suite struct InputEncodingTests {
    @Test(arguments: ["\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}"])
    func aBidirectionalOverrideIsRefusedLikeAControlCharacter(_ override: String) throws {
        try TestDatabase.with { database in
            let cli = CLIRunner(database: database)
            let refused = try cli.run(["agency", "register", "WSZD", "--name", "乌苏市\(override)大队", "--kind", "transport"])
            #expect(refused.status == 2)
            #expect(refused.errorLines.count == 1)
            let code = String(format: "U+%04X", override.unicodeScalars.first!.value)
            #expect(refused.stderr.contains("holds the control character \(code)"), "\(refused.stderr)")
            #expect(try HandlerFixtures.eventCount(database.connect()) == 0)
        }
        #expect(ControlCharacters.escaped("a\u{202E}b") == "a\\u{202E}b")
    }

    @Test func anArgumentThatIsNotUTF8IsRefusedNotStoredAsAReplacementCharacter() throws {
        try TestDatabase.with { database in
            // Through a shell: a Swift String cannot hold the byte 0xFF.
            let result = try ProcessRunner.run("/bin/sh", ["-c", "exec \"$0\" agency register WSZD --name \"$(printf '\\377')\" --kind transport",
                                                           CLIRunner.binary.path],
                                               environment: ["DATABASE_URL": database.conninfo, "JOINTOPS_DATA_DIR": "/nonexistent",
                                                             "PATH": "/usr/bin:/bin"])
            #expect(result.status == 2)
            #expect(result.output == "jointops: argument 5 is not UTF-8 text: retype it (or set the terminal to UTF-8)\n", "\(result.output)")
            #expect(try HandlerFixtures.eventCount(database.connect()) == 0)
        }
    }

    @Test func anOfficersLoginEndsAnIdleTransactionAsAnAnalystsDoes() throws {
        let login = OfficerBindingTests.freshLogin()
        defer { OfficerBindingTests.dropRole(login) }
        try TestDatabase.with(on: RoleLogins.cluster) { database in
            try CLIEndToEndTests.registry(CLIRunner(database: database))
            try CLIRunner(database: database).ok(["officer", "bind", "ZF-02", "--login", login])
            let settings = try database.connect().execute("SELECT array_to_string(rolconfig, ',') FROM pg_roles WHERE rolname = $1", [login])
            #expect(try settings[0].get(0, as: String.self).contains("idle_in_transaction_session_timeout=1min"))
        }
    }

    @Test func addingAnAnalystAgainDoesNotLetTheCallerInAsThem() throws {
        _ = try LocalOfficerLoginTests.cluster.server()
        let cluster = try #require(LocalOfficerLoginTests.cluster.localCluster)
        let name = "an_again_\(UUID().uuidString.prefix(6).lowercased())"
        let owner = ["JOINTOPS_DATA_DIR": cluster.root.path]
        func mappings() throws -> [String] {
            try String(contentsOf: cluster.dataDirectory.appendingPathComponent("pg_ident.conf"), encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { $0.hasSuffix(" \(name)") }
        }
        let first = try DeploymentTests().run(DeploymentTests.binary, ["analyst", "add", name, "--os-user", "nobody"], environment: owner)
        #expect(first.status == 0, "\(first.output)")
        #expect(try mappings() == ["jointops nobody \(name)"])
        let again = try DeploymentTests().run(DeploymentTests.binary, ["analyst", "add", name], environment: owner)
        #expect(again.status == 0, "\(again.output)")
        #expect(try mappings() == ["jointops nobody \(name)"], "the caller was not mapped to \(name)")
    }
}
