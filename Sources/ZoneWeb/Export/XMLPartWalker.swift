/// Hands the elements of one XML part of a workbook to closures as it meets them, so each part's reader is a few
/// lines of state instead of a parser of its own.
///
/// A small tokenizer of its own rather than Foundation's XMLParser: on Linux, XMLParser (libxml2 underneath)
/// crashed the process now and then when damaged workbooks were read beside other work (`ImportFuzzTests`), and an
/// upload must never take the server down. The parts of a workbook use a small corner of XML — elements,
/// attributes, text, character and the five predefined entity references, CDATA, comments and processing
/// instructions — and that is what this reads. A DOCTYPE is refused (no entity definitions, so no "billion
/// laughs"), as is anything not well-formed: unclosed or mismatched tags, bad references, text outside the root.
///
/// It works on the part's UTF-8 bytes and makes no `String` or dictionary per element: a 100,000-row worksheet is
/// some five million elements and texts, and a `String` per name and attribute was most of an import's time.
/// Names, attributes and text reach the closures as views of the bytes, decoded only when asked for:
///
///     try XMLPartWalker.walk(bytes, part: "xl/workbook.xml") { tag throws(XLSXReadError) in
///         if case "sheet" = tag.name { names.append(tag["name"] ?? "") }
///     }
///
/// Names arrive without namespace prefixes (`x:c` and `c` are both "c"), since writers choose prefixes freely.
enum XMLPartWalker {
    typealias Start = (_ tag: XMLTag) throws(XLSXReadError) -> Void
    typealias End = (_ name: XMLName) throws(XLSXReadError) -> Void
    /// A run of character data as UTF-8, references resolved; one text may come in several runs (around CDATA).
    typealias Text = (_ utf8: ArraySlice<UInt8>) throws(XLSXReadError) -> Void

