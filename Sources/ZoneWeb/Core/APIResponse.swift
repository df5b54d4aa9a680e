import Foundation
import Hummingbird

/// JSON responses of `/api/v1`: sorted keys so output is stable, errors as {"error":{code,message}}.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let fields: [String: String]?
        }
        let error: Detail
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, code: String, fields: [String: String]? = nil) -> Response {
        (try? json(ErrorBody(error: .init(code: code, message: message, fields: fields)), status: status))
            ?? Response(status: status)
    }
}
