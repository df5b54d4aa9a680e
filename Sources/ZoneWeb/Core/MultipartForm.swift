import Foundation
import ZoneCore

/// A `multipart/form-data` body (RFC 7578): what a browser sends for a form with a file field. Text parts
/// become ordinary form fields; file parts keep their bytes. The body's size is capped by whoever collected it.
public struct MultipartForm: Sendable {
    public struct File: Sendable, Equatable {
        public let filename: String
        public let bytes: [UInt8]
    }

    public private(set) var fields = FormFields()
    public private(set) var files: [String: File] = [:]
    /// A body is one form; hundreds of parts would only be an attempt to make the parser work.
    static let maxParts = 64

    /// The boundary of a `multipart/form-data; boundary=…` content type, quoted or not.
    public static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return (1...70).contains(value.utf8.count) ? value : nil
            }
        }
        return nil
    }

    public init(body: [UInt8], boundary: String) throws(ValidationError) {
        let malformed = ValidationError.invalid("上传的表单格式错误，请刷新页面后重新提交")
        let delimiter = Array("--\(boundary)".utf8)
        // Parts are separated by CRLF + delimiter; the first delimiter may start the body.
        guard var position = body.firstIndex(of: delimiter, from: 0) else { throw malformed }
        position += delimiter.count
        var parts = 0
        while true {
            if body[position...].starts(with: Array("--".utf8)) { return }  // the closing delimiter
            guard body[position...].starts(with: Self.crlf) else { throw malformed }
            position += 2
            guard let headerEnd = body.firstIndex(of: Self.crlf + Self.crlf, from: position),
                  let next = body.firstIndex(of: Self.crlf + delimiter, from: headerEnd + 4) else { throw malformed }
            parts += 1
            guard parts <= Self.maxParts else { throw malformed }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let content = Array(body[(headerEnd + 4)..<next])
            guard let disposition = Self.disposition(headers), let name = disposition["name"] else { throw malformed }
            if let filename = disposition["filename"] {
                files[name] = File(filename: filename, bytes: content)
            } else {
                fields.append(name, String(decoding: content, as: UTF8.self))
            }
            position = next + 2 + delimiter.count
        }
    }

    private static let crlf: [UInt8] = [13, 10]

    /// What the start of a body shows of its first part, read while the body is still arriving.
    enum LeadingPart: Equatable {
        /// The first part has not fully arrived yet.
        case incomplete
        /// The first part is a text field with this name and value.
        case field(name: String, value: String)
        /// The first part is a file, or the start is not multipart at all.
        case other
    }

    /// The first part of `prefix`, the body's first bytes. The CSRF middleware reads the token from it before the
    /// rest of an upload is accepted: our forms put `_csrf` first, and browsers send parts in document order.
    static func leadingPart(_ prefix: [UInt8], boundary: String) -> LeadingPart {
        let delimiter = Array("--\(boundary)".utf8)
        guard let start = prefix.firstIndex(of: delimiter, from: 0) else { return .incomplete }
        let headerStart = start + delimiter.count + 2
        guard prefix.count >= headerStart else { return .incomplete }
        guard prefix[(headerStart - 2)..<headerStart].elementsEqual(crlf) else { return .other }
        guard let headerEnd = prefix.firstIndex(of: crlf + crlf, from: headerStart),
              let next = prefix.firstIndex(of: crlf + delimiter, from: headerEnd + 4) else { return .incomplete }
        let headers = String(decoding: prefix[headerStart..<headerEnd], as: UTF8.self)
        guard let disposition = disposition(headers), let name = disposition["name"], disposition["filename"] == nil else { return .other }
        return .field(name: name, value: String(decoding: prefix[(headerEnd + 4)..<next], as: UTF8.self))
    }

    /// The parameters of the part's `Content-Disposition: form-data; name="…"; filename="…"` header.
    private static func disposition(_ headers: String) -> [String: String]? {
        for line in headers.split(separator: "\r\n") {
            let header = line.split(separator: ":", maxSplits: 1)
            guard header.count == 2, header[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var parameters: [String: String] = [:]
            for parameter in header[1].split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                parameters[pair[0].lowercased()] = value
            }
            return parameters
        }
        return nil
    }
}
