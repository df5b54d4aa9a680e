import Foundation
import Hummingbird

/// An .xlsx download. The file name is sent both as ASCII and RFC 5987 UTF-8 so Chinese names
/// survive in every browser.
enum XLSXResponse {
    static func make(_ book: XLSXWorkbook, filename: String) throws -> Response {
        let data = try book.data()
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export.xlsx"
        return Response(status: .ok,
                        headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                  .contentDisposition: "attachment; filename=\"export.xlsx\"; filename*=UTF-8''\(encoded)",
                                  .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
