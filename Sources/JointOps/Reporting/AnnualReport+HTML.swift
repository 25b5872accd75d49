import Foundation

extension AnnualReport {
    /// The charts, as inline SVG: labels as people read them, colours that mean the same in every chart.
    public func charts() -> [String] {
        let stages = breakdowns.first { $0.key == "stage" }?.rows ?? []
        return [
            SVGChart.bars(title: "各单位联合执法成果 Joint-operation outcomes by agency",
                          labels: outcomesByAgency.map(\.agency),
                          series: [("案件（本局关联、协作单位立案）Cases", outcomesByAgency.map(\.cases), .neutral),
                                   ("扣押车辆 Vehicles seized", outcomesByAgency.map(\.seized), .second),
                                   ("罚款（千元）Fines (k yuan)", outcomesByAgency.map(\.finesThousands), .third)]),
            SVGChart.bars(title: "每月受理案件 Cases accepted by month",
                          labels: (1...12).map { "\($0) 月 M\($0)" }, series: [("案件 Cases", casesByMonth, .neutral)]),
            SVGChart.bars(title: "案件办理阶段 Cases by stage", labels: stages.map { "\($0.label.zh) \($0.label.en)" },
                          series: [("案件 Cases", stages.map(\.cases), .neutral)]),
            SVGChart.bars(title: "期限执行 Deadlines kept", labels: timeliness.map { "\($0.deadline.zh) \($0.deadline.en)" },
                          series: [("按期 On time", timeliness.map(\.onTime), .onTime),
                                   ("逾期完成 Late", timeliness.map(\.late), .late),
                                   ("逾期未完成 Overdue", timeliness.map(\.overdue), .overdue)]),
        ]
    }

    /// The print stylesheet: A4 pages, a section per page, charts scaled to the page width.
    static let style = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:900px;margin:2em auto}
        table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:3px 8px}
        td.n,th.n{text-align:right}tr.total td{font-weight:bold}figure{margin:1em 0}
        figure svg{max-width:100%;height:auto}p.warning{border:2px solid #e15759;padding:.5em;font-weight:bold}
        @page{size:A4;margin:18mm 15mm}
        @media print{body{max-width:none;margin:0;font-size:10pt}section{break-before:page}
        table,figure{break-inside:avoid}h2,h3{break-after:avoid}}
        """

    /// One self-contained HTML page (no external files): the tables and the charts, a section per printed page.
    public func html() -> String { Self.html(of: blocks, title: title, charts: charts()) }

    /// Blocks as one self-contained page; `.charts` draws `charts`.
    static func html(of blocks: [Block], title: String, charts: [String]) -> String {
        var body = "", open = false
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                if level == 2 { body += (open ? "</section>\n" : "") + "<section>\n"; open = true }
                body += "<h\(level)>\(SVGChart.escape(text))</h\(level)>\n"
            case .bullets(let lines): body += "<ul>" + lines.map { "<li>\(SVGChart.escape($0))</li>" }.joined() + "</ul>\n"
            case .paragraph(let line): body += "<p>\(SVGChart.escape(line))</p>\n"
            case .warning(let line): body += "<p class=\"warning\">\(SVGChart.escape(line))</p>\n"
            case .charts: for chart in charts { body += "<figure>\(chart)</figure>\n" }
            case let .table(header, rows, total, numeric):
                func cells(_ values: [String], tag: String) -> String {
                    values.enumerated().map { index, value in
                        "<\(tag)\(numeric[index] ? " class=\"n\"" : "")>\(SVGChart.escape(value))</\(tag)>"
                    }.joined()
                }
                body += "<table><thead><tr>\(cells(header, tag: "th"))</tr></thead><tbody>\n"
                for row in rows { body += "<tr>\(cells(row, tag: "td"))</tr>\n" }
                if let total { body += "<tr class=\"total\">\(cells(total, tag: "td"))</tr>\n" }
                body += "</tbody></table>\n"
            }
        }
        if open { body += "</section>\n" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(SVGChart.escape(title))</title>
            <style>\(Self.style)</style></head>
            <body>
            \(body)</body></html>

            """
    }
}
