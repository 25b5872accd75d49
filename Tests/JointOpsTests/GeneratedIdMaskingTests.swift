import EventStore
import Foundation
@testable import JointOps
import Postgres
import Testing
import TestSupport

/// Issue 14, point 4: the views leave the ids the application allocates (`ReportingViews.generatedIdColumns`)
/// out of the masking, so a page ordered by them follows the tables' indexes. That is only right if masking
/// could never change such an id: these tests hold the forms against `reporting.masked_text` itself.
@Suite struct GeneratedIdMaskingTests {
    @Test func maskingLeavesEveryOperationIdTheApplicationCanAllocateAsItIs() throws {
        let connection = try ReportPagingTests.demoConnection()
        func masked(_ text: String) throws -> String {
            try connection.execute("SELECT reporting.masked_text($1)", [text])[0].get(0)
        }
        #expect(ReportingViews.generatedIdColumns == ["operation_id"])
        // Four-digit years, numbers from the first to the ten-billionth of a year.
        for year in [1000, 2023, 9999] {
            for number in [1, 7, 9_999, 10_000, 1_380_013_800, 9_999_999_999] {
                let id = StreamKind.operation.id(year: year, number: number)
                #expect(try masked(id) == id)
            }
        }
        // The bound is real: eleven digits shaped like a mobile number would be masked; no year has that many
        // operations, and no act can link to an operation that was never planned (`OperationLinkTests`).
        #expect(try masked("OP-2023-13800138000") == "OP-2023-138****8000")
    }

    @Test func everyOperationIdAViewShowsIsAnOperationOfTheBoardLeftUnmaskedAndAgenciesStayMasked() throws {
        let connection = try ReportPagingTests.demoConnection()
        let board = Set(try connection.execute("SELECT operation_id FROM reporting.operations_board").rows
            .map { try $0.get(0, as: String.self) })
        #expect(board.count > 10 && board.allSatisfy { StreamKind.operation.normalise($0) == $0 }, "\(board)")
        let views = ReportingViews.all.filter { $0.columns.contains { $0.name == "operation_id" } }.map(\.name)
        #expect(views.count >= 4, "\(views)")
        for view in views {
            let ids = Set(try connection.execute("SELECT DISTINCT operation_id FROM reporting.\(view) WHERE operation_id IS NOT NULL")
                .rows.map { try $0.get(0, as: String.self) })
            #expect(!ids.isEmpty && ids.isSubset(of: board), "\(view): \(ids.subtracting(board))")
            let definition: String = try connection.execute(
                "SELECT pg_get_viewdef($1::text::regclass)", ["reporting.\(view)"])[0].get(0)
            #expect(!definition.contains("masked_text(unmasked.operation_id)"), "\(view)")
            if view.hasPrefix("operation_outcomes") || view == "operations_board" {
                #expect(definition.contains("masked_text(unmasked.\(view == "operations_board" ? "lead_agency" : "agency"))"), "\(view)")
            }
        }
    }
}
