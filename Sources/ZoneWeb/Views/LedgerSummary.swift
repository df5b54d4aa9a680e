import ZoneCore

/// The headline figures of each ledger, each linking to the rows behind it. The ledger list, the
/// overview, the dashboard and the annual report all print these, so a figure reads the same everywhere.
/// A rate computed over the rows says so; a published one the rows cannot reproduce (新余's 剥离率,
/// published without its denominator) is printed beside it as published, from the zone's policy.
enum LedgerSummary {
    struct Figure {
        let label: String
        let value: String
        let href: String
    }

    static func href(_ kind: LedgerKind, _ filters: [(String, String)] = []) -> String {
        "/ledgers/\(kind.rawValue)" + LedgerController.query(filters)
    }

    static func figures(_ kind: LedgerKind, _ f: LedgerFigures, rows: Int, policy: ZonePolicy?) -> [Figure] {
        switch kind {
        case .stripping:
            [Figure(label: "整体剥离", value: "\(f.stripping.full)项", href: href(kind, [("mode", "整体剥离")])),
             Figure(label: "部分剥离", value: "\(f.stripping.partial)项", href: href(kind, [("mode", "部分剥离")])),
             Figure(label: computedStrippingLabel, value: f.stripping.rateTenths.map(tenths) ?? "—", href: href(kind))]
            + (policy.flatMap { p in p.publishedStrippingRate.map { Figure(label: "剥离率（公开数据，\(p.source)）", value: $0.description, href: href(kind)) } }
                .map { [$0] } ?? [])
            + [Figure(label: "划转机构/人员", value: "\(f.stripping.institutions)所 / \(f.stripping.people)人", href: href(kind))]
        case .duties:
            [Figure(label: "移交权责事项", value: "\(f.dutiesTransferred)项", href: href(kind))]
        case .powers:
            [Figure(label: "现行使权限", value: "\(f.powers.held)项", href: href(kind)),
             Figure(label: "新增", value: "\(f.powers.added)项", href: href(kind, [("change", "新增")])),
             Figure(label: "调出", value: "\(f.powers.returned)项", href: href(kind, [("change", "调出")]))]
        case .approvals:
            [Figure(label: "下沉审批服务事项", value: "\(f.approvalsSunk)项", href: href(kind))]
        case .cases721:
            CaseMethod.allCases.map { method in
                Figure(label: "\(method.rawValue)（目标\(method.targetTenths / 10)%）",
                       value: f.cases.shareTenths(method).map(tenths) ?? "—", href: href(kind, [("method", method.rawValue)]))
            }
        case .projects:
            [Figure(label: "项目数", value: "\(rows)个", href: href(kind))]
        case .keyFirms:
            [Figure(label: "一对一专班服务企业", value: "\(f.keyFirms)家", href: href(kind))]
        case .disposals:
            [Figure(label: "盘活闲置土地", value: FixedPoint.format(f.idleLandTenths, places: 1) + "亩", href: href(kind, [("type", "闲置土地")])),
             Figure(label: "清理僵尸企业", value: "\(f.zombieFirms)家", href: href(kind, [("type", "僵尸企业")]))]
        case .revenue:
            f.fiscal.revenueFen.keys.sorted().map { year in
                Figure(label: "\(year)年分成收入", value: Fen.text(f.fiscal.revenueFen[year] ?? 0), href: href(kind, [("year", String(year))]))
            }
        case .debts:
            [Figure(label: "债务本金", value: Fen.text(f.fiscal.debtPrincipalFen), href: href(kind)),
             Figure(label: "累计化解", value: Fen.text(f.fiscal.debtResolvedFen), href: href(kind))]
        case .audits:
            [Figure(label: "完成审计单位", value: "\(f.fiscal.auditedUnits)家", href: href(kind))]
        case .workLogs:
            [Figure(label: "日志记录", value: "\(rows)条", href: href(kind))]
        }
    }

    static let computedStrippingLabel = "剥离率（按已录入台账计算）"

    /// "按已录入台账计算：100.0%（已剥离32项 / 录入32项）": the rate and the rows it is over.
    static func computedStripping(_ s: LedgerFigures.Stripping) -> String {
        "按已录入台账计算：" + (s.rateTenths.map(tenths) ?? "—") + "（已剥离\(s.stripped)项 / 录入\(s.stripped + s.retained)项）"
    }

    /// Tenths of a percent as text, "60.4%".
    static func tenths(_ value: Int) -> String { FixedPoint.format(value, places: 1) + "%" }
}
