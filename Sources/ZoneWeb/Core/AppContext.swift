import Hummingbird
import ZoneStore

/// Per-request state set by the middleware: who is asking, and the form fields once read.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    /// Fields of a url-encoded form body, parsed once by the CSRF check.
    public var form: FormFields = FormFields()
    /// Files of a multipart form body by field name, read with `form`.
    public var uploads: [String: MultipartForm.File] = [:]

    public init(source: Source) { coreContext = .init(source: source) }

    /// The actor name written to the audit log.
    var actor: String { principal?.account.username ?? "anonymous" }
}
