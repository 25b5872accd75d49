import Foundation
import Testing
import TestSupport

/// Try-out findings on the demo year: the board `jointops demo` prints shows the cases linked and returned as
/// `op list` does right afterwards (not zeros), and the officers and agencies the help examples name are the
/// demo's, so an example copied into a shell after `jointops demo` finds them.
@Suite struct DemoBoardAndExampleTests {
    /// The rows of a JSON document: the array itself, or the array under `key`.
    static func rows(_ json: String, under key: String? = nil) throws -> [[String: Any]] {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let array = key.map { (document as? [String: Any])?[$0] } ?? document
        return try #require(array as? [[String: Any]], "no rows\(key.map { " under \($0)" } ?? "") in \(json.prefix(300))")
    }

    /// `operation id → [cases linked, cases returned]`.
    static func caseFigures(_ rows: [[String: Any]]) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: rows.map { row in
            (row["id"] as? String ?? "?", [row["cases linked"] as? Int ?? -1, row["cases returned"] as? Int ?? -1])
        })
    }

    @Test func theDemosPrintedBoardShowsTheCasesLinkedAndReturnedAsOpListDoes() throws {
        let printed = Self.caseFigures(try Self.rows(try DemoOutput.played.get().demoJSON, under: "operations"))
        let listed = Self.caseFigures(try Self.rows(try DemoOutput.cli().ok(["op", "list", "--format", "json"]).stdout))
        #expect(printed.count == 18)
        #expect(printed == listed)
        #expect(printed.values.filter { $0[0] > 0 }.count >= 10, "cases linked: \(printed)")
        #expect(printed.values.filter { $0[1] > 0 }.count >= 10, "cases returned: \(printed)")
    }

    /// Options whose value is an agency code.
    static let agencyOptions: Set<String> = ["--agency", "--lead", "--to", "--from", "--police", "--audited", "--partner"]

    /// The officer ids (`ZF-01`) and agency codes an example names, as (what, id).
    static func named(in example: String) -> [(what: String, id: String)] {
        let words = HelpTreeTests.words(example)
        var named: [(what: String, id: String)] = []
        for (index, word) in words.enumerated() {
            if word.wholeMatch(of: #/[A-Z]{2}-[0-9]+/#) != nil { named.append(("officer", word)) }
            // --from and --to take dates too (`op plan --from 2026-03-01`).
            if index > 0, agencyOptions.contains(words[index - 1]), word.first?.isLetter == true {
                named.append(("agency", word))
            }
            if index > 0, words[index - 1] == "--tally", let code = word.split(separator: ":").first {
                named.append(("agency", String(code)))
            }
        }
        return named
    }

    @Test func everyOfficerAndAgencyAHelpExampleNamesIsInTheDemoRegistry() throws {
        let cli = try DemoOutput.cli()
        let officers = Set(try Self.rows(try cli.ok(["officer", "list", "--format", "json"]).stdout).compactMap { $0["id"] as? String })
        let agencies = Set(try Self.rows(try cli.ok(["agency", "list", "--format", "json"]).stdout).compactMap { $0["code"] as? String })
        #expect(officers.contains("ZD-01") && agencies.contains("WSZD"), "\(officers) \(agencies)")
        var checked = 0
        for command in HelpTreeTests.commands {
            // Registering shows a new id, which the demo must not have.
            if ["officer register", "agency register"].contains(where: { command.description.hasSuffix($0) }) { continue }
            for example in command.examples {
                for (what, id) in Self.named(in: example) {
                    checked += 1
                    #expect((what == "officer" ? officers : agencies).contains(id),
                            "`\(example)` in `\(command) --help` names \(what) \(id), which the demo does not have")
                }
            }
        }
        #expect(checked > 40)
    }
}
