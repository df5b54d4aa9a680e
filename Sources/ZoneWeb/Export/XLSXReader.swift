import Foundation
import ZIPFoundation

/// Reads the cells of one worksheet of an .xlsx file as text, for imports.
///
///     let reader = try XLSXReader(data: upload)
///     let rows = try reader.rows()              // the first sheet; rows(sheet: "人员") picks one by name
///
/// Each cell comes back as the text the clerk sees in Excel: shared and inline strings as written; numbers as
/// Excel's General format shows them (up to 15 significant digits, so 13800138000 stays 13800138000); numbers
/// whose cell format is a date as yyyy-MM-dd, and those formatted as a percentage as one (0.125 as 12.5%); booleans
/// as TRUE/FALSE.
///
/// Formula cells give their cached result — the value Excel last computed and displayed — never the formula:
/// a column of `=B2*2` imports as the numbers on screen, and nothing a sheet says is ever evaluated. A formula
/// saved without a result (written by a script and never opened in Excel) is refused, not read as blank.
///
/// Limits keep a hostile upload from exhausting memory: each part unpacks to at most `maxPartBytes` and all parts
/// together to `maxWorkbookBytes`; a part past 1 MB may not unpack to more than `maxInflateRatio` times its packed
/// size (a real sheet packs 5–20×; a zip bomb of one repeated cell packs 200×, and 314 KB of it used to cost
/// 200 MB); a sheet holds at most `maxCells` cells, blanks padded to the left counted too; a cell holds at most
/// Excel's 32,767 characters, and cells right of column `maxColumns` are ignored — no import has that many.
/// With these, one accepted upload costs at most roughly 250 MB while it is read (an estimate from the caps: 20 MB
/// file, 80 MB of XML, 2 million cells; `bench --case xlsx-read`, a 100,000-row people sheet, peaks at 185 MB RSS
/// including writing it), and `UploadSlots` bounds how many are read at once.
public struct XLSXReader {
    public static let maxPartBytes = 64 << 20
    public static let maxWorkbookBytes = 80 << 20
    static let maxInflateRatio: UInt64 = 100
    /// 100,000 people × 20 columns.
    public static let maxCells = 2_000_000
    static let maxColumns = 256

    /// Sheet names in tab order.
    public let sheetNames: [String]
    private let sheetPaths: [String]
    private let archive: Archive
    private let relationships: [(type: String, path: String)]
    private let uses1904Dates: Bool
    /// Bytes the parts read so far may still unpack to, shared by every part of this one workbook.
    private let budget: InflateBudget

    public init(data: Data) throws(XLSXReadError) {
        archive = try Self.open(data)
        let budget = InflateBudget(Self.maxWorkbookBytes)
        // The package relationships name the workbook part; Excel writes xl/workbook.xml, others may not.
        let packageLinks = try Self.relationships(in: archive, at: "_rels/.rels", base: "", budget: budget)
        guard let workbookPath = packageLinks.first(where: { $0.type.hasSuffix("/officeDocument") })?.path,
              let workbook = try Self.part(workbookPath, in: archive, budget: budget)
        else { throw .notAWorkbook }
        // xl/workbook.xml's relationships are in xl/_rels/workbook.xml.rels.
        var components = workbookPath.split(separator: "/").map(String.init)
        let fileName = components.removeLast()
        let directory = components.joined(separator: "/")
        let links = try Self.relationships(in: archive, at: (components + ["_rels", fileName + ".rels"]).joined(separator: "/"), base: directory,
                                           budget: budget)

        var names: [String] = [], ids: [String] = [], date1904 = false
        try XMLPartWalker.walk(workbook, part: workbookPath) { tag throws(XLSXReadError) in
            switch tag.name {
            case "sheet":
                names.append(tag["name"] ?? "")
                ids.append(tag["id"] ?? "")
            case "workbookPr":
                date1904 = ["1", "true"].contains(tag["date1904"] ?? "")
            default: break
            }
        }
        let linkByID = Dictionary(links.map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        var paths: [String] = []
        for id in ids {
            guard let path = linkByID[id] else { throw .damagedPart(workbookPath) }
            paths.append(path)
        }
        guard !names.isEmpty else { throw .notAWorkbook }
        sheetNames = names
        sheetPaths = paths
        relationships = links.map { ($0.type, $0.path) }
        uses1904Dates = date1904
        self.budget = budget
    }

    /// The non-blank rows of the first sheet, or of the sheet named `sheet` (compared without case, as Excel
    /// does), each with its row number so errors can name the row the clerk sees.
    public func rows(sheet: String? = nil) throws(XLSXReadError) -> [(line: Int, cells: [String])] {
        var index = 0
        if let sheet {
            guard let found = sheetNames.firstIndex(where: { $0.lowercased() == sheet.lowercased() }) else {
                throw .noSuchSheet(sheet, available: sheetNames)
            }
            index = found
        }
        guard let worksheet = try Self.part(sheetPaths[index], in: archive, budget: budget) else { throw .damagedPart(sheetPaths[index]) }
        let strings = try sharedStrings()
        let styles = try numberStyles()
        var parser = XLSXWorksheetParser(strings: strings, dateStyles: styles.dates, percentStyles: styles.percents,
                                         dateOffset: uses1904Dates ? 1462 : 0)
        try parser.parse(worksheet, part: sheetPaths[index])
        return parser.rows
    }

    // MARK: Parts

    /// The zip, read from a temporary file rather than from memory: ZIPFoundation's in-memory archive traps when a
    /// damaged directory points past the end of the data (found by `ImportFuzzTests`), while reading a file just
    /// comes up short and throws. The file is unlinked at once; the open handle keeps it readable until released.
    private static func open(_ data: Data) throws(XLSXReadError) -> Archive {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zonedesk-upload-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try data.write(to: url)
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw .notAWorkbook
        }
    }

