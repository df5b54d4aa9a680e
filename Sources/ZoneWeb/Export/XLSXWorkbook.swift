import Foundation
import ZIPFoundation

/// An Excel workbook (.xlsx, Office Open XML SpreadsheetML) built entirely in memory, without template files.
///
///     var sheet = try XLSXSheet(name: "人员名单", header: ["姓名", "身份证号", "月薪"], columnWidths: [10, 22, 12])
///     sheet.rows.append([.text("张三"), .text("11010519491231002X"), .money(fen: 850_000)])
///     var book = XLSXWorkbook()
///     try book.add(sheet)
///     let bytes = try book.data()
public struct XLSXWorkbook: Sendable {
    /// In tab order; the first is the one Excel shows on opening.
    public private(set) var sheets: [XLSXSheet] = []
    /// Shown by Excel and WPS as the document's author.
    public var creator: String
    /// The document's creation time, also stamped on every zip entry, so equal workbooks give identical bytes.
    public var created: Date

    public init(creator: String = "ZoneDesk", created: Date = Date()) {
        self.creator = creator
        self.created = created
    }

    /// Appends a sheet; Excel compares sheet names without regard to case, so "Data" and "DATA" clash.
    public mutating func add(_ sheet: XLSXSheet) throws(XLSXError) {
        let name = sheet.name.lowercased()
        guard !sheets.contains(where: { $0.name.lowercased() == name }) else {
            throw .duplicateSheetName(sheet.name)
        }
        sheets.append(sheet)
    }

    /// The .xlsx file's bytes, e.g. for an HTTP response body.
    /// Throws `XLSXError` for content Excel cannot hold, rather than writing a file Excel would "repair".
    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in try parts() {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: created,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { preconditionFailure("an in-memory archive always has data") }
        return data
    }

    /// Every part of the package by its path inside the zip, `[Content_Types].xml` first.
    func parts() throws(XLSXError) -> [(path: String, xml: String)] {
        guard !sheets.isEmpty else { throw .noSheets }
        var strings = XLSXSharedStrings()
        var worksheets: [(path: String, xml: String)] = []
        for (index, sheet) in sheets.enumerated() {
            let xml = try sheet.worksheetXML(isFirst: index == 0, strings: &strings)
            worksheets.append(("xl/worksheets/sheet\(index + 1).xml", xml))
        }
        return [
            ("[Content_Types].xml", contentTypesXML),
            ("_rels/.rels", packageRelationshipsXML),
            ("docProps/app.xml", appPropertiesXML),
            ("docProps/core.xml", corePropertiesXML),
            ("xl/workbook.xml", workbookXML),
            ("xl/_rels/workbook.xml.rels", workbookRelationshipsXML),
            ("xl/styles.xml", XLSXStyle.stylesXML),
            ("xl/sharedStrings.xml", strings.xml),
        ] + worksheets
    }
}
