import Foundation
import Yams

/// `openapi.yaml` as shipped inside the ZoneWeb module, read into the operations the docs page lists.
///
/// Only the parts a reader of the page needs are kept (summary, description, parameters, body and response
/// schemas by name); clients and schemathesis use the YAML itself from `/api/v1/openapi.yaml`.
struct OpenAPIDocument: Sendable {
    struct Parameter: Sendable, Equatable {
        let name, location, description: String
        let required: Bool
    }

    struct Reply: Sendable, Equatable {
        let status, description: String
        /// The schema's name (`Person`, `array of Unit`), or nil when the response has no JSON body.
        let schema: String?
    }

    struct Operation: Sendable {
        let method, path, summary, description: String
        let tag: String
        let isPublic: Bool
        let parameters: [Parameter]
        let requestSchema: String?
        let replies: [Reply]
    }

    let title, version, description: String
    let operations: [Operation]

    /// The YAML text the server was built with.
    static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("openapi.yaml is a resource of ZoneWeb") }
        return text
    }()

    static let shipped: OpenAPIDocument = {
        do { return try OpenAPIDocument(yaml: yaml) } catch { preconditionFailure("openapi.yaml does not parse: \(error)") }
    }()

    init(yaml: String) throws {
        let root = try Yams.load(yaml: yaml) as? [String: Any] ?? [:]
        let info = root["info"] as? [String: Any] ?? [:]
        title = info["title"] as? String ?? ""
        version = "\(info["version"] ?? "")"
        description = info["description"] as? String ?? ""
        let components = root["components"] as? [String: Any] ?? [:]
        let sharedResponses = components["responses"] as? [String: Any] ?? [:]
        let sharedParameters = components["parameters"] as? [String: Any] ?? [:]
        let paths = root["paths"] as? [String: Any] ?? [:]
        var operations: [Operation] = []
        for path in paths.keys.sorted() {
            guard let item = paths[path] as? [String: Any] else { continue }
            for method in ["get", "post", "put", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                let parameters = (operation["parameters"] as? [Any] ?? []).compactMap { raw -> Parameter? in
                    guard let parameter = Self.resolve(raw, in: sharedParameters) else { return nil }
                    return Parameter(name: parameter["name"] as? String ?? "", location: parameter["in"] as? String ?? "",
                                     description: parameter["description"] as? String ?? "", required: parameter["required"] as? Bool ?? false)
                }
                let body = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                let responses = operation["responses"] as? [String: Any] ?? [:]
                let replies = responses.keys.sorted().map { status in
                    let response = Self.resolve(responses[status] as Any, in: sharedResponses) ?? [:]
                    return Reply(status: status, description: response["description"] as? String ?? "",
                                 schema: Self.schemaName(response["content"] as? [String: Any]))
                }
                operations.append(Operation(
                    method: method.uppercased(), path: path, summary: operation["summary"] as? String ?? "",
                    description: operation["description"] as? String ?? "", tag: (operation["tags"] as? [String])?.first ?? "",
                    isPublic: (operation["security"] as? [Any])?.isEmpty ?? false,
                    parameters: parameters, requestSchema: Self.schemaName(body), replies: replies))
            }
        }
        self.operations = operations
    }

    /// A `$ref: "#/components/…/Name"` object looked up in `shared`, or the object itself.
    private static func resolve(_ raw: Any, in shared: [String: Any]) -> [String: Any]? {
        guard let object = raw as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String else { return object }
        return shared[String(reference.split(separator: "/").last ?? "")] as? [String: Any]
    }

    /// The name of the first media type's schema: its `$ref`'s last part, or "array of X", or its type.
    private static func schemaName(_ content: [String: Any]?) -> String? {
        guard let content, let media = content.keys.sorted().first,
              let schema = (content[media] as? [String: Any])?["schema"] as? [String: Any] else { return nil }
        func name(_ schema: [String: Any]) -> String {
            if let reference = schema["$ref"] as? String { return String(reference.split(separator: "/").last ?? "") }
            if let items = schema["items"] as? [String: Any] { return "array of " + name(items) }
            return schema["type"] as? String ?? "object"
        }
        return name(schema) + (media == "application/json" ? "" : " (\(media))")
    }
}
