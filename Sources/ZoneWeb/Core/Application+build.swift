import Hummingbird
import Logging
import ZoneStore

/// Where and how to serve.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// Builds the router with every controller, returning the route specs for the route × role test.
public func buildRouter(_ env: AppEnvironment) -> (router: Router<AppContext>, specs: [RouteSpec]) {
    let router = Router(context: AppContext.self)
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: SessionMiddleware(store: env.store))
    router.add(middleware: CSRFMiddleware(uploads: env.uploads))
    router.get("/static/app.css") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }
    router.get("/healthz") { _, _ in "ok" }
    SessionController(env: env).registerPublic(on: router)
    APIDocsController().registerPublic(on: router)
    var routes = Routes(router: router)
    SessionController(env: env).register(&routes)
    HomeController(env: env).register(&routes)
    UnitController(env: env).register(&routes)
    ImportController(env: env).register(&routes)
    PersonController(env: env).register(&routes)
    PlanController(env: env).register(&routes)
    PostController(env: env).register(&routes)
    RoundController(env: env).register(&routes)
    AppraisalController(env: env).register(&routes)
    PayController(env: env).register(&routes)
    SelfServiceController(env: env).register(&routes)
    RoundCandidateController(env: env).register(&routes)
    RoundObjectionController(env: env).register(&routes)
    ReportController(env: env).register(&routes)
    LedgerController(env: env).register(&routes)
    DashboardController(env: env).register(&routes)
    ProvinceController(env: env).register(&routes)
    DisclosureController(env: env).register(&routes)
    AdminController(env: env).register(&routes)
    ZoneAdminController(env: env).register(&routes)
    HolidayController(env: env).register(&routes)
    AuditController(env: env).register(&routes)
    APIController(env: env).register(&routes)
    return (router, routes.specs)
}

public func buildApplication(_ env: AppEnvironment, server: ServerConfiguration) -> some ApplicationProtocol {
    var logger = Logger(label: "zonedesk")
    logger.logLevel = .info
    return Application(router: buildRouter(env).router,
                       configuration: .init(address: .hostname(server.host, port: server.port), serverName: "ZoneDesk"),
                       logger: logger)
}
