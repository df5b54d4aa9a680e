import Foundation
import Testing
import ZoneCore
@testable import ZoneWeb

@Suite("Import files and multipart uploads")
struct SheetFileTests {
    @Test func xlsxAndCSVGiveTheSameTable() throws {
        var sheet = try XLSXSheet(name: "人员", header: ["姓名", "身份证号"])
        sheet.rows = [[.text("张三"), .text("11010519491231002X")]]
        let bytes = try SheetExports.file(sheet, csv: false)
        let csv = try SheetExports.file(sheet, csv: true)
        #expect(try SheetFile.table(Array(bytes)) == SheetFile.table(Array(csv)))
        #expect(try SheetFile.table(Array(bytes)).rows == [["张三", "11010519491231002X"]])
    }

    @Test func otherFilesAreRefusedWithAReason() {
        #expect(throws: ValidationError.invalid("不支持旧版 Excel 文件（.xls），请在 Excel/WPS 中另存为 .xlsx 或 CSV")) {
            try SheetFile.table([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        }
        #expect(throws: ValidationError.invalid("文件不是 Excel（.xlsx）或 CSV 文件")) { try SheetFile.table([0x89, 0x50, 0x4E, 0x47, 0, 0]) }
        #expect(throws: ValidationError.invalid(XLSXReadError.notAWorkbook.message)) { try SheetFile.table([0x50, 0x4B, 3, 4, 1, 2]) }
    }

    @Test func multipartBodiesAreParsed() throws {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----abc") == "----abc")
        #expect(MultipartForm.boundary(contentType: #"multipart/form-data; charset=utf-8; boundary="a b""#) == "a b")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        let file: [UInt8] = [0x50, 0x4B, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF]  // CRLF and dashes inside the file
        let body = Array("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n".utf8)
            + Array("--XyZ\r\ncontent-disposition: form-data; name=\"file\"; filename=\"人员.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            + file + Array("\r\n--XyZ\r\nContent-Disposition: form-data; name=\"csv\"\r\n\r\n姓名\r\n张三\r\n--XyZ--\r\n".utf8)
        let form = try MultipartForm(body: body, boundary: "XyZ")
        #expect(form.fields["_csrf"] == "tok")
        #expect(form.fields["csv"] == "姓名\r\n张三")
        #expect(form.files["file"] == MultipartForm.File(filename: "人员.xlsx", bytes: file))
    }

    @Test(arguments: [
        "", "no delimiter at all", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
        "--XyZ\r\nX-Other: 1\r\n\r\nvalue\r\n--XyZ--", "--XyZgarbage",
    ])
    func malformedBodiesAreRefused(body: String) {
        #expect(throws: ValidationError.self) { try MultipartForm(body: Array(body.utf8), boundary: "XyZ") }
    }

    @Test func manyPartsAreRefused() {
        let part = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
        let body = String(repeating: part, count: MultipartForm.maxParts + 1) + "--b--\r\n"
        #expect(throws: ValidationError.self) { try MultipartForm(body: Array(body.utf8), boundary: "b") }
    }
}
