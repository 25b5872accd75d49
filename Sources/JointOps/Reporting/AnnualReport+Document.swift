import Enforcement
import Foundation

extension AnnualReport {
    /// One piece of the printed report: Markdown, HTML (and any other format) are rendered from the same blocks,
    /// so they print the same figures.
    public enum Block: Sendable, Equatable {
        case heading(level: Int, text: String)
        /// A table: the header, the rows and, if any, the total row; `numeric` marks right-aligned columns.
        case table(header: [String], rows: [[String]], total: [String]?, numeric: [Bool])
        case bullets([String])
        case paragraph(String)
        case warning(String)
        /// Where the charts go (the HTML draws them; Markdown has none).
        case charts
    }

    /// The whole report as blocks, in print order.
    public var blocks: [Block] {
        var blocks: [Block] = [.heading(level: 1, text: title),
                               .bullets(headerLines.map { "\($0.label.zh) \($0.label.en)：\($0.value)" })]
        if let emptyWarning { blocks.append(.warning("注意 Warning: \(emptyWarning)")) }
        blocks.append(.charts)
        for section in Self.sections {
            blocks.append(.heading(level: 2, text: "\(section.zh) · \(section.en)"))
            let rows = tableMetrics(of: section.key)
            if !rows.isEmpty || section.key == "enforcement" {
                blocks.append(metricTable(rows))
            }
            switch section.key {
            case "enforcement": blocks += breakdowns.flatMap(breakdownBlocks)
            case "timeliness": blocks.append(timelinessTable)
            case "joint_operations": if !jointFigures.isEmpty { blocks.append(jointTable) }
            default: break
            }
        }
        blocks.append(.heading(level: 2, text: "说明 · Notes"))
        blocks.append(.bullets(notes.map { "\($0.zh)。\($0.en)." }
                               + ["数据来源：执法协同系统事件日志（schema `reporting`）。Figures from the JointOps event log."]))
        blocks.append(.paragraph(sealLine))
        return blocks
    }

    static func number(_ value: Double) -> String { SVGChart.format(value) }

    func metricTable(_ rows: [Metric]) -> Block {
        .table(header: ["指标", "Metric", "数值 Value"], rows: rows.map { [$0.zh, $0.en, Self.number($0.value)] }, total: nil,
               numeric: [false, false, true])
    }

    func breakdownBlocks(_ breakdown: Breakdown) -> [Block] {
        [.heading(level: 3, text: "\(breakdown.title.zh) · \(breakdown.title.en)"),
         .table(header: [breakdown.dimension.zh, breakdown.dimension.en, "案件数 Cases"],
                rows: breakdown.rows.map { [$0.label.zh, $0.label.en, Self.number($0.cases)] },
                total: ["合计（受理案件）", "Total (cases accepted)", Self.number(breakdown.total)],
                numeric: [false, false, true])]
    }

    var timelinessTable: Block {
        .table(header: ["比率", "Rate", "按期 On time", "逾期完成 Late", "逾期未完成 Overdue", "未届满 Not yet due",
                        "分子/分母 Num./den.", "按期率 Rate (%)"],
               rows: timeliness.map { t in
                   [t.rateName.zh, t.rateName.en, Self.number(t.onTime), Self.number(t.late), Self.number(t.overdue),
                    Self.number(t.notYetDue), "\(Self.number(t.onTime)) / \(Self.number(t.denominator))",
                    t.rate.map(Self.number) ?? "—"]
               }, total: nil, numeric: [false, false, true, true, true, true, true, true])
    }

    var jointTable: Block {
        let sources = jointSources
        return .table(header: ["指标", "Metric"] + sources.map { "\($0.labelZh) \(Self.outcomeSourceLabel($0).en)" }
                          + ["合计（不重复计）Counted once"],
                      rows: jointFigures.map { figure in
                          [figure.label.zh, figure.label.en] + sources.map { figure.bySource[$0].map(Self.number) ?? "—" }
                              + [figure.combined.map(Self.number) ?? "—"]
                      }, total: nil, numeric: [false, false] + sources.map { _ in true } + [true])
    }

    /// The report as Markdown: one table per section, the notes at the end.
    public func markdown() -> String { Self.markdown(of: blocks) }

    /// Blocks as Markdown (the charts have no Markdown form).
    static func markdown(of blocks: [Block]) -> String {
        var text = ""
        for block in blocks {
            switch block {
            case .heading(let level, let heading): text += String(repeating: "#", count: level) + " \(heading)\n\n"
            case .bullets(let lines): text += lines.map { "- \($0)\n" }.joined() + "\n"
            case .paragraph(let line): text += "\(line)\n\n"
            case .warning(let line): text += "> **\(line)**\n\n"
            case .charts: break
            case let .table(header, rows, total, numeric):
                let cell = { (value: String) in value.replacingOccurrences(of: "|", with: "\\|") }
                text += "| " + header.map(cell).joined(separator: " | ") + " |\n"
                text += "|" + numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
                for row in rows { text += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
                if let total { text += "| " + total.map { $0.isEmpty ? "" : "**\(cell($0))**" }.joined(separator: " | ") + " |\n" }
                text += "\n"
            }
        }
        return text
    }
}
