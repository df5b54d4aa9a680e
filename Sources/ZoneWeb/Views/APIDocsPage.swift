/// `/api/docs`: every operation of openapi.yaml as a readable page, grouped by tag, without JavaScript.
enum APIDocsPage {
    static func render(_ document: OpenAPIDocument) -> String {
        let tags = document.operations.reduce(into: [String]()) { tags, operation in
            if !tags.contains(operation.tag) { tags.append(operation.tag) }
        }
        return Layout.document(title: "API 文档") {
            HTML.tag("main", ["class": "content api-docs"]) {
                HTML.tag("h1") { "\(document.title)（版本 \(document.version)）" }
                HTML.tag("p") {
                    "机器可读的完整定义："
                    HTML.tag("a", ["href": "/api/v1/openapi.yaml"]) { "/api/v1/openapi.yaml" }
                    "。除标注“公开”的接口外，均需登录会话；写操作需 X-CSRF-Token 请求头（见 GET /api/v1/session）。"
                }
                HTML.tag("pre", ["class": "api-intro"]) { document.description }
                for tag in tags {
                    HTML.tag("h2") { tag }
                    for operation in document.operations where operation.tag == tag { self.operation(operation) }
                }
            }
        }
    }

    private static func operation(_ operation: OpenAPIDocument.Operation) -> HTML {
        HTML.tag("div", ["class": "card", "id": operation.method.lowercased() + operation.path]) {
            HTML.tag("h3") {
                HTML.tag("code") { operation.method + " " + operation.path }
                " " + operation.summary
                if operation.isPublic { Components.tag("公开", kind: "ok") }
            }
            if !operation.description.isEmpty { HTML.tag("pre", ["class": "api-text"]) { operation.description } }
            if !operation.parameters.isEmpty {
                HTML.tag("table", ["class": "grid"]) {
                    HTML.tag("tr") { HTML.tag("th") { "参数" }; HTML.tag("th") { "位置" }; HTML.tag("th") { "必填" }; HTML.tag("th") { "说明" } }
                    for parameter in operation.parameters {
                        HTML.tag("tr") {
                            HTML.tag("td") { HTML.tag("code") { parameter.name } }
                            HTML.tag("td") { parameter.location }
                            HTML.tag("td") { parameter.required ? "是" : "否" }
                            HTML.tag("td") { parameter.description }
                        }
                    }
                }
            }
            if let body = operation.requestSchema { HTML.tag("p") { "请求体："; HTML.tag("code") { body } } }
            HTML.tag("table", ["class": "grid"]) {
                HTML.tag("tr") { HTML.tag("th", ["class": "num"]) { "状态" }; HTML.tag("th") { "响应" }; HTML.tag("th") { "结构" } }
                for reply in operation.replies {
                    HTML.tag("tr") {
                        HTML.tag("td", ["class": "num"]) { reply.status }
                        HTML.tag("td") { reply.description }
                        HTML.tag("td") { HTML.tag("code") { reply.schema ?? "—" } }
                    }
                }
            }
        }
    }
}
