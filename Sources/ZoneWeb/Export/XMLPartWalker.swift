import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hands the elements of one XML part of a workbook to closures as `XMLParser` meets them, so each part's reader
/// is a few lines of state instead of a delegate class of its own.
///
/// Names arrive without namespace prefixes (`x:c` and `c` are both "c"): writers differ in the prefixes they
/// choose, and stripping them ourselves behaves the same on Darwin and Linux, whose namespace handling differ.
/// External entities are never resolved (XMLParser's default), so a part cannot make the server read files.
final class XMLPartWalker: NSObject, XMLParserDelegate {
    typealias Start = (_ element: String, _ attributes: [String: String]) throws(XLSXReadError) -> Void
    typealias End = (_ element: String) throws(XLSXReadError) -> Void

    private let start: Start
    private let end: End
    private let text: (String) -> Void
    private var failure: XLSXReadError?
    /// Elements open now, and whether any was seen: a part cut off mid-way leaves some open. Counted here because
    /// Linux's XMLParser (libxml2 in recovery mode) may report such a part as parsed.
    private var depth = 0, sawElement = false, sawError = false

    private init(start: @escaping Start, end: @escaping End, text: @escaping (String) -> Void) {
        (self.start, self.end, self.text) = (start, end, text)
    }

    /// Parses `data`; a closure's error stops the walk and is rethrown, malformed XML throws `.damagedPart(part)`.
    static func walk(
        _ data: Data, part: String, start: @escaping Start, end: @escaping End = { _ in }, text: @escaping (String) -> Void = { _ in }
    ) throws(XLSXReadError) {
        let walker = XMLPartWalker(start: start, end: end, text: text)
        let parser = XMLParser(data: data)
        parser.delegate = walker
        let parsed = parser.parse()
        if let failure = walker.failure { throw failure }
        guard parsed, !walker.sawError, walker.sawElement, walker.depth == 0 else { throw .damagedPart(part) }
    }

    private static func localName(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        sawElement = true
        var local: [String: String] = [:]
        for (key, value) in attributes { local[Self.localName(key)] = value }
        run(parser) { () throws(XLSXReadError) in try start(Self.localName(elementName), local) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        run(parser) { () throws(XLSXReadError) in try end(Self.localName(elementName)) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { sawError = true }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }

    private func run(_ parser: XMLParser, _ body: () throws(XLSXReadError) -> Void) {
        guard failure == nil else { return }
        do { try body() } catch {
            failure = error
            parser.abortParsing()
        }
    }
}
