/// The reform ledgers (改革台账, SPEC §E). Each is a list of rows a clerk keeps by hand today in
/// Excel; their columns are declared here once and drive the form, the CSV import, the xlsx
/// export, the audit detail and the figures alike.
public enum LedgerKind: String, CaseIterable, Sendable {
    case stripping
    case duties
    case powers
    case approvals
    case cases721
    case projects
    case keyFirms
    case disposals
    case revenue
    case debts
    case audits
    case workLogs

    public var label: String {
        switch self {
        case .stripping: "社会事务剥离"
        case .duties: "权责事项移交"
        case .powers: "赋权事项"
        case .approvals: "审批事项下沉"
        case .cases721: "721工作法案件"
        case .projects: "招商项目"
        case .keyFirms: "重点企业专班"
        case .disposals: "闲置土地与僵尸企业"
        case .revenue: "收入分成"
        case .debts: "债务台账"
        case .audits: "审计单位"
        case .workLogs: "月工作日志"
        }
    }

    /// The ledger's group on the overview page.
    public var group: String {
        switch self {
        case .stripping, .duties: "职能剥离"
        case .powers, .approvals, .cases721: "赋权与放管服"
        case .projects, .keyFirms, .disposals: "招商与产业"
        case .revenue, .debts, .audits: "财政"
        case .workLogs: "队伍管理"
        }
    }

    static let unit = LedgerField("unit", "责任单位", .unit, required: false, hint: "可不填；填写后该部门负责人可见")

    public var fields: [LedgerField] {
        switch self {
        case .stripping:
            [LedgerField("item", "事项", .text), LedgerField("mode", "剥离方式", .choice(StrippingMode.labels)),
             LedgerField("receiver", "承接单位", .text, required: false),
             LedgerField("institutions", "划转机构（所）", .count, required: false),
             LedgerField("people", "划转人员（人）", .count, required: false),
             LedgerField("date", "完成日期", .date, required: false), Self.unit]
        case .duties:
            [LedgerField("batch", "移交批次", .text), LedgerField("items", "事项数", .count),
             LedgerField("receiver", "承接单位", .text), LedgerField("date", "移交日期", .date), Self.unit]
        case .powers:
            [LedgerField("name", "权限事项", .text), LedgerField("source", "来源层级", .choice(["省级", "市级", "区县级"])),
             LedgerField("change", "调整", .choice(PowerChange.labels), hint: "保留：原有且继续行使；新增：本次赋予；调出：交回"),
             LedgerField("domain", "领域", .text, required: false), LedgerField("date", "调整日期", .date, required: false), Self.unit]
        case .approvals:
            [LedgerField("name", "审批服务事项", .text), LedgerField("department", "原办理部门", .text),
             LedgerField("date", "下沉日期", .date), Self.unit]
        case .cases721:
            [LedgerField("subject", "问题或案件", .text), LedgerField("firm", "企业", .text, required: false),
             LedgerField("method", "解决手段", .choice(CaseMethod.labels)), LedgerField("date", "办结日期", .date), Self.unit]
        case .projects:
            [LedgerField("name", "项目名称", .text), LedgerField("industry", "产业", .text),
             LedgerField("amount", "投资额（元）", .money), LedgerField("signed", "签约日期", .date),
             LedgerField("started", "开工日期", .date, required: false), LedgerField("producing", "投产日期", .date, required: false), Self.unit]
        case .keyFirms:
            [LedgerField("firm", "企业名称", .text), LedgerField("code", "统一社会信用代码", .creditCode),
             LedgerField("lead", "专班负责人", .text), LedgerField("since", "服务起始日期", .date), Self.unit]
        case .disposals:
            [LedgerField("type", "类型", .choice(DisposalType.labels)), LedgerField("name", "地块或企业", .text),
             LedgerField("area", "盘活土地（亩）", .area, required: false),
             LedgerField("floor", "腾退厂房（平方米）", .count, required: false), LedgerField("date", "完成日期", .date), Self.unit]
        case .revenue:
            [LedgerField("year", "年度", .count), LedgerField("source", "收入项目", .text),
             LedgerField("counterpart", "分成对象", .text), LedgerField("share", "园区分成比例（%）", .percent),
             LedgerField("amount", "园区分得金额（元）", .money), Self.unit]
        case .debts:
            [LedgerField("name", "债务", .text), LedgerField("creditor", "债权人", .text),
             LedgerField("principal", "本金（元）", .money), LedgerField("resolved", "已化解（元）", .money),
             LedgerField("method", "化解方式", .text, required: false), LedgerField("date", "化解日期", .date, required: false), Self.unit]
        case .audits:
            [LedgerField("auditee", "被审计单位", .text), LedgerField("method", "审计方式", .choice(["第三方审计", "内部审计", "上级审计"])),
             LedgerField("report", "审计报告编号", .text, required: false), LedgerField("date", "出具报告日期", .date)]
        case .workLogs:
            [LedgerField("person", "人员", .person), LedgerField("month", "月份", .month),
             LedgerField("days", "填报天数", .count, hint: "当月写有工作日志的工作日天数"),
             LedgerField("submitted", "提交日期", .date, required: false)]
        }
    }

