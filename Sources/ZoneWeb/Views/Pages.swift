import Hummingbird
import ZoneCore

/// Turning rendered documents into responses, and the shared error page.
enum Pages {
    static func response(_ document: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                           .init("X-Frame-Options")!: "DENY", .init("X-Content-Type-Options")!: "nosniff",
                           .init("Content-Security-Policy")!: "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"],
                 body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, principal: Principal?) -> Response {
        let title = status == .forbidden ? "无权访问" : status == .notFound ? "未找到" : status == .serviceUnavailable ? "系统繁忙" : "请求有误"
        guard let principal else {
            return response(Layout.document(title: title) {
                HTML.tag("main") {
                    HTML.tag("div", ["class": "card"]) {
                        HTML.tag("h1") { title }
                        HTML.tag("p") { message }
                        HTML.tag("a", ["href": "/login"]) { "返回登录" }
                    }
                }
            }, status: status)
        }
        return response(Layout.page(title: title, active: "", principal: principal) {
            HTML.tag("h1") { title }
            HTML.tag("div", ["class": "card"]) {
                HTML.tag("p") { message }
                HTML.tag("a", ["href": "/"]) { "返回工作台" }
            }
        }, status: status)
    }
}
