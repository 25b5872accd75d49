import Foundation
import JointOps
import Postgres
import Testing
import TestSupport

/// The reports' JSON Schemas in `schemas/` are made from the views' column types and code lists, and the
/// comments analysts read in psql (`\d+ reporting.x`) stand on their own.
@Suite(.serialized) struct ReportSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The demo database, its views installed (a report's catch-up makes them).
    static func demoWithViews() throws -> Connection {
        try DemoOutput.cli().ok(["report", "agencies"])
        return try DemoOutput.played.get().database.connect()
    }

    /// Each report's schema as the views of a migrated database make it.
    static func schemas(on connection: Connection) throws -> [(file: String, text: String)] {
        try ReportOutputTests.reports.map { name in
            let view = try #require(ReportingViews.view(named: name))
            let types = try ReportQuery.valueTypes(of: name, viewSchema: "reporting", on: connection)
            return (ReportSchema.fileName(name), ReportSchema.document(view, columns: ReportColumn.of(view, types: types)).rendered())
        }
    }

    /// After changing a view, write the schemas afresh with
    /// `JOINTOPS_WRITE_REPORT_SCHEMAS=1 scripts/test.sh --filter ReportSchemaTests` and commit them.
    @Test func theCommittedReportSchemasAreTheOnesTheViewsMake() throws {
        let connection = try Self.demoWithViews()
        let folder = JSONSchemaTests.schemas
        let write = ProcessInfo.processInfo.environment["JOINTOPS_WRITE_REPORT_SCHEMAS"] == "1"
        var stale: [String] = []
        for (file, text) in try Self.schemas(on: connection) {
            let url = folder.appendingPathComponent(file)
            if write { try text.write(to: url, atomically: true, encoding: .utf8) }
            if (try? String(contentsOf: url, encoding: .utf8)) != text { stale.append(file) }
        }
        #expect(stale.isEmpty, "stale or missing: \(stale); write them with JOINTOPS_WRITE_REPORT_SCHEMAS=1")
        // No schema is left for a report that no longer exists (`report annual` and `report plan` have written ones).
        let expected = Set(ReportOutputTests.reports.map(ReportSchema.fileName) + ["report-annual.schema.json", "report-plan.schema.json"])
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("report-") }
        #expect(Set(committed) == expected)
    }

    @Test func aReportsSchemaTypesItsColumnsAndListsItsCodes() throws {
        let text = try String(contentsOf: JSONSchemaTests.schemas.appendingPathComponent("report-case_register.schema.json"),
                              encoding: .utf8)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let items = try #require(schema["items"] as? [String: Any])
        let properties = try #require(items["properties"] as? [String: [String: Any]])
        #expect(properties["fine_yuan"]?["type"] as? [String] == ["integer", "null"])
        #expect(properties["hearing_held"]?["type"] as? [String] == ["boolean", "null"])
        #expect(properties["accepted_on"]?["format"] as? String == "date")
        #expect((properties["sector"]?["enum"] as? [Any])?.contains { $0 as? String == "blackCar" } == true)
        #expect(properties["sector_zh"] != nil && items["additionalProperties"] as? Bool == false)
    }

    @Test func everyCommentAnAnalystReadsIsThereAndNamesNoMissingDocument() throws {
        let connection = try Self.demoWithViews()
        let comments = try connection.execute("""
            SELECT c.relname::text, NULL::text, obj_description(c.oid, 'pg_class')
            FROM pg_catalog.pg_class c WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind = 'v'
            UNION ALL
            SELECT c.relname::text, a.attname::text, col_description(c.oid, a.attnum)
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind = 'v'
            UNION ALL
            SELECT 'schema reporting', NULL, obj_description('reporting'::regnamespace, 'pg_namespace')
            UNION ALL
            SELECT p.proname::text, NULL, d.description
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::regclass
            WHERE p.pronamespace = 'reporting'::regnamespace
            """).rows.map { row in
            (object: try row.string(0) + (try row.optionalString(1).map { ".\($0)" } ?? ""), text: try row.optionalString(2) ?? "")
        }
        #expect(comments.count > 300, "every view and column of the demo database is read")
        let empty = comments.filter { $0.text.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.object)
        #expect(empty.isEmpty, "no comment: \(empty)")
        let missing = comments.flatMap { comment in
            Self.documents(in: comment.text).filter { !Self.existsInRepository($0) }.map { "\(comment.object): \($0)" }
        }
        #expect(missing.isEmpty, "\(missing)")
        // The trap is armed: a pointer to a file the repository lacks is found.
        #expect(Self.documents(in: "statistics (DOMAIN.md §9)").map(Self.existsInRepository) == [false])
        #expect(Self.documents(in: "see README.md").map(Self.existsInRepository) == [true])
    }

    /// File names a comment points to (`DOMAIN.md`, `Schema/migrations/0010_x.sql`).
    static func documents(in text: String) -> [String] {
        text.matches(of: /[A-Za-z0-9_.\/-]*[A-Za-z0-9_]\.(md|sql|swift|txt|html|pdf|docx?|json|csv|ya?ml)\b/).map { String($0.output.0) }
    }

    /// Whether the repository holds `path`, as a path from its root or a file's name anywhere in it.
    static func existsInRepository(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: repository.appendingPathComponent(path).path)
            || fileNames.contains((path as NSString).lastPathComponent)
    }

    /// The names of the repository's files (build products and git's own left out).
    static let fileNames: Set<String> = {
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: repository, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            if file.lastPathComponent.hasPrefix(".build") || file.lastPathComponent == ".git" {
                files?.skipDescendants()
                continue
            }
            names.insert(file.lastPathComponent)
        }
        return names
    }()
}
