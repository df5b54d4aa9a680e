import Hummingbird

/// Errors the framework raises itself under `/api/` (an `{id}` that is not a number, a body over
/// the size limit) get the same `{"error":{code,message}}` envelope as the handlers' own errors,
/// so a client parses one shape and `openapi.yaml` documents one shape.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return APIResponse.error(error.status, Self.message(error), code: Self.code(error.status))
        }
    }

    static func code(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .unauthorized: "unauthenticated"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .conflict: "conflict"
        case .contentTooLarge: "too_large"
        default: "malformed"
        }
    }

    static func message(_ error: HTTPError) -> String {
        switch error.status {
        case .contentTooLarge: "请求体过大 / request body too large"
        case .badRequest: "请求格式有误：" + (error.body ?? "")
        case .notFound: "没有该接口 / no such API route"
        default: error.body ?? error.status.reasonPhrase
        }
    }
}
