/// The reform figures of SPEC §E, computed from ledger rows (never typed in as totals), so every
/// figure on the dashboard and in the annual report can be traced to the rows behind it.
///
/// Rates are integer tenths of a percent, rounded half up (`Percent.tenths`); money is fen.
public struct LedgerFigures: Sendable, Equatable {
    /// 社会事务剥离. The seeds print a rate without its definition (新余: "17项整体剥离、15项部分剥离…
    /// 剥离率达60%"); we read it as the share of the zone's social-affairs items that were stripped
    /// at all: (整体 + 部分) / (整体 + 部分 + 保留). The denominator comes from the 保留 rows.
    public struct Stripping: Sendable, Equatable {
        public var full = 0, partial = 0, retained = 0, institutions = 0, people = 0
        public var stripped: Int { full + partial }
        public var rateTenths: Int? { Percent.tenths(stripped, of: stripped + retained) }
    }

    /// 赋权: powers held now (保留 + 新增), received (新增) and returned (调出).
    public struct Powers: Sendable, Equatable {
        public var kept = 0, added = 0, returned = 0
        public var held: Int { kept + added }
    }

    /// 721工作法: cases closed by each method and the share of each, against 70/20/10.
    public struct CaseMix: Sendable, Equatable {
        public var counts: [CaseMethod: Int] = [:]
        public var total: Int { counts.values.reduce(0, +) }
        public func shareTenths(_ method: CaseMethod) -> Int? { Percent.tenths(counts[method] ?? 0, of: total) }
    }

    public struct Fiscal: Sendable, Equatable {
        public var debtPrincipalFen: Int64 = 0, debtResolvedFen: Int64 = 0, auditedUnits = 0
        /// 债务化解率: resolved over principal.
        public var debtResolvedTenths: Int? { Percent.tenths(Int(debtResolvedFen), of: Int(debtPrincipalFen)) }
        /// Revenue shared to the zone, by year.
        public var revenueFen: [Int: Int64] = [:]
    }

    public var stripping = Stripping()
    public var dutiesTransferred = 0
    public var powers = Powers()
    public var approvalsSunk = 0
    public var cases = CaseMix()
    public var keyFirms = 0
    public var idleLandTenths = 0
    public var zombieFirms = 0
    public var fiscal = Fiscal()

    public init(_ records: [LedgerRecord]) {
        for r in records {
            switch r.kind {
            case .stripping:
                switch StrippingMode(rawValue: r["mode"]) {
                case .full: stripping.full += 1
                case .partial: stripping.partial += 1
                case .retained: stripping.retained += 1
                case nil: break
                }
                stripping.institutions += r.int("institutions")
                stripping.people += r.int("people")
            case .duties: dutiesTransferred += r.int("items")
            case .powers:
                switch PowerChange(rawValue: r["change"]) {
                case .kept: powers.kept += 1
                case .added: powers.added += 1
                case .returned: powers.returned += 1
                case nil: break
                }
            case .approvals: approvalsSunk += 1
            case .cases721: if let method = CaseMethod(rawValue: r["method"]) { cases.counts[method, default: 0] += 1 }
            case .keyFirms: keyFirms += 1
            case .disposals:
                idleLandTenths += r.int("area")
                if r["type"] == DisposalType.zombieFirm.rawValue { zombieFirms += 1 }
            case .revenue: fiscal.revenueFen[r.int("year"), default: 0] += Int64(r.int("amount"))
            case .debts:
                fiscal.debtPrincipalFen += Int64(r.int("principal"))
                fiscal.debtResolvedFen += Int64(r.int("resolved"))
            case .audits: fiscal.auditedUnits += 1
            case .projects, .workLogs: break
            }
        }
    }
}
