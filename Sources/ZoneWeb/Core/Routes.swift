import Hummingbird
import ZoneCore
import ZoneStore

/// Registers routes with their required permission, so no route can be added without one.
///
/// Public routes (login, static assets) are registered with `permission: nil`; every other handler
/// receives a `Principal` that has already passed the permission and password-change checks.
struct Routes {
    typealias Handler = @Sendable (Request, AppContext, Principal) async throws -> Response
    let router: Router<AppContext>
    private(set) var specs: [RouteSpec] = []

    init(router: Router<AppContext>) { self.router = router }

    mutating func get(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        add(.get, path, permission, handler)
    }

    mutating func post(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        add(.post, path, permission, handler)
    }

    mutating func put(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        add(.put, path, permission, handler)
    }

    mutating func add(_ method: HTTPRequest.Method, _ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        let spec = RouteSpec(method: method, path: path, permission: permission)
        specs.append(spec)
        router.on(RouterPath(path), method: method) { request, context in
            guard let principal = context.principal else {
                return spec.isAPI ? APIResponse.error(.unauthorized, "未登录或会话已超时", code: "unauthenticated")
                    : .redirect(to: "/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
            }
            // A first-login or reset password must be changed before anything else is reachable.
            if principal.account.mustChangePassword && !Self.passwordRoutes.contains(path) {
                return spec.isAPI ? APIResponse.error(.forbidden, "请先修改初始密码", code: "password_change_required")
                    : .redirect(to: "/password")
            }
            guard principal.can(permission) else {
                return spec.isAPI ? APIResponse.error(.forbidden, "无权访问：需要“\(permission.label)”权限", code: "forbidden")
                    : Pages.error(.forbidden, "无权访问：您的角色（\(principal.role.label)）没有“\(permission.label)”权限。", principal: principal)
            }
            // A province account belongs to no zone: it has no zone's rows to read or write.
            if permission.isZoneScoped, principal.zone == nil {
                return Self.noZone(spec, principal)
            }
            do {
                return try await handler(request, context, principal)
            } catch is ZoneScope.Missing {
                return Self.noZone(spec, principal)
            } catch let refusal as ValidationError {
                // A number outside its bounds (`Request.number`, `BoundedInt.require`): the request's fault, never a 500.
                return spec.isAPI ? APIResponse.error(.badRequest, refusal.message, code: "invalid")
                    : Pages.error(.badRequest, refusal.message, principal: principal)
            }
        }
    }

    static func noZone(_ spec: RouteSpec, _ principal: Principal) -> Response {
        spec.isAPI ? APIResponse.error(.forbidden, ZoneScope.Missing.message, code: "no_zone")
            : Pages.error(.forbidden, ZoneScope.Missing.message, principal: principal)
    }

    static let passwordRoutes: Set<String> = ["/password", "/logout", "/api/v1/session"]
}

extension Permission {
    public var label: String {
        switch self {
        case .signedIn: "登录"
        case .viewUnits: "查看机构"
        case .viewPeople: "查看人员"
        case .editPeople: "编辑人员"
        case .unmaskPersonalData: "查看完整个人信息"
        case .editEstablishment: "核定编制与审批"
        case .viewPlans: "查看改革方案"
        case .editPlans: "编制改革方案"
        case .approvePlans: "批准改革方案"
        case .viewReports: "查看报表"
        case .managePosts: "岗位设置"
        case .viewRounds: "查看聘任批次"
        case .manageRounds: "组织聘任"
        case .applyInRounds: "报名应聘"
        case .rankApplicants: "排序评分"
        case .viewAppraisals: "查看绩效考核"
        case .manageAppraisals: "组织绩效考核"
        case .decideConsequences: "决定考核结果运用"
        case .viewPay: "查看绩效工资"
        case .managePay: "核算发放绩效工资"
        case .approvePay: "审批绩效工资"
        case .selfService: "本人考核与工资"
        case .objectInRounds: "提出申诉"
        case .viewLedgers: "查看改革台账"
        case .editLedgers: "登记改革台账"
        case .viewDashboard: "查看改革驾驶舱"
        case .viewProvince: "查看全省园区总览"
        case .manageAccounts: "账号管理"
        case .manageHolidays: "导入节假日安排"
        case .manageRoles: "角色权限管理"
        case .viewAudit: "查看审计日志"
        case .useSecondFactor: "动态口令"
        }
    }
}
