extension UnitImport.Planner {

    /// Pairs each placed row with the existing unit of its path, checks credit codes across the zone, and builds
    /// the entries (parents first) and their quota changes. Needs every row placed and valid.
    mutating func match() {
        var matched: [Int: Int64] = [:]
        var codes: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            guard let full = path[i] else { continue }
            let units = existingByPath[full] ?? []
            if units.count > 1 { refuse(i, "机构名称", "现有机构中有多个“\(full)”，无法确定对应哪一个") }
            if units.count == 1 { matched[i] = units[0] }
            guard !row.register.creditCode.isEmpty else { continue }
            if let first = codes[row.register.creditCode] {
                refuse(i, "统一社会信用代码", "与第\(rows[first].line)行重复")
            } else {
                codes[row.register.creditCode] = i
            }
        }
        let mine = Set(matched.values)
        for (id, register) in registers.sorted(by: { $0.key < $1.key }) where !mine.contains(id) && !register.creditCode.isEmpty {
            if let i = codes[register.creditCode] { refuse(i, "统一社会信用代码", "与现有机构“\(book.tree[id]?.name ?? "")”重复") }
        }
        guard errors.isEmpty else { return }
        build(matched: matched)
    }

    mutating func build(matched: [Int: Int64]) {
        // A path has one more name than its parent's, so ordering by depth puts parents first; the sort is stable.
        let order = rows.indices.sorted { (depth(path[$0]!), $0) < (depth(path[$1]!), $1) }
        var entryOf: [Int: Int] = [:]
        let base = (book.tree.units.map(\.sortOrder).max() ?? 0) + 1
        for i in order {
            let row = rows[i], existing = matched[i].flatMap { book.tree[$0] }
            let place: UnitImport.Parent = switch parent[i]! {
            case .root: .root
            case .unit(let id): .unit(id)
            case .entry(let j): matched[j].map(UnitImport.Parent.unit) ?? .entry(entryOf[j]!)
            }
            let unit = Unit(id: existing?.id ?? 0, parentID: existing?.parentID, name: row.name, kind: row.kind!, orgType: row.orgType!,
                            funding: row.funding, rank: row.rank, isEconomic: row.isEconomic, sortOrder: existing?.sortOrder ?? base + row.line)
            let changed = existing.map { e in
                (e.kind, e.orgType, e.funding, e.rank, e.isEconomic) != (unit.kind, unit.orgType, unit.funding, unit.rank, unit.isEconomic)
                    || registers[e.id] ?? UnitRegister() != row.register
            } ?? false
            entryOf[i] = entries.count
            let old = existing.map(quotas) ?? [:]
            for item in QuotaItem.all where old[item] != row.quotas[item] {
                if case .establishment(let c) = item, (row.quotas[item] ?? 0) > 0, let refusal = book.organization?.refusal(c, for: .quota) {
                    errors.append(ImportRowError(line: row.line, column: item.label, message: refusal.message))
                }
                changes.append(UnitImport.QuotaChange(entry: entries.count, item: item, old: old[item], new: row.quotas[item]))
            }
            entries.append(UnitImport.Entry(line: row.line, unit: unit, parent: place, register: row.register, quotas: row.quotas,
                                 existingID: existing?.id, fieldsChanged: changed, path: path[i]!))
        }
        let named = Set(matched.values)
        unlisted = book.tree.flattened().map(\.unit.id).filter { !named.contains($0) }
    }

    func depth(_ path: String) -> Int { path.count(where: { $0 == UnitImport.pathSeparator }) }

    /// A unit's quotas as it holds them now.
    func quotas(_ unit: Unit) -> [QuotaItem: Int] {
        var out: [QuotaItem: Int] = [:]
        for (c, n) in book.establishment[unit.id] ?? [:] { out[.establishment(c)] = n }
        for (c, n) in book.leadership[unit.id] ?? [:] { out[.leadership(c)] = n }
        return out
    }

    /// Refuses a quota lowered or withdrawn below the people already counting against it. The zone is checked as
    /// it would be after the import (new units under stand-in ids; people stay where they are): every holder over
    /// its limit then, and not over it as far already, is a row error on the nearest unit the sheet names.
    mutating func checkHeadcounts() {
        guard !book.placements.isEmpty else { return }
        var units = Dictionary(uniqueKeysWithValues: book.tree.units.map { ($0.id, $0) })
        var establishment = book.establishment, leadership = book.leadership
        var lineOf: [Int64: Int] = [:]
        for (k, entry) in entries.enumerated() {
            let id = entry.existingID ?? -Int64(k + 1)
            var unit = entry.unit
            unit.id = id
            if entry.existingID == nil {
                unit.parentID = switch entry.parent {
                case .root: nil
                case .unit(let p): p
                case .entry(let p): -Int64(p + 1)
                }
            }
            units[id] = unit
            establishment[id] = entry.establishment.isEmpty ? nil : entry.establishment
            leadership[id] = entry.leadership.isEmpty ? nil : entry.leadership
            lineOf[id] = entry.line
        }
        let after = QuotaBook(tree: UnitTree(Array(units.values)), establishment: establishment, leadership: leadership,
                              approvedEstablishment: book.approvedEstablishment, approvedLeadership: book.approvedLeadership,
                              flatUnits: book.flatUnits, placements: book.placements, organization: book.organization)
        let before = book.overages()
        for v in after.overages() where !before.contains(where: { $0.kind == v.kind && $0.unitID == v.unitID && $0.limit <= v.limit }) {
            let line = after.ancestors(of: v.unitID).lazy.compactMap { lineOf[$0] }.first ?? 1
            errors.append(ImportRowError(line: line, column: Self.column(v.kind), message: "核定数少于现有人数：" + v.message))
        }
    }

    static func column(_ kind: QuotaViolation.Kind) -> String {
        switch kind {
        case .establishment(let c), .noEstablishment(let c), .notInPolicy(let c, _): QuotaItem.establishment(c).label
        case .leadership(let c): QuotaItem.leadership(c).label
        case .noLeadership(let r): QuotaItem.leadership(r.quotaClasses[0]).label
        case .flatStaffing: "机构名称"
        }
    }
}