    /// Walks `bytes`; a closure's error is rethrown, XML that is not well-formed throws `.damagedPart(part)`.
    static func walk(
        _ bytes: [UInt8], part: String, start: Start, end: End = { _ in }, text: Text = { _ in }
    ) throws(XLSXReadError) {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var open: [Range<Int>] = []  // the qualified names of the open elements
        var attributes: [XMLTag.Attribute] = []  // reused from tag to tag
        var decoded: [UInt8] = []  // text with its references resolved, reused likewise
        var sawRoot = false
        func damaged() -> XLSXReadError { .damagedPart(part) }
        while index < bytes.count {
            guard bytes[index] == .lessThan else {
                let stop = bytes[index...].firstIndex(of: .lessThan) ?? bytes.count
                if open.isEmpty {
                    // Only whitespace may stand outside the root element.
                    guard bytes[index..<stop].allSatisfy(isSpace) else { throw damaged() }
                } else {
                    guard let run = unescape(bytes[index..<stop], into: &decoded) else { throw damaged() }
                    try text(run)
                }
                index = stop
                continue
            }
            // Most markup is a start or end tag: the byte after `<` tells them from the rest without a comparison.
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "?") {
                guard let close = bytes.firstIndex(of: Array("?>".utf8), from: index + 2) else { throw damaged() }
                index = close + 2
            } else if next == UInt8(ascii: "!"), matches("<!--", in: bytes, at: index) {
                guard let close = bytes.firstIndex(of: Array("-->".utf8), from: index + 4) else { throw damaged() }
                index = close + 3
            } else if next == UInt8(ascii: "!"), matches("<![CDATA[", in: bytes, at: index) {
                guard !open.isEmpty, let close = bytes.firstIndex(of: Array("]]>".utf8), from: index + 9) else { throw damaged() }
                try text(bytes[(index + 9)..<close])
                index = close + 3
            } else if next == UInt8(ascii: "!") {
                throw damaged()  // DOCTYPE and other declarations: never needed by a workbook
            } else if next == UInt8(ascii: "/") {
                guard let close = tagEnd(bytes, from: index + 2) else { throw damaged() }
                let name = trimmingSpace(bytes, (index + 2)..<close)
                guard let opened = open.popLast(), equal(bytes, opened, name) else { throw damaged() }
                try end(XMLName(bytes: bytes, range: localName(bytes, name)))
                index = close + 1
            } else {
                guard let close = tagEnd(bytes, from: index + 1) else { throw damaged() }
                let selfClosing = bytes[close - 1] == UInt8(ascii: "/") && close - 1 > index
                guard let name = parseTag(bytes, (index + 1)..<(selfClosing ? close - 1 : close), into: &attributes, scratch: &decoded),
                      open.isEmpty ? !sawRoot : true else { throw damaged() }
                sawRoot = true
                let localName = XMLName(bytes: bytes, range: localName(bytes, name))
                try start(XMLTag(name: localName, bytes: bytes, attributes: attributes))
                if selfClosing { try end(localName) } else { open.append(name) }
                index = close + 1
            }
        }
        guard sawRoot, open.isEmpty else { throw damaged() }
    }

    /// XML's `S` production: space, tab, line feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func matches(_ literal: StaticString, in bytes: [UInt8], at position: Int) -> Bool {
        position + literal.utf8CodeUnitCount <= bytes.count && equal(bytes, position..<(position + literal.utf8CodeUnitCount), literal)
    }

    /// Whether `range` of `bytes` holds the literal. A plain loop: the generic `elementsEqual` across a slice and a
    /// buffer was a tenth of a worksheet's reading time.
    static func equal(_ bytes: [UInt8], _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { literal in
            for offset in 0..<literal.count where bytes[range.lowerBound + offset] != literal[offset] { return false }
            return true
        }
    }

    /// Whether two ranges of `bytes` hold the same bytes.
    private static func equal(_ bytes: [UInt8], _ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        for offset in 0..<first.count where bytes[first.lowerBound + offset] != bytes[second.lowerBound + offset] { return false }
        return true
    }

    /// The index of the `>` ending a tag that starts at `position`, skipping any `>` inside quoted attribute values.
    private static func tagEnd(_ bytes: [UInt8], from position: Int) -> Int? {
        var quote: UInt8?
        var i = position
        while i < bytes.count {
            let byte = bytes[i]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return i
            } else if byte == .lessThan {
                return nil
            }
            i += 1
        }
        return nil
    }

    private static func trimmingSpace(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var (lower, upper) = (range.lowerBound, range.upperBound)
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// `name a="1" b='2'` → the range of the name, with the attributes (prefixes dropped) put into `attributes`;
    /// nil when malformed, including an attribute value with a bad reference.
    private static func parseTag(
        _ bytes: [UInt8], _ inner: Range<Int>, into attributes: inout [XMLTag.Attribute], scratch: inout [UInt8]
    ) -> Range<Int>? {
        attributes.removeAll(keepingCapacity: true)
        var i = inner.lowerBound
        func skipSpace() { while i < inner.upperBound, isSpace(bytes[i]) { i += 1 } }
        while i < inner.upperBound, !isSpace(bytes[i]) { i += 1 }
        let name = inner.lowerBound..<i
        guard !name.isEmpty, !bytes[name].contains(.equals) else { return nil }
        while true {
            skipSpace()
            guard i < inner.upperBound else { break }
            let keyStart = i
            while i < inner.upperBound, bytes[i] != .equals, !isSpace(bytes[i]) { i += 1 }
            let key = keyStart..<i
            skipSpace()
            guard !key.isEmpty, i < inner.upperBound, bytes[i] == .equals else { return nil }
            i += 1
            skipSpace()
            guard i < inner.upperBound, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            i += 1
            guard let close = bytes[i..<inner.upperBound].firstIndex(of: quote) else { return nil }
            let value = i..<close
            guard unescape(bytes[value], into: &scratch) != nil else { return nil }
            attributes.append(XMLTag.Attribute(name: localName(bytes, key), value: value))
            i = close + 1
        }
        return name
    }

    private static func localName(_ bytes: [UInt8], _ name: Range<Int>) -> Range<Int> {
        guard let colon = bytes[name].lastIndex(of: UInt8(ascii: ":")) else { return name }
        return (colon + 1)..<name.upperBound
    }

    /// Text with its references resolved: the five predefined entities and `&#N;` / `&#xH;`; nil for any other.
    /// Text without references comes back as it is; text with them is decoded into `scratch`.
    static func unescape(_ text: ArraySlice<UInt8>, into scratch: inout [UInt8]) -> ArraySlice<UInt8>? {
        guard var amp = text.firstIndex(of: .ampersand) else { return text }
        scratch.removeAll(keepingCapacity: true)
        var rest = text
        while true {
            scratch.append(contentsOf: rest[..<amp])
            guard let semicolon = rest[amp...].firstIndex(of: UInt8(ascii: ";")) else { return nil }
            guard let scalar = referencedScalar(rest[(amp + 1)..<semicolon]) else { return nil }
            scratch.append(contentsOf: String(scalar).utf8)
            rest = rest[(semicolon + 1)...]
            guard let next = rest.firstIndex(of: .ampersand) else { break }
            amp = next
        }
        scratch.append(contentsOf: rest)
        return scratch[...]
    }

    /// The character a reference (between `&` and `;`) stands for.
    private static func referencedScalar(_ reference: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: reference, as: UTF8.self) {
        case "lt": "<"
        case "gt": ">"
        case "amp": "&"
        case "quot": "\""
        case "apos": "'"
        case let numeric:
            numeric.hasPrefix("#") ? characterReference(numeric.dropFirst()) : nil
        }
    }

    /// `65` or `x41` (after the `#`): only digits, no sign, and a Unicode scalar (no surrogates).
    private static func characterReference(_ digits: Substring) -> Unicode.Scalar? {
        let hex = digits.hasPrefix("x") || digits.hasPrefix("X")
        let number = hex ? digits.dropFirst() : digits
        guard !number.isEmpty, number.allSatisfy(hex ? \.isHexDigit : { $0.isASCII && $0.isNumber }),
              let value = UInt32(number, radix: hex ? 16 : 10) else { return nil }
        return Unicode.Scalar(value)
    }
}

