/// A fragment of HTML whose text and attribute values are already escaped.
///
/// Plot (DESIGN's first choice) does not escape attribute values, and form fields echo user input
/// into `value="…"`; this small builder escapes everything it is given, so a view cannot forget.
///
/// ```swift
/// let row = HTML.tag("td", ["class": "num"]) { "\(count)" }
/// ```
public struct HTML: Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public let rendered: String

    init(rendered: String) { self.rendered = rendered }

    public init(stringLiteral text: String) { rendered = HTML.escape(text) }

    public init(stringInterpolation: DefaultStringInterpolation) {
        rendered = HTML.escape(String(stringInterpolation: stringInterpolation))
    }

    static let empty = HTML(rendered: "")

    /// Trusted markup from this module's own constants (the stylesheet, icons); never user input.
    static func trusted(_ markup: String) -> HTML { HTML(rendered: markup) }

    static func text(_ text: String) -> HTML { HTML(rendered: escape(text)) }

    static func tag(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:],
                    @HTMLBuilder _ children: () -> [HTML] = { [] }) -> HTML {
        var out = "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            out += " " + key + "=\"" + escape(value) + "\""
        }
        out += ">"
        if voidElements.contains(name) { return HTML(rendered: out) }
        for child in children() { out += child.rendered }
        return HTML(rendered: out + "</" + name + ">")
    }

    /// Two fragments side by side.
    static func + (a: HTML, b: HTML) -> HTML { HTML(rendered: a.rendered + b.rendered) }

    static let voidElements: Set<String> = ["input", "br", "meta", "link", "hr", "img"]

    /// Escapes on Unicode scalars, not `Character`s: `"` followed by a combining mark (U+0301) is one grapheme that
    /// is not equal to `"`, yet the browser still reads the quote and ends the attribute there.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

@resultBuilder
enum HTMLBuilder {
    static func buildBlock(_ parts: [HTML]...) -> [HTML] { parts.flatMap { $0 } }
    static func buildExpression(_ html: HTML) -> [HTML] { [html] }
    static func buildExpression(_ text: String) -> [HTML] { [HTML.text(text)] }
    static func buildExpression(_ list: [HTML]) -> [HTML] { list }
    static func buildOptional(_ part: [HTML]?) -> [HTML] { part ?? [] }
    static func buildEither(first: [HTML]) -> [HTML] { first }
    static func buildEither(second: [HTML]) -> [HTML] { second }
    static func buildArray(_ parts: [[HTML]]) -> [HTML] { parts.flatMap { $0 } }
}
