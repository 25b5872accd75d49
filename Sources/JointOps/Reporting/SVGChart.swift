import Foundation

/// Small, dependency-free SVG bar charts for the annual report (inline in the HTML).
///
/// Every text lies inside the viewBox: widths are estimated from the text's display width (a CJK character
/// is two columns, about one em; a Latin one about 0.6 em), legends wrap onto new lines, and the plot
/// leaves room for the longest value after its bar.
enum SVGChart {
    /// Colours that mean the same in every chart: on time green, late orange, overdue red; neutral otherwise.
    enum Colour: String, Sendable {
        case neutral = "#4e79a7", second = "#76b7b2", third = "#9c755f"
        case onTime = "#59a14f", late = "#f28e2b", overdue = "#e15759", pending = "#bab0ac"
    }

    static let labelFont = 11.0, valueFont = 10.0, legendFont = 11.0, titleFont = 14.0

    /// The width in px `text` takes at `size` px: half an em per display column, plus a little slack.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(DisplayWidth.of(text)) * size * 0.55 + 2
    }

    /// A horizontal bar chart: one group of bars per label, the series side by side.
    static func bars(title: String, labels: [String], series: [(name: String, values: [Double], colour: Colour)],
                     width: Int = 640) -> String {
        let barHeight = 14, gap = 6
        let maximum = max(series.flatMap(\.values).max() ?? 0, 1)
        let labelWidth = Int((labels.map { textWidth($0, size: labelFont) }.max() ?? 0).rounded(.up)) + 8
        let valueWidth = Int((series.flatMap(\.values).map { textWidth(format($0), size: valueFont) }.max() ?? 0).rounded(.up)) + 6
        let plotWidth = Double(max(width - labelWidth - valueWidth, 60))
        let chartWidth = max(width, labelWidth + valueWidth + 60, Int(textWidth(title, size: titleFont).rounded(.up)))
        // Legend entries flow left to right and wrap, each a swatch and its name.
        var legend: [(x: Int, row: Int, name: String, colour: Colour)] = []
        var x = 0, row = 0
        for entry in series {
            let entryWidth = 14 + Int(textWidth(entry.name, size: legendFont).rounded(.up)) + 12
            if x > 0 && x + entryWidth > chartWidth { x = 0; row += 1 }
            legend.append((x, row, entry.name, entry.colour))
            x += entryWidth
        }
        let top = 24 + (row + 1) * 16 + 6
        let groupHeight = barHeight * max(series.count, 1) + gap
        let height = top + groupHeight * max(labels.count, 1) + 10
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(chartWidth)" height="\(height)" viewBox="0 0 \(chartWidth) \(height)" role="img" aria-label="\(escape(title))">
            <title>\(escape(title))</title>
            <text x="2" y="16" font-size="\(format(titleFont))" font-weight="bold">\(escape(title))</text>

            """
        for item in legend {
            let y = 24 + item.row * 16
            svg += "<rect x=\"\(item.x)\" y=\"\(y)\" width=\"10\" height=\"10\" fill=\"\(item.colour.rawValue)\"/>"
            svg += "<text x=\"\(item.x + 14)\" y=\"\(y + 9)\" font-size=\"\(format(legendFont))\">\(escape(item.name))</text>\n"
        }
        for (index, label) in labels.enumerated() {
            let y = top + index * groupHeight
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + barHeight)\" font-size=\"\(format(labelFont))\" text-anchor=\"end\">\(escape(label))</text>\n"
            for (s, entry) in series.enumerated() {
                let value = index < entry.values.count ? entry.values[index] : 0
                let length = Int((value / maximum * plotWidth).rounded())
                let barY = y + s * barHeight
                svg += "<rect x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(max(length, value > 0 ? 1 : 0))\" height=\"\(barHeight - 2)\" fill=\"\(entry.colour.rawValue)\"/>"
                svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(barY + barHeight - 3)\" font-size=\"\(format(valueFont))\">\(format(value))</text>\n"
            }
        }
        return svg + "</svg>"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