/// An element's local name, as bytes of the part; matched against literals in `switch` statements.
struct XMLName {
    fileprivate let bytes: [UInt8]
    fileprivate let range: Range<Int>

    var string: String { String(decoding: bytes[range], as: UTF8.self) }

    static func ~= (pattern: StaticString, name: XMLName) -> Bool {
        XMLPartWalker.equal(name.bytes, name.range, pattern)
    }
}

/// A start tag: its local name and its attributes, decoded only when one is asked for.
struct XMLTag {
    struct Attribute {
        /// The local name (`r:id` is "id").
        let name: Range<Int>
        /// The raw value between the quotes, references not yet resolved.
        let value: Range<Int>
    }

    let name: XMLName
    fileprivate let bytes: [UInt8]
    fileprivate let attributes: [Attribute]

    /// The value of the attribute with this local name, references resolved.
    subscript(_ name: StaticString) -> String? {
        value(of: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The attribute's value as a decimal integer, as `Int(_:)` reads it (a sign, digits, nothing else), or nil.
    func integer(_ name: StaticString) -> Int? {
        guard var digits = value(of: name) else { return nil }
        // Up to 18 characters cannot overflow; longer ones are left to Int(_:) to judge.
        guard digits.count <= 18 else { return Int(String(decoding: digits, as: UTF8.self)) }
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var number = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            number = number * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return negative ? -number : number
    }

    /// The value's bytes, references resolved.
    private func value(of name: StaticString) -> ArraySlice<UInt8>? {
        guard let attribute = attributes.first(where: { XMLPartWalker.equal(bytes, $0.name, name) }) else { return nil }
        var scratch: [UInt8] = []
        return XMLPartWalker.unescape(bytes[attribute.value], into: &scratch)
    }
}

extension UInt8 {
    fileprivate static let lessThan = UInt8(ascii: "<")
    fileprivate static let ampersand = UInt8(ascii: "&")
    fileprivate static let equals = UInt8(ascii: "=")
}
