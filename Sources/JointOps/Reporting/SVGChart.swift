import Foundation

/// Small, dependency-free SVG bar charts for the annual report (inline in the HTML).
enum SVGChart {
    /// A horizontal bar chart: one bar per label, grouped series side by side.
    static func bars(title: String, labels: [String], series: [(name: String, values: [Double])],
                     width: Int = 640) -> String {
        let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
        let barHeight = 14, gap = 6, labelWidth = 200, top = 40
        let groupHeight = barHeight * max(series.count, 1) + gap
        let height = top + groupHeight * max(labels.count, 1) + 30
        let maximum = max(series.flatMap(\.values).max() ?? 0, 1)
        let plotWidth = Double(width - labelWidth - 60)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(escape(title))">
            <title>\(escape(title))</title>
            <text x="0" y="16" font-size="14" font-weight="bold">\(escape(title))</text>

            """
        for (s, entry) in series.enumerated() {
            let x = labelWidth + s * 150
            svg += "<rect x=\"\(x)\" y=\"24\" width=\"10\" height=\"10\" fill=\"\(colours[s % colours.count])\"/>"
            svg += "<text x=\"\(x + 14)\" y=\"33\" font-size=\"11\">\(escape(entry.name))</text>\n"
        }
        for (index, label) in labels.enumerated() {
            let y = top + index * groupHeight
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + barHeight)\" font-size=\"11\" text-anchor=\"end\">\(escape(label))</text>\n"
            for (s, entry) in series.enumerated() {
                let value = index < entry.values.count ? entry.values[index] : 0
                let length = Int((value / maximum * plotWidth).rounded())
                let barY = y + s * barHeight
                svg += "<rect x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(max(length, value > 0 ? 1 : 0))\" height=\"\(barHeight - 2)\" fill=\"\(colours[s % colours.count])\"/>"
                svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(barY + barHeight - 3)\" font-size=\"10\">\(format(value))</text>\n"
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
