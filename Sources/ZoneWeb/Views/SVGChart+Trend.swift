/// A line chart of a few series over ordered periods (years), server-rendered like the bars: every
/// point is a link to the rows behind it and carries its own title for screen readers.
extension SVGChart {
    struct Point {
        let label: String
        let value: Int64
        var href: String?
    }

    struct Series {
        let name: String
        let points: [Point]
    }

    static func trend(title: String, _ series: [Series]) -> HTML {
        let width = 640, height = 280, left = 44, right = 20, top = 36, bottom = 36
        let labels = series.first?.points.map(\.label) ?? []
        let largest = max(series.flatMap { $0.points.map(\.value) }.max() ?? 0, 1)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Int { left + (labels.count <= 1 ? plotW / 2 : i * plotW / (labels.count - 1)) }
        func y(_ v: Int64) -> Int { top + plotH - Int(Int64(plotH) * v / largest) }
        return HTML.tag("figure", ["class": "chart"]) {
            HTML.tag("figcaption") { title }
            HTML.tag("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(width) \(height)", "width": "\(width)", "height": "\(height)",
                             "role": "img", "aria-label": title]) {
                HTML.tag("title") { title }
                HTML.tag("line", ["class": "axis", "x1": "\(left)", "y1": "\(top + plotH)", "x2": "\(left + plotW)", "y2": "\(top + plotH)"])
                HTML.tag("text", ["x": "\(left - 6)", "y": "\(top + 4)", "text-anchor": "end", "class": "label"]) { String(largest) }
                HTML.tag("text", ["x": "\(left - 6)", "y": "\(top + plotH + 4)", "text-anchor": "end", "class": "label"]) { "0" }
                for (i, label) in labels.enumerated() {
                    HTML.tag("text", ["x": "\(x(i))", "y": "\(height - 12)", "text-anchor": "middle", "class": "label"]) { label }
                }
                for (s, line) in series.enumerated() {
                    let path = line.points.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(x(i)) \(y(p.value))" }.joined(separator: " ")
                    HTML.tag("path", ["class": "series s\(s % 6)", "d": path])
                    for (i, point) in line.points.enumerated() {
                        let dot = HTML.tag("g") {
                            HTML.tag("title") { "\(line.name) \(point.label)：\(point.value)" }
                            HTML.tag("circle", ["class": "dot s\(s % 6)", "cx": "\(x(i))", "cy": "\(y(point.value))", "r": "5"])
                            HTML.tag("text", ["x": "\(x(i))", "y": "\(y(point.value) - 9)", "text-anchor": "middle", "class": "value"]) { String(point.value) }
                        }
                        if let href = point.href { HTML.tag("a", ["href": href]) { dot } } else { dot }
                    }
                    HTML.tag("g", ["class": "legend"]) {
                        HTML.tag("rect", ["class": "dot s\(s % 6)", "x": "\(left + s * 90)", "y": "8", "width": "14", "height": "10"])
                        HTML.tag("text", ["x": "\(left + s * 90 + 20)", "y": "17"]) { line.name }
                    }
                }
            }
        }
    }
}
