/// Markup shared by the parts of an .xlsx package.
enum SpreadsheetML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Text made safe for XML content and double-quoted attributes.
    ///
    /// Characters that XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) are
    /// dropped: no escape can carry them, and a single one makes Excel reject the whole file.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscaping($0) || !isXMLCharacter($0) }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `escape(_:)` for cell text, which Excel additionally reads `_xHHHH_` sequences out of (ECMA-376 ST_Xstring):
    /// a literal "_x0041_" would show as "A" unless its underscore is itself written as `_x005F_`.
    static func escapeCellText(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.utf8.contains(UInt8(ascii: "_")), escaped.contains("_x") else { return escaped }
        return escaped.replacing(/_(?=x[0-9A-Fa-f]{4}_)/, with: "_x005F_")
    }

    /// The reverse of `escapeCellText` for text read from a file: `_xHHHH_` is the UTF-16 unit HHHH, which is how
    /// Excel stores control characters (a tab is `_x0009_`). Units that do not form a character are left as written.
    static func unescapeCellText(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        return text.replacing(/_x([0-9A-Fa-f]{4})_/) { match in
            UInt32(match.output.1, radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? String(match.output.0)
        }
    }

    /// Cell text from a part's UTF-8, `_xHHHH_` sequences read as `unescapeCellText` does. Most cells have no
    /// underscore at all, and for them the pattern is not even looked for.
    static func cellText(utf8: [UInt8]) -> String {
        let text = String(decoding: utf8, as: UTF8.self)
        return utf8.contains(UInt8(ascii: "_")) ? unescapeCellText(text) : text
    }

    /// The zero-based column index of a cell reference's letters ("C7" → 2), or nil past Excel's XFD.
    static func columnIndex(ofReference reference: String) -> Int? {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            guard index <= 16_384 else { return nil }
        }
        return index > 0 ? index - 1 : nil
    }

    /// Excel's column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA, 16383 → XFD.
    /// Bijective base 26 — there is no zero digit, which is why a plain radix conversion gets AA wrong.
    static func columnName(_ index: Int) -> String {
        var remaining = index + 1
        var letters: [Unicode.Scalar] = []
        while remaining > 0 {
            remaining -= 1
            letters.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remaining % 26)))
            remaining /= 26
        }
        var name = ""
        name.unicodeScalars.append(contentsOf: letters.reversed())
        return name
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "&" || scalar == "<" || scalar == ">" || scalar == "\""
    }

    /// XML 1.0's `Char` production.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
