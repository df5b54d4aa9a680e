/// Server-rendered bar charts (SPEC §F: charts as SVG, no JS library). Each bar can link to the
/// rows behind it; labels are text, so Chinese renders with the page's fonts and screen readers
/// read the chart through its title and the bars' titles.
enum SVGChart {
    struct Bar {
        let label: String
        let value: Int64
        /// What the bar end shows, e.g. "¥12,345.00" or "23人".
        let valueText: String
        var href: String?
        /// CSS class of the bar: "" (blue), "ok", "warn", "bad".
        var kind = ""
    }

    static let labelWidth = 170
    static let barArea = 380
    static let rowHeight = 26

    /// Labels longer than the label column are cut with "…"; the bar's title keeps the full text.
    static func shortened(_ label: String) -> String {
        label.count <= 12 ? label : String(label.prefix(11)) + "…"
    }

    /// Horizontal bars scaled to the largest value.
    static func bars(title: String, _ bars: [Bar]) -> HTML {
        let width = labelWidth + barArea + 120
        let height = max(bars.count, 1) * rowHeight + 8
        let largest = max(bars.map(\.value).max() ?? 0, 1)
        return HTML.tag("figure", ["class": "chart"]) {
            HTML.tag("figcaption") { title }
            HTML.tag("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(width) \(height)", "width": "\(width)", "height": "\(height)",
                             "role": "img", "aria-label": title]) {
                HTML.tag("title") { title }
                for (index, bar) in bars.enumerated() {
                    let y = 4 + index * rowHeight
                    let length = bar.value <= 0 ? 0 : max(2, Int(Int64(barArea) * bar.value / largest))
                    let row = HTML.tag("g", ["class": "bar " + bar.kind]) {
                        HTML.tag("title") { "\(bar.label)：\(bar.valueText)" }
                        HTML.tag("text", ["x": "\(labelWidth - 8)", "y": "\(y + 17)", "text-anchor": "end", "class": "label"]) { shortened(bar.label) }
                        HTML.tag("rect", ["x": "\(labelWidth)", "y": "\(y + 4)", "width": "\(length)", "height": "\(rowHeight - 8)", "rx": "2"])
                        HTML.tag("text", ["x": "\(labelWidth + length + 6)", "y": "\(y + 17)", "class": "value"]) { bar.valueText }
                    }
                    if let href = bar.href { HTML.tag("a", ["href": href]) { row } } else { row }
                }
            }
        }
    }
}