    /// A part's bytes, or nil when the package has no such part. The size is checked while unpacking, not just
    /// against the size the zip declares, which a crafted file can understate.
    ///
    /// Unpacked in 64 KB chunks straight into one buffer. `skipCRC32`: ZIPFoundation computes the checksum but
    /// never compares it with the entry's, and on Linux (no zlib module for it) computes it byte by byte in Swift,
    /// a seventh of reading a large sheet, for a number nobody looks at.
    private static func part(_ path: String, in archive: Archive, budget: InflateBudget) throws(XLSXReadError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let limit = min(maxPartBytes, budget.remaining)
        guard entry.uncompressedSize <= UInt64(limit) else { throw .partTooLarge(path) }
        let ratioLimit = max(1 << 20, entry.compressedSize.multipliedReportingOverflow(by: maxInflateRatio).partialValue)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > limit || UInt64(bytes.count) > ratioLimit { throw XLSXReadError.partTooLarge(path) }
            }
        } catch let error as XLSXReadError {
            throw error
        } catch {
            throw .damagedPart(path)
        }
        budget.remaining -= bytes.count
        return bytes
    }

    /// The relationships in a `.rels` part, with targets resolved to paths inside the zip.
    private static func relationships(in archive: Archive, at path: String, base: String, budget: InflateBudget) throws(XLSXReadError)
        -> [(id: String, type: String, path: String)] {
        guard let bytes = try part(path, in: archive, budget: budget) else { return [] }
        var links: [(id: String, type: String, path: String)] = []
        try XMLPartWalker.walk(bytes, part: path) { tag throws(XLSXReadError) in
            guard case "Relationship" = tag.name, let target = tag["Target"] else { return }
            links.append((tag["Id"] ?? "", tag["Type"] ?? "", resolve(target, from: base)))
        }
        return links
    }

    /// "worksheets/sheet1.xml" from "xl" is "xl/worksheets/sheet1.xml"; "/xl/styles.xml" is absolute; ".." steps up.
    static func resolve(_ target: String, from base: String) -> String {
        var components = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    private func linkedPart(_ typeSuffix: String) throws(XLSXReadError) -> (path: String, bytes: [UInt8])? {
        guard let path = relationships.first(where: { $0.type.hasSuffix(typeSuffix) })?.path,
              let bytes = try Self.part(path, in: archive, budget: budget) else { return nil }
        return (path, bytes)
    }

    /// The shared-string table; rich-text runs are joined, phonetic guides (`rPh`, furigana) left out.
    private func sharedStrings() throws(XLSXReadError) -> [String] {
        guard let (path, bytes) = try linkedPart("/sharedStrings") else { return [] }
        var strings: [String] = []
        var current: [UInt8] = [], inText = false, phoneticDepth = 0
        try XMLPartWalker.walk(bytes, part: path, start: { tag throws(XLSXReadError) in
            switch tag.name {
            case "si": current.removeAll(keepingCapacity: true)
            case "rPh": phoneticDepth += 1
            case "t": inText = phoneticDepth == 0
            default: break
            }
        }, end: { name throws(XLSXReadError) in
            switch name {
            case "si": strings.append(SpreadsheetML.cellText(utf8: current))
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }, text: { utf8 in
            if inText { current.append(contentsOf: utf8) }
        })
        return strings
    }

    /// Which cell styles (indices into `cellXfs`) format their number as a date, and which as a percentage.
    private func numberStyles() throws(XLSXReadError) -> (dates: Set<Int>, percents: Set<Int>) {
        guard let (path, bytes) = try linkedPart("/styles") else { return ([], []) }
        var customFormats: [Int: String] = [:]
        var styleFormats: [Int] = []
        var inCellFormats = false
        try XMLPartWalker.walk(bytes, part: path, start: { tag throws(XLSXReadError) in
            switch tag.name {
            case "numFmt":
                if let id = tag.integer("numFmtId") { customFormats[id] = tag["formatCode"] ?? "" }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats: styleFormats.append(tag.integer("numFmtId") ?? 0)
            default: break
            }
        }, end: { name throws(XLSXReadError) in
            if case "cellXfs" = name { inCellFormats = false }
        })
        return (Set(styleFormats.indices.filter { Self.isDateFormat(id: styleFormats[$0], code: customFormats[styleFormats[$0]]) }),
                Set(styleFormats.indices.filter { Self.isPercentFormat(id: styleFormats[$0], code: customFormats[styleFormats[$0]]) }))
    }

    /// Built-in ids 9 and 10 (0%, 0.00%), or a custom code with a % outside its quoted text.
    static func isPercentFormat(id: Int, code: String?) -> Bool {
        guard let code else { return id == 9 || id == 10 }
        return shownParts(of: code).contains("%")
    }

    /// What is left of `maxWorkbookBytes`: a class so the static part reader can spend it for the reader that owns it.
    private final class InflateBudget {
        var remaining: Int
        init(_ bytes: Int) { remaining = bytes }
    }

    /// Built-in ids 14–17 and 22 are dates; 27–36 and 50–58 are the East Asian locales' date formats (年月日).
    /// A custom code is a date when it has a year or day part once quoted text, `\`-escaped characters and
    /// `[…]` sections (colours, locales, elapsed time) are set aside; `m` alone could be minutes.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        guard let code else { return (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id) }
        return shownParts(of: code).contains { "yYdD".contains($0) }
    }

    /// A format code without its quoted text, `\`-escaped characters and `[…]` sections: the parts that format.
    private static func shownParts(of code: String) -> String {
        var plain = "", quoted = false, bracketed = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\" where !quoted: escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            default: if !quoted && !bracketed { plain.append(character) }
            }
        }
        return plain
    }
}
