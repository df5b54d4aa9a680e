import Hummingbird

/// The API's contract, public like `/login`: it describes routes and shapes but holds no data, and a client
/// (or schemathesis) needs it before it has a session. Every route it describes still checks the session.
struct APIDocsController {
    func registerPublic(on router: Router<AppContext>) {
        router.get("/api/v1/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        router.get("/api/docs") { _, _ in Pages.response(APIDocsPage.render(OpenAPIDocument.shipped)) }
    }
}
