import ZoneCore

/// The closed value sets of the status and kind columns, as migration 19 makes the database enforce
/// them (CHECK constraints on PostgreSQL; triggers on SQLite, which cannot add a CHECK to an existing
/// table without rebuilding it). Reads fail on any other value (`UnknownStoredValue`), so a stray value
/// can neither be written nor silently read as a default.
///
/// `values` is frozen with the migration; `current` is what the code knows today. A test requires them
/// to be equal: a new case needs a new migration that widens the check.
enum StoredEnums {
    struct Column: Sendable {
        let table: String
        let column: String
        let values: [String]
        let current: [String]

        init<E: CaseIterable & RawRepresentable>(_ table: String, _ column: String, _ type: E.Type, _ values: [String]) where E.RawValue == String {
            self.table = table
            self.column = column
            self.values = values
            current = E.allCases.map(\.rawValue)
        }

        var name: String { "\(table)_\(column)_check" }
        var list: String { values.map { "'\($0)'" }.joined(separator: ", ") }
    }

    static let columns: [Column] = [
        Column("units", "kind", UnitKind.self, ["zone", "committee", "department", "institution", "discipline", "park", "statutory", "company"]),
        Column("units", "org_type", OrgType.self, ["党政机关", "事业单位", "法定机构", "国有企业"]),
        Column("units", "funding", Funding.self, ["全额", "差额", "自收自支"]),
        Column("establishments", "category", EstablishmentCategory.self, ["行政", "事业", "工勤", "参公", "员额"]),
        Column("people", "gender", Gender.self, ["男", "女"]),
        Column("people", "establishment", StaffCategory.self, ["行政", "事业", "工勤", "参公", "员额", "编外"]),
        Column("people", "status", PersonStatus.self, ["在岗", "待岗", "培训", "借调", "分流", "退休"]),
        Column("people", "leadership_rank", LeadershipRank.self, ["正处", "副处", "正科", "副科"]),
        Column("accounts", "role", Role.self,
               ["system_admin", "security_admin", "audit_admin", "hr", "department_head", "employee", "leader", "discipline", "province"]),
        Column("leadership_quotas", "class", LeadershipClass.self, ["正处", "副处", "处级", "正科", "副科", "科级"]),
        Column("quota_approvals", "kind", QuotaApproval.Kind.self, ["establishment", "leadership"]),
        Column("plans", "status", StoredPlan.Status.self, ["draft", "approved", "applied"]),
        Column("posts", "category", PostCategory.self, ["综合", "招商", "执法", "技术", "服务"]),
        Column("posts", "leadership_rank", LeadershipRank.self, ["正处", "副处", "正科", "副科"]),
        Column("rounds", "status", StoredRound.Status.self, ["draft", "open", "computed", "published", "confirmed"]),
        Column("round_posts", "method", AppointmentMethod.self, ["direct", "competitive", "mutual_selection", "open_recruitment"]),
        Column("round_candidates", "gender", Gender.self, ["男", "女"]),
        Column("round_objections", "status", StoredObjection.Status.self, ["pending", "upheld", "corrected"]),
        Column("appraisals", "status", StoredAppraisal.Status.self, ["draft", "computed", "published", "final"]),
        Column("indicators", "level", StoredIndicator.Level.self, ["zone", "department", "person"]),
        Column("indicators", "cycle", AppraisalCycle.self, ["monthly_dispatch", "quarterly_monitoring", "half_year_evaluation", "annual"]),
        Column("appraisal_objections", "status", AppraisalObjection.Status.self, ["pending", "upheld", "rejected"]),
        Column("consequence_proposals", "decision", ConsequenceProposalRow.Decision.self, ["accepted", "rejected"]),
        Column("pay_runs", "status", StoredPayRun.Status.self, ["preview", "approved", "locked", "reversed", "discarded"]),
        Column("ledger_entries", "kind", LedgerKind.self,
               ["stripping", "duties", "powers", "approvals", "cases721", "projects", "keyFirms", "disposals", "revenue", "debts", "audits", "workLogs"]),
    ]

    /// Migration 19's statements. NULL passes (`NULL NOT IN (…)` is not true), so nullable columns stay nullable.
    static func statements(_ backend: Backend) -> [String] {
        columns.flatMap { c -> [String] in
            switch backend {
            case .postgres:
                return ["ALTER TABLE \(c.table) ADD CONSTRAINT \(c.name) CHECK (\(c.column) IN (\(c.list)))"]
            case .sqlite:
                let refusal = "SELECT RAISE(ABORT, '\(c.table).\(c.column): 未知取值 / value not allowed')"
                let condition = "WHEN NEW.\(c.column) NOT IN (\(c.list))"
                return [
                    "CREATE TRIGGER \(c.name)_insert BEFORE INSERT ON \(c.table) FOR EACH ROW \(condition) BEGIN \(refusal); END",
                    "CREATE TRIGGER \(c.name)_update BEFORE UPDATE OF \(c.column) ON \(c.table) FOR EACH ROW \(condition) BEGIN \(refusal); END",
                ]
            }
        }
    }
}
