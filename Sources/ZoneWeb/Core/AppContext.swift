import Hummingbird
import NIOCore
import ZoneStore

/// Per-request state set by the middleware: who is asking, and the form fields once read.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    /// Fields of a url-encoded form body, parsed once by the CSRF check.
    public var form: FormFields = FormFields()
    /// Files of a multipart form body by field name, read with `form`.
    public var uploads: [String: MultipartForm.File] = [:]
    /// The TCP peer; nil when the request did not come over a socket (router tests).
    private let peer: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress
    }

    /// The TCP peer's IP address, formatted only when needed (logins), not for every request.
    var peerAddress: String? { peer?.ipAddress }

    /// The actor name written to the audit log.
    var actor: String { principal?.account.username ?? "anonymous" }
}
