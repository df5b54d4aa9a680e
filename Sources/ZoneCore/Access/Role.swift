/// The roles of SPEC "Users and roles". The three admin roles (三员分立) hold disjoint duties and
/// none of them may touch business data.
public enum Role: String, CaseIterable, Codable, Sendable {
    case systemAdmin = "system_admin"
    case securityAdmin = "security_admin"
    case auditAdmin = "audit_admin"
    case hr
    case departmentHead = "department_head"
    case employee
    case leader
    case discipline
    /// 省级主管部门 (省委编办、省开发区管理部门): reads every zone's aggregated figures in a province
    /// database and nothing else; its account belongs to no zone.
    case province

    public var label: String {
        switch self {
        case .systemAdmin: "系统管理员"
        case .securityAdmin: "安全管理员"
        case .auditAdmin: "审计管理员"
        case .hr: "组织人事"
        case .departmentHead: "部门负责人"
        case .employee: "员工"
        case .leader: "领导"
        case .discipline: "纪工委/审计"
        case .province: "省级主管部门"
        }
    }

    public var permissions: Set<Permission> {
        switch self {
        case .systemAdmin: [.manageAccounts, .manageHolidays, .useSecondFactor]
        case .securityAdmin: [.manageRoles, .useSecondFactor]
        case .auditAdmin: [.viewAudit, .useSecondFactor]
        case .hr: [.viewUnits, .viewPeople, .editPeople, .unmaskPersonalData, .editEstablishment, .viewPlans, .editPlans, .viewReports,
                   .managePosts, .viewRounds, .manageRounds, .rankApplicants, .viewAppraisals, .manageAppraisals, .viewPay, .managePay, .viewLedgers, .editLedgers, .viewDashboard]
        case .departmentHead: [.viewUnits, .viewPeople, .viewRounds, .rankApplicants, .viewAppraisals, .viewLedgers]
        case .employee: [.viewPeople, .viewRounds, .applyInRounds, .objectInRounds, .selfService, .viewLedgers]
        case .leader: [.viewUnits, .viewPeople, .viewPlans, .approvePlans, .viewReports, .viewRounds, .viewAppraisals, .decideConsequences,
                       .viewPay, .approvePay, .viewLedgers, .viewDashboard]
        case .discipline: [.viewUnits, .viewPeople, .unmaskPersonalData, .viewAudit, .viewPlans, .viewReports, .viewRounds, .viewAppraisals,
                           .viewPay, .viewLedgers, .viewDashboard]
        // Aggregates only: no permission that opens a person's row or any zone-scoped page.
        case .province: [.viewProvince]
        }
    }

    /// Whether accounts of the role belong to no zone (they read across zones).
    public var isCrossZone: Bool { self == .province }

    /// Whether the role needs a unit (部门负责人) or a person (员工) to define its scope.
    public var needsUnit: Bool { self == .departmentHead }
    public var needsPerson: Bool { self == .employee }

    public func can(_ permission: Permission) -> Bool { permissions.contains(permission) }
}

/// What a route or action requires. Every route declares exactly one.
public enum Permission: String, CaseIterable, Sendable {
    /// Any signed-in account: own password, own home page.
    case signedIn
    case viewUnits
    case viewPeople
    case editPeople
    case unmaskPersonalData
    /// Set 编制/职数 quotas and record 编制使用审批.
    case editEstablishment
    case viewPlans
    case editPlans
    /// Leadership approves a restructuring plan before it can be applied.
    case approvePlans
    /// Zone-wide reports (实名制公示表, 机构编制 summary).
    case viewReports
    /// The post catalogue (岗位设置).
    case managePosts
    case viewRounds
    /// Set up, run, publish and confirm appointment rounds.
    case manageRounds
    /// Employees apply for posts in an open round.
    case applyInRounds
    /// Order applicants or enter their scores for posts in one's scope.
    case rankApplicants
    case viewAppraisals
    case manageAppraisals
    case decideConsequences
    case viewPay
    case managePay
    case approvePay
    /// One's own appraisal results, objections and pay slips (员工自助).
    case selfService
    /// Someone a published round affects files an objection (申诉) during its 公示期.
    case objectInRounds
    /// 改革台账 rows in one's scope: the zone, one's units' rows, or one's own 月工作日志.
    case viewLedgers
    case editLedgers
    /// The reform dashboard and the annual disclosure report (zone-wide figures).
    case viewDashboard
    /// 省级总览: every zone's aggregated figures side by side, and each zone's dashboard read-only,
    /// without any person's data.
    case viewProvince
    case manageAccounts
    /// Load the State Council's yearly holiday notice (system configuration, the system admin's duty).
    case manageHolidays
    case manageRoles
    case viewAudit
    /// Enrol or remove one's own one-time-code second factor (TOTP); the three admins only.
    case useSecondFactor

    /// Whether the permission opens one zone's rows, so its routes need a principal of a zone. The
    /// province's accounts (省级主管部门 and the province's 三员) hold only the others: their own
    /// session, the aggregates of every zone, account administration, holidays and the audit log,
    /// each of which scopes itself by the account's zone or by none.
    public var isZoneScoped: Bool {
        switch self {
        case .signedIn, .viewProvince, .manageAccounts, .manageHolidays, .manageRoles, .viewAudit, .useSecondFactor: false
        case .viewUnits, .viewPeople, .editPeople, .unmaskPersonalData, .editEstablishment, .viewPlans, .editPlans, .approvePlans,
             .viewReports, .managePosts, .viewRounds, .manageRounds, .applyInRounds, .rankApplicants, .viewAppraisals,
             .manageAppraisals, .decideConsequences, .viewPay, .managePay, .approvePay, .selfService, .objectInRounds,
             .viewLedgers, .editLedgers, .viewDashboard: true
        }
    }
}
