extension UnitImport {
    /// Works out the tree the rows describe, matches it to the zone's units by path, and checks what only the
    /// whole sheet shows: unknown or ambiguous parents, cycles, two units of one name under one parent, a credit
    /// code used twice, quotas below the people already holding them.
    struct Planner {
        let rows: [Row]
        let book: QuotaBook
        let registers: [Int64: UnitRegister]
        let existingPath: [Int64: String]
        let existingByPath: [String: [Int64]]
        var parent: [Parent?]
        var path: [String?]
        var errors: [ImportRowError]
        var entries: [Entry] = []
        var changes: [QuotaChange] = []
        var unlisted: [Int64] = []

        init(rows: [Row], book: QuotaBook, registers: [Int64: UnitRegister]) {
            self.rows = rows
            self.book = book
            self.registers = registers
            var paths: [Int64: String] = [:]
            for (unit, _) in book.tree.flattened() {
                paths[unit.id] = unit.parentID.flatMap { paths[$0] }.map { $0 + String(pathSeparator) + unit.name } ?? unit.name
            }
            existingPath = paths
            existingByPath = Dictionary(grouping: paths.keys.sorted(), by: { paths[$0]! })
            parent = Array(repeating: nil, count: rows.count)
            path = Array(repeating: nil, count: rows.count)
            errors = rows.flatMap(\.errors)
        }

        mutating func run() {
            resolveParents()
            placeRows()
            match()
            guard errors.isEmpty else { return }
            checkHeadcounts()
        }

        mutating func refuse(_ row: Int, _ column: String, _ message: String) {
            errors.append(ImportRowError(line: rows[row].line, column: column, message: message))
        }

        /// A single name names the one row of that name, else the one existing unit; a path names an existing
        /// unit now, or a row once the rows' paths are known (`placeRows`).
        mutating func resolveParents() {
            var rowsByName: [String: [Int]] = [:]
            for (i, row) in rows.enumerated() where !row.name.isEmpty { rowsByName[row.name, default: []].append(i) }
            var existingByName: [String: [Int64]] = [:]
            for unit in book.tree.units { existingByName[unit.name, default: []].append(unit.id) }
            for (i, row) in rows.enumerated() where !row.name.isEmpty && !row.parentRef.contains(where: \.isEmpty) {
                let shown = row.parentRef.joined(separator: String(pathSeparator))
                if row.parentRef.isEmpty {
                    parent[i] = .root
                } else if row.parentRef.count == 1 {
                    let named = rowsByName[shown] ?? [], units = existingByName[shown] ?? []
                    if named.count == 1 { parent[i] = named[0] == i ? nil : .entry(named[0]) }
                    else if named.isEmpty && units.count == 1 { parent[i] = .unit(units[0]) }
                    if named.first == i && named.count == 1 { refuse(i, "上级机构", "不能是本机构自身") }
                    else if named.count > 1 || (named.isEmpty && units.count > 1) {
                        refuse(i, "上级机构", "上级机构“\(shown)”不唯一，请写成从顶层机构起的路径，如“上级\(pathSeparator)下级”")
                    } else if named.isEmpty && units.isEmpty { refuse(i, "上级机构", "上级机构“\(shown)”不存在") }
                } else if let units = existingByPath[shown], units.count == 1 {
                    parent[i] = .unit(units[0])
                }
            }
        }

        /// Gives each row its path, parents first; what is left is under an unknown path or in a cycle.
        mutating func placeRows() {
            var byPath: [String: Int] = [:]
            var progress = true
            while progress {
                progress = false
                for i in rows.indices where path[i] == nil && !rows[i].name.isEmpty {
                    var base: String?  // the parent's path; nil for a root
                    switch parent[i] {
                    case .root?: break
                    case .unit(let id)?: base = existingPath[id]
                    case .entry(let j)?:
                        guard let p = path[j] else { continue }
                        base = p
                    case nil:
                        // A path reference: waits until some row has that path.
                        guard rows[i].parentRef.count > 1, let j = byPath[rows[i].parentRef.joined(separator: String(pathSeparator))] else { continue }
                        parent[i] = .entry(j)
                        base = path[j]
                    }
                    let full = base.map { $0 + String(pathSeparator) + rows[i].name } ?? rows[i].name
                    path[i] = full
                    if let first = byPath[full] {
                        refuse(i, "机构名称", "与第\(rows[first].line)行重复：同一上级下已有“\(rows[i].name)”")
                    } else {
                        byPath[full] = i
                    }
                    progress = true
                }
            }
            for i in rows.indices where path[i] == nil && !rows[i].name.isEmpty {
                if parent[i] == nil && rows[i].parentRef.count > 1 && !rows[i].parentRef.contains(where: \.isEmpty) {
                    refuse(i, "上级机构", "上级机构“\(rows[i].parentRef.joined(separator: String(pathSeparator)))”不存在")
                } else if let cycle = cycle(from: i) {
                    refuse(i, "上级机构", "上级机构形成循环：" + cycle.map { rows[$0].name }.joined(separator: " → "))
                }
            }
        }

        /// The rows of the cycle `i` is on, from `i` back to `i`; nil when `i` only hangs below one.
        func cycle(from i: Int) -> [Int]? {
            var chain = [i]
            var current = i
            while case .entry(let j)? = parent[current], chain.count <= rows.count {
                chain.append(j)
                if j == i { return chain }
                current = j
            }
            return nil
        }
    }
}
