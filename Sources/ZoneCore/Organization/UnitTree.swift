/// Parent/child navigation over a flat list of units, as loaded from the store.
public struct UnitTree: Sendable {
    public let units: [Unit]
    private let byID: [Int64: Unit]
    private let children: [Int64?: [Unit]]

    public init(_ units: [Unit]) {
        self.units = units
        byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        children = Dictionary(grouping: units, by: \.parentID)
            .mapValues { $0.sorted { ($0.sortOrder, $0.id) < ($1.sortOrder, $1.id) } }
    }

    public subscript(id: Int64) -> Unit? { byID[id] }

    public var roots: [Unit] { children[nil] ?? [] }

    public func children(of id: Int64) -> [Unit] { children[id] ?? [] }

    /// The unit and all its descendants; a department head's scope.
    public func subtree(of id: Int64) -> Set<Int64> {
        var result: Set<Int64> = []
        var stack = [id]
        while let next = stack.popLast() {
            guard byID[next] != nil, result.insert(next).inserted else { continue }
            stack.append(contentsOf: children(of: next).map(\.id))
        }
        return result
    }

    /// Depth-first order with depth, for rendering the tree as an indented table.
    public func flattened() -> [(unit: Unit, depth: Int)] {
        var out: [(Unit, Int)] = []
        func walk(_ unit: Unit, _ depth: Int) {
            out.append((unit, depth))
            for child in children(of: unit.id) { walk(child, depth + 1) }
        }
        roots.forEach { walk($0, 0) }
        return out
    }

    /// Root-first chain of names, e.g. "毕节高新区 / 管委会 / 组织人事部" (a sheet's reference joins them with "/").
    public func path(of id: Int64, separator: String = " / ") -> String {
        var names: [String] = []
        var current = byID[id]
        while let unit = current {
            names.append(unit.name)
            current = unit.parentID.flatMap { byID[$0] }
        }
        return names.reversed().joined(separator: separator)
    }
}
