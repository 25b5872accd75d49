import Enforcement
import Foundation

extension AnnualReport {
    /// The metrics the report's section tables print, in order.
    public var printedMetrics: [Metric] { Self.sections.flatMap { tableMetrics(of: $0.key) } }

    /// The report as one typed JSON document (`report annual --format json`, schemas/report-annual.schema.json):
    /// the figures the Markdown prints, codes beside their labels, numbers as numbers.
    public func json() -> JSONValue {
        func number(_ value: Double) -> JSONValue {
            value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
        }
        func label(_ label: Label) -> [(String, JSONValue)] { [("label_zh", .string(label.zh)), ("label_en", .string(label.en))] }
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "Asia/Shanghai")
        iso.formatOptions = [.withInternetDateTime]
        return .object([
            ("year", .integer(year)), ("bureau", .optional(bureau)),
            ("period", .object([("from", .string(String(format: "%04d-01-01", year))),
                                ("to", .string(String(format: "%04d-12-31", year)))])),
            ("generated_at", .string(iso.string(from: generatedAt))), ("as_of", .optional(asOf.map(iso.string))),
            ("warning", .optional(emptyWarning)),
            ("metrics", .array(printedMetrics.map { m in
                .object([("section", .string(m.section)), ("metric", .string(m.key)), ("label_zh", .string(m.zh)),
                         ("label_en", .string(m.en)), ("value", number(m.value))])
            })),
            ("breakdowns", .array(breakdowns.map { b in
                .object([("breakdown", .string(b.key))] + label(b.title) + [("total", number(b.total)),
                    ("rows", .array(b.rows.map { row in
                        .object([("code", .optional(row.code))] + label(row.label) + [("cases", number(row.cases))])
                    }))])
            })),
            ("timeliness", .array(timeliness.map { t in
                .object([("kind", .string(t.kind.rawValue))] + label(t.rateName) + [
                    ("on_time", number(t.onTime)), ("late", number(t.late)), ("overdue", number(t.overdue)),
                    ("not_yet_due", number(t.notYetDue)), ("numerator", number(t.onTime)),
                    ("denominator", number(t.denominator)), ("rate_pct", t.rate.map { .number($0) } ?? .null)])
            })),
            ("joint_operations", .array(jointFigures.map { figure in
                .object([("metric", .string(figure.key))] + label(figure.label) + [
                    ("by_source", .array(OutcomeSource.allCases.compactMap { source in
                        figure.bySource[source].map { value in
                            .object([("source", .string(source.rawValue)), ("source_zh", .string(source.labelZh)),
                                     ("value", number(value))])
                        }
                    })), ("counted_once", figure.combined.map(number) ?? .null)])
            })),
            ("notes", .array(notes.map { .object([("zh", .string($0.zh)), ("en", .string($0.en))]) })),
            ("seal", .string(sealLine)),
        ])
    }
}
