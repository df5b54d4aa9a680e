// `hello --port N`: answers GET /json with a small JSON object and GET / with text, nothing else.
import Hummingbird

let arguments = CommandLine.arguments
let port = arguments.firstIndex(of: "--port").flatMap { Int(arguments[$0 + 1]) } ?? 8090

let router = Router()
router.get("/") { _, _ in "Hello, world!" }
router.get("/json") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
             body: .init(byteBuffer: ByteBuffer(string: #"{"message":"Hello, world!"}"#)))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
