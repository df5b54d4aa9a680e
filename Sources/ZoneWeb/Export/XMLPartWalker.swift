import Foundation

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
/// Names arrive without namespace prefixes (`x:c` and `c` are both "c"), since writers choose prefixes freely.
enum XMLPartWalker {
    typealias Start = (_ element: String, _ attributes: [String: String]) throws(XLSXReadError) -> Void
    typealias End = (_ element: String) throws(XLSXReadError) -> Void

    /// Walks `data`; a closure's error is rethrown, XML that is not well-formed throws `.damagedPart(part)`.
    static func walk(
        _ data: Data, part: String, start: Start, end: End = { _ in }, text: (String) -> Void = { _ in }
    ) throws(XLSXReadError) {
        let bytes = [UInt8](data)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var open: [String] = []
        var sawRoot = false
        func damaged() -> XLSXReadError { .damagedPart(part) }
        func find(_ needle: [UInt8], from position: Int) -> Int? {
            guard let first = needle.first, bytes.count >= needle.count else { return nil }
            var i = position
            while i <= bytes.count - needle.count {
                if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let stop = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                let raw = String(decoding: bytes[index..<stop], as: UTF8.self)
                if open.isEmpty {
                    // Only whitespace may stand outside the root element.
                    guard raw.allSatisfy(\.isWhitespace) else { throw damaged() }
                } else {
                    guard let decoded = unescape(raw) else { throw damaged() }
                    text(decoded)
                }
                index = stop
                continue
            }
            let rest = bytes[index...]
            if rest.starts(with: Array("<?".utf8)) {
                guard let close = find(Array("?>".utf8), from: index) else { throw damaged() }
                index = close + 2
            } else if rest.starts(with: Array("<!--".utf8)) {
                guard let close = find(Array("-->".utf8), from: index) else { throw damaged() }
                index = close + 3
            } else if rest.starts(with: Array("<![CDATA[".utf8)) {
                guard !open.isEmpty, let close = find(Array("]]>".utf8), from: index) else { throw damaged() }
                text(String(decoding: bytes[(index + 9)..<close], as: UTF8.self))
                index = close + 3
            } else if rest.starts(with: Array("<!".utf8)) {
                throw damaged()  // DOCTYPE and other declarations: never needed by a workbook
            } else {
                guard let close = tagEnd(bytes, from: index + 1) else { throw damaged() }
                let inner = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                index = close + 1
                if inner.hasPrefix("/") {
                    let name = inner.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
                    guard open.popLast() == name else { throw damaged() }
                    try end(localName(name))
                    continue
                }
                let selfClosing = inner.hasSuffix("/")
                guard let (name, attributes) = parseTag(selfClosing ? String(inner.dropLast()) : inner),
                      open.isEmpty ? !sawRoot : true else { throw damaged() }
                sawRoot = true
                try start(localName(name), attributes)
                if selfClosing { try end(localName(name)) } else { open.append(name) }
            }
        }
        guard sawRoot, open.isEmpty else { throw damaged() }
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
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
            i += 1
        }
        return nil
    }

    /// `name a="1" b='2'` → the name and the attributes with prefixes dropped, or nil when malformed.
    private static func parseTag(_ inner: String) -> (String, [String: String])? {
        var scanner = Substring(inner)
        func skipSpace() { scanner = scanner.drop { $0.isWhitespace } }
        let name = scanner.prefix { !$0.isWhitespace }
        guard !name.isEmpty, !name.contains("=") else { return nil }
        scanner = scanner.dropFirst(name.count)
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard !scanner.isEmpty else { break }
            let key = scanner.prefix { $0 != "=" && !$0.isWhitespace }
            scanner = scanner.dropFirst(key.count)
            skipSpace()
            guard !key.isEmpty, scanner.first == "=" else { return nil }
            scanner = scanner.dropFirst()
            skipSpace()
            guard let quote = scanner.first, quote == "\"" || quote == "'" else { return nil }
            scanner = scanner.dropFirst()
            guard let close = scanner.firstIndex(of: quote), let value = unescape(String(scanner[..<close])) else { return nil }
            attributes[localName(String(key))] = value
            scanner = scanner[scanner.index(after: close)...]
        }
        return (String(name), attributes)
    }

    private static func localName(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// Text with its references resolved: the five predefined entities and `&#N;` / `&#xH;`; nil for any other.
    static func unescape(_ text: String) -> String? {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { return nil }
            let reference = rest[rest.index(after: amp)..<semicolon]
            switch reference {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                guard reference.hasPrefix("#") else { return nil }
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value) else { return nil }
                out.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
