/// The two sheets a new zone enters after `zonedesk zone create` — its 三定 org tree (`UnitImport.columns`)
/// and its register (`PeopleImport.columns`) — written from a demo zone's specs, so the demo's 潍坊, 仪征 and
/// 成都芯谷 are checked and written by the same imports a real zone's sheets go through.
///
/// ```swift
/// let units = try DemoSheets.units(DemoYizheng.zone.units)   // import units
/// let people = try DemoSheets.people(DemoYizheng.zone.people, units: DemoYizheng.zone.units) // then import people
/// ```
public enum DemoSheets {
    /// One row per unit, parents first (the specs' order). 上级机构 is the parent's name: the demo zones
    /// that use sheets give every unit a name of its own, as the register sheet's 单位 column needs.
    public static func units(_ units: [DemoZone.UnitSpec]) throws(ValidationError) -> CSVTable {
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0.name) })
        let rows = units.map { spec in
            var cells: [String: String] = [
                "机构名称": spec.name, "上级机构": spec.parentKey.flatMap { names[$0] } ?? "", "机构类别": spec.kind.label,
                "机构性质": spec.orgType.rawValue, "经费形式": spec.funding?.rawValue ?? "", "机构规格": spec.rank,
                "设立文件与时间": spec.document, "是否经济职能": spec.isEconomic ? "是" : "否",
            ]
            if spec.quota > 0 { cells[QuotaItem.establishment(spec.category).label] = String(spec.quota) }
            if spec.sectionLeaderPosts > 0 { cells[QuotaItem.leadership(.sectionLevel).label] = String(spec.sectionLeaderPosts) }
            return UnitImport.columns.map { cells[$0] ?? "" }
        }
        return try table(UnitImport.columns, rows)
    }

    /// One row per person, in the unit named by 单位.
    public static func people(_ people: [DemoZone.PersonSpec], units: [DemoZone.UnitSpec]) throws(ValidationError) -> CSVTable {
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0.name) })
        let rows = people.map { spec in
            let p = spec.person
            return [p.name, p.idNumber, p.phone ?? "", names[spec.unitKey] ?? spec.unitKey, p.establishment.rawValue, p.archivePost,
                    p.archiveRank, p.leadership?.rawValue ?? "", p.status.rawValue, p.workStartedOn ?? ""]
        }
        return try table(PeopleImport.columns, rows)
    }

    static func table(_ header: [String], _ rows: [[String]]) throws(ValidationError) -> CSVTable {
        try CSVTable(records: ([header] + rows).enumerated().map { (line: $0 + 1, cells: $1) })
    }
}
