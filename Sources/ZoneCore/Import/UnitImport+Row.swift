extension UnitImport {
    /// One row's cells, each parsed on its own; the tree is worked out afterwards by `Planner`.
    struct Row {
        let line: Int
        /// Empty when the name itself is refused.
        let name: String
        /// 上级机构 split into names; empty for a root.
        let parentRef: [String]
        let kind: UnitKind?
        let orgType: OrgType?
        let funding: Funding?
        let rank: String
        let register: UnitRegister
        let quotas: [QuotaItem: Int]
        let isEconomic: Bool
        var errors: [ImportRowError]
    }

    /// 机构类别 as written: the kinds' labels, and 党工委 or 管委会 alone for the combined body.
    static let kindsByLabel: [String: UnitKind] = Dictionary(uniqueKeysWithValues: UnitKind.allCases.map { ($0.label, $0) })
        .merging(["党工委": .committee, "管委会": .committee]) { first, _ in first }

    static func parse(line: Int, cell: (String) -> String) -> Row {
        var errors: [ImportRowError] = []
        func refuse(_ column: String, _ message: String) { errors.append(ImportRowError(line: line, column: column, message: message, cell: cell(column))) }
        func choice<T>(_ column: String, _ value: T?, _ allowed: [String]) -> T? {
            if value == nil { refuse(column, "应为" + allowed.joined(separator: "、") + "之一") }
            return value
        }
        var name = cell("机构名称").trimmingWhitespace()
        if name.isEmpty { refuse("机构名称", "必填") }
        else if name.count > maxName { refuse("机构名称", "不超过\(maxName)字") }
        else if name.contains(pathSeparator) { refuse("机构名称", "不能含“\(pathSeparator)”（上级机构用它分隔路径）") }
        if !errors.isEmpty { name = "" }
        let parentText = cell("上级机构").trimmingWhitespace()
        let parentRef = parentText.isEmpty ? [] : parentText.split(separator: pathSeparator, omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        if parentRef.contains(where: \.isEmpty) { refuse("上级机构", "路径中有空的机构名称") }
        let kind = choice("机构类别", kindsByLabel[cell("机构类别").trimmingWhitespace()], UnitKind.allCases.map(\.label))
        let orgType = choice("机构性质", OrgType(rawValue: cell("机构性质").trimmingWhitespace()), OrgType.allCases.map(\.rawValue))
        let fundingText = cell("经费形式").trimmingWhitespace()
        let funding = fundingText.isEmpty ? nil : choice("经费形式", Funding(rawValue: fundingText), Funding.allCases.map(\.rawValue) + ["空白"])
        let rank = cell("机构规格").trimmingWhitespace()
        if rank.count > maxRank { refuse("机构规格", "不超过\(maxRank)字") }
        var code = ""
        let codeText = cell("统一社会信用代码")
        if !codeText.trimmingWhitespace().isEmpty {
            do { code = try CreditCode(codeText).value } catch { refuse("统一社会信用代码", error.message) }
        }
        let established = cell("设立文件与时间").trimmingWhitespace()
        if established.count > UnitRegister.maxEstablishedBy { refuse("设立文件与时间", "不超过\(UnitRegister.maxEstablishedBy)字") }
        var quotas: [QuotaItem: Int] = [:]
        for item in QuotaItem.all {
            let text = cell(item.label)
            guard !text.trimmingWhitespace().isEmpty else { continue }
            if let n = BoundedInt.parse(text, in: 0...maxQuota) { quotas[item] = n } else { refuse(item.label, BoundedInt.message(item.label, 0...maxQuota)) }
        }
        let economic = cell("是否经济职能").trimmingWhitespace()
        if !["", "是", "否"].contains(economic) { refuse("是否经济职能", "应为“是”或“否”") }
        return Row(line: line, name: name, parentRef: parentRef, kind: kind, orgType: orgType, funding: funding, rank: rank,
                   register: UnitRegister(creditCode: code, establishedBy: established), quotas: quotas, isEconomic: economic == "是",
                   errors: errors)
    }
}
