import Hummingbird

/// A downloadable import template: the Chinese headers and one example row, every column a text cell so
/// 身份证号, phone numbers and dates typed into it stay exactly as typed.
struct ImportTemplate {
    let sheetName: String
    let header: [String]
    let example: [String]

    func xlsx(filename: String) throws -> Response {
        // Wide enough for the Chinese title (two characters' width each) and for the example.
        let widths = zip(header, example).map { title, value in Double(max(12, title.count * 2 + 4, value.count + 4)) }
        var sheet = try XLSXSheet(name: sheetName, header: header, columnWidths: widths)
        sheet.rows = [example.map(XLSXCell.text)]
        var book = XLSXWorkbook()
        try book.add(sheet)
        return try XLSXResponse.make(book, filename: filename)
    }
}