    public func field(_ key: String) -> LedgerField? { fields.first { $0.key == key } }

    /// The columns a list shows first and the audit detail names the row by.
    public var titleKey: String { fields[0].key == "person" ? "month" : fields[0].key }

    /// Rules across fields, checked after each field on its own is valid.
    func crossCheck(_ values: [String: String], _ errors: inout FieldErrors) {
        switch self {
        case .projects:
            let signed = values["signed"] ?? "", started = values["started"] ?? "", producing = values["producing"] ?? ""
            if !started.isEmpty && !signed.isEmpty && started < signed { errors.add("started", "开工日期不能早于签约日期") }
            if !producing.isEmpty && started.isEmpty { errors.add("producing", "未开工的项目不能投产") }
            if !producing.isEmpty && !started.isEmpty && producing < started { errors.add("producing", "投产日期不能早于开工日期") }
        case .debts:
            if let principal = Int(values["principal"] ?? ""), let resolved = Int(values["resolved"] ?? ""), resolved > principal {
                errors.add("resolved", "已化解金额不能超过本金")
            }
        case .disposals:
            if values["type"] == DisposalType.idleLand.rawValue && (values["area"] ?? "").isEmpty { errors.add("area", "闲置土地须填写面积") }
        default:
            break
        }
    }

    /// Rows that may exist only once per zone (a firm has one 专班, a person one log a month);
    /// the database enforces it through this key.
    func naturalKey(_ values: [String: String], personID: Int64?) -> String? {
        switch self {
        case .keyFirms: values["code"]
        case .workLogs: personID.map { "\($0)/\(values["month"] ?? "")" }
        default: nil
        }
    }
}

public enum StrippingMode: String, CaseIterable, Sendable {
    case full = "整体剥离"
    case partial = "部分剥离"
    /// Still run by the zone; counted so the stripping rate has its denominator.
    case retained = "保留"
    static var labels: [String] { allCases.map(\.rawValue) }
}

public enum PowerChange: String, CaseIterable, Sendable {
    case kept = "保留"
    case added = "新增"
    case returned = "调出"
    static var labels: [String] { allCases.map(\.rawValue) }
}

/// 721工作法: 70% of problems solved by service, 20% by management, 10% by enforcement.
public enum CaseMethod: String, CaseIterable, Sendable {
    case service = "服务"
    case management = "管理"
    case enforcement = "执法"
    static var labels: [String] { allCases.map(\.rawValue) }

    /// The target share in tenths of a percent.
    public var targetTenths: Int {
        switch self {
        case .service: 700
        case .management: 200
        case .enforcement: 100
        }
    }
}

public enum DisposalType: String, CaseIterable, Sendable {
    case idleLand = "闲置土地"
    case zombieFirm = "僵尸企业"
    static var labels: [String] { allCases.map(\.rawValue) }
}
