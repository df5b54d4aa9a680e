import Foundation
import Hummingbird

/// JSON responses of `/api/v1`: sorted keys so output is stable, errors as {"error":{code,message}}.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(encoded: try encode(value), status: status)
    }

    static func encode(_ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: try encoder.encode(value))
    }

    /// A body encoded earlier (and perhaps cached). `no-store`: API answers carry people's records, which no
    /// browser or proxy cache may keep after the session ends.
    static func json(encoded body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: body))
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
