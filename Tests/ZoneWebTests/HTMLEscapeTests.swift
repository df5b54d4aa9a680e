import Foundation
import PropertyBased
import Testing
@testable import ZoneWeb

/// Output encoding: whatever text a view is given, no `"`, `<`, `>`, `&` or `'` reaches the page unescaped — in
/// particular not one that a combining mark, a ZWJ or a non-BMP neighbour has folded into a larger grapheme.
@Suite("HTML escaping")
struct HTMLEscapeTests {
    /// Pieces that fold into graphemes with their neighbours, plus arbitrary scalars of every plane.
    static let tricky = ["\"", "<", ">", "&", "'", "\u{301}", "\u{338}", "\u{200D}", "\u{FE0F}", "\u{20DD}", "e", "中", "👨‍👩‍👧", "🏳️‍🌈",
                         "𠀀", "\u{1F3FB}", "\r\n", " ", "&amp;", "&#39;"]
    static let pieces = Gen<String>.oneOf(Gen<String?>.element(of: tricky).map { $0 ?? "" },
                                          Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}").map { String(Character($0)) },
                                          Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}").map { String(Character($0)) })
    static let texts = pieces.array(of: 0...24).map { $0.joined() }

    static let special: Set<Unicode.Scalar> = ["\"", "<", ">", "&", "'"]

    @Test func noSpecialScalarSurvivesInAnAttributeOrATextNode() async {
        await propertyCheck(count: 2_000, input: Self.texts) { text in
            let attribute = HTML.tag("input", ["value": text]).rendered
            let value = attribute.dropFirst(#"<input value=""#.count).dropLast(#"">"#.count)
            #expect(Self.isEscaped(value), "attribute of \(Array(text.unicodeScalars))")
            let node = HTML.tag("p") { text }.rendered
            #expect(Self.isEscaped(node.dropFirst(3).dropLast(4)), "text of \(Array(text.unicodeScalars))")
            // Nothing is lost: undoing the five entities gives back the same scalars.
            #expect(Self.unescape(HTML.escape(text)).unicodeScalars.elementsEqual(text.unicodeScalars))
        }
    }

    /// The reported case: a quote followed by U+0301 is one `Character`, and used to pass through as it was.
    @Test func aQuoteWithACombiningMarkIsEscaped() {
        #expect(HTML.escape("\"\u{301} onfocus=alert(1) x=\"") == "&quot;\u{301} onfocus=alert(1) x=&quot;")
        #expect(HTML.escape("<\u{338}script>") == "&lt;\u{338}script&gt;")
    }

    /// Every special scalar is one of the five, every `&` starts one of the five entities.
    static func isEscaped(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where special.contains(scalar) {
            guard scalar == "&" else { return false }
            // Compared as scalars: `String.hasPrefix` would see ";" and a following U+1F3FB as one Character.
            guard ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains(where: { scalars[index...].starts(with: $0.unicodeScalars) }) else { return false }
        }
        return true
    }

    static func unescape(_ text: String) -> String {
        var out = String.UnicodeScalarView(), scalars = Array(text.unicodeScalars), index = 0
        let entities: [(String, Unicode.Scalar)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
        while index < scalars.count {
            if scalars[index] == "&", let (entity, scalar) = entities.first(where: { scalars[index...].starts(with: $0.0.unicodeScalars) }) {
                out.append(scalar)
                index += entity.unicodeScalars.count
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }
}
