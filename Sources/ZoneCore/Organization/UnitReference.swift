/// How a sheet names a unit: its name where that is unique in the zone, else its name with as many
/// of its parents in front as make it unique (`大数据产业园管理办/招商服务部`, up to the full path from
/// the root), as the 三定 sheet's 上级机构 column does. One zone of 一区多园 has a 招商服务部 in every park.
public struct UnitReference: Sendable {
    /// Units by their own name; a reference's last part picks the candidates, its earlier parts their ancestors.
    let byName: [String: [Int64]]
    let tree: UnitTree

    public init(_ tree: UnitTree) {
        self.tree = tree
        var byName: [String: [Int64]] = [:]
        for unit in tree.units { byName[unit.name, default: []].append(unit.id) }
        self.byName = byName
    }

    public enum Resolution: Equatable, Sendable {
        case unit(Int64)
        case missing
        /// Several units fit; the message names them by full path so the sheet can be corrected.
        case ambiguous([String])
    }

    public func resolve(_ text: String) -> Resolution {
        let parts = text.split(separator: UnitImport.pathSeparator, omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard let name = parts.last, !name.isEmpty else { return .missing }
        let matches = (byName[name] ?? []).filter { hasAncestors(Array(parts.dropLast()), $0) }
        switch matches.count {
        case 0: return .missing
        case 1: return .unit(matches[0])
        default: return .ambiguous(matches.map { tree.path(of: $0, separator: String(UnitImport.pathSeparator)) })
        }
    }

    /// The Chinese message for a reference that does not name exactly one unit.
    public func problem(_ text: String) -> String? {
        switch resolve(text) {
        case .unit: nil
        case .missing: "单位“\(text)”不存在"
        case .ambiguous(let paths):
            "单位名称“\(text)”不唯一（\(paths.joined(separator: "；"))），请在前面加上级机构，如“\(paths[0].split(separator: UnitImport.pathSeparator).suffix(2).joined(separator: String(UnitImport.pathSeparator)))”"
        }
    }

    /// Whether `names` (nearest last) are the closest ancestors of `id`, in order.
    private func hasAncestors(_ names: [String], _ id: Int64) -> Bool {
        var current = tree[id]?.parentID.flatMap { tree[$0] }
        for name in names.reversed() {
            guard let unit = current, unit.name == name else { return false }
            current = unit.parentID.flatMap { tree[$0] }
        }
        return true
    }
}
