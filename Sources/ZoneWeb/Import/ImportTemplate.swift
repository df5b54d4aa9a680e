import Hummingbird

/// A downloadable import template: the Chinese headers and an example row (or rows to complete, as the
/// holiday template's statutory days), every column a text cell so 身份证号, phone numbers and dates
/// typed into it stay exactly as typed.
struct ImportTemplate {
    let sheetName: String
    let header: [String]
    let rows: [[String]]

    init(sheetName: String, header: [String], example: [String]) {
        self.init(sheetName: sheetName, header: header, rows: [example])
    }

    init(sheetName: String, header: [String], rows: [[String]]) {
        self.sheetName = sheetName
        self.header = header
        self.rows = rows
    }

    func xlsx(filename: String) throws -> Response {
        // Wide enough for the Chinese title (two characters' width each) and for the rows.
        let widths = header.indices.map { column in
            Double(max(12, header[column].count * 2 + 4, (rows.map { column < $0.count ? $0[column].count * 2 + 4 : 0 }.max() ?? 0)))
        }
        var sheet = try XLSXSheet(name: sheetName, header: header, columnWidths: widths)
        sheet.rows = rows.map { $0.map(XLSXCell.text) }
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try XLSXResponse.make(book, filename: filename)
    }
}
