/// The figures a restructuring is judged by, for one snapshot.
///
/// "Units" are the zone's working units: everything except the zone root and the 党工委/管委会
/// container, whose share figures (新余 "区直管理机构占比") are taken over that set.
public struct OrgMetrics: Sendable, Equatable {
    public var units = 0
    public var unitsByKind: [UnitKind: Int] = [:]
    public var institutions = 0
    public var economicUnits = 0
    public var staff = 0
    public var economicStaff = 0
    public var establishment: [EstablishmentCategory: Int] = [:]
    public var leadership: [LeadershipClass: Int] = [:]

    public init(_ snapshot: OrgSnapshot) {
        let working = snapshot.liveUnits.filter { $0.kind != .zone && $0.kind != .committee }
        units = working.count
        for unit in working {
            unitsByKind[unit.kind, default: 0] += 1
            if unit.orgType == .institution { institutions += 1 }
            if unit.isEconomic { economicUnits += 1 }
        }
        let economic = Set(working.filter(\.isEconomic).map(\.ref))
        staff = snapshot.people.count
        economicStaff = snapshot.people.filter { economic.contains($0.unit) }.count
        for unit in snapshot.liveUnits {
            for (category, quota) in snapshot.establishment[unit.ref] ?? [:] { establishment[category, default: 0] += quota }
            for (quotaClass, quota) in snapshot.leadership[unit.ref] ?? [:] { leadership[quotaClass, default: 0] += quota }
        }
    }

    public var totalEstablishment: Int { establishment.values.reduce(0, +) }

    /// 科级领导职数 including 正科 and 副科 set separately.
    public var sectionLeadership: Int { leadership(counting: .sectionLevel) }

    /// Posts a class counts: 科级 takes in 正科 and 副科 set separately, 处级 正处 and 副处; the others count themselves.
    public func leadership(counting quotaClass: LeadershipClass) -> Int {
        let classes: [LeadershipClass] = switch quotaClass {
        case .sectionLevel: [.sectionLevel, .section, .deputySection]
        case .divisionLevel: [.divisionLevel, .division, .deputyDivision]
        default: [quotaClass]
        }
        return classes.reduce(0) { $0 + (leadership[$1] ?? 0) }
    }
}

/// Before vs after, as rows ready to show, plus who leaves and where to.
public struct PlanComparison: Sendable {
    public struct Row: Sendable, Equatable, Codable {
        public let label: String
        public let before: String
        public let after: String
        public let change: String
    }

    public let before: OrgMetrics
    public let after: OrgMetrics
    public let diverted: [(destination: String, count: Int)]

    public init(before: OrgSnapshot, after: OrgSnapshot) {
        self.before = OrgMetrics(before)
        self.after = OrgMetrics(after)
        diverted = after.diverted.map { ($0.key, $0.value.count) }.sorted { ($0.count, $1.destination) > ($1.count, $0.destination) }
    }

    /// Counts change as signed rates with one decimal; shares with up to two decimals (rounding
    /// half up in both), as the seed reports print them (新余: 60% → 78.57%, 科级职数 −18.3%).
    public var rows: [Row] {
        func count(_ label: String, _ b: Int, _ a: Int) -> Row {
            let difference = a - b
            let change = difference == 0 ? "—" : (difference > 0 ? "+" : "−") + "\(abs(difference))（\(Percent.change(from: b, to: a))）"
            return Row(label: label, before: String(b), after: String(a), change: change)
        }
        func share(_ label: String, _ bp: Int, _ bw: Int, _ ap: Int, _ aw: Int) -> Row {
            Row(label: label, before: Percent.share(bp, of: bw), after: Percent.share(ap, of: aw), change: "")
        }
        var rows = [count("机构数", before.units, after.units)]
        for kind in UnitKind.allCases where kind != .zone && kind != .committee {
            let b = before.unitsByKind[kind] ?? 0, a = after.unitsByKind[kind] ?? 0
            if b > 0 || a > 0 { rows.append(count("　" + kind.label, b, a)) }
        }
        rows.append(count("事业单位数", before.institutions, after.institutions))
        rows.append(share("经济职能机构占比", before.economicUnits, before.units, after.economicUnits, after.units))
        rows.append(count("核定编制合计", before.totalEstablishment, after.totalEstablishment))
        for category in EstablishmentCategory.allCases {
            let b = before.establishment[category] ?? 0, a = after.establishment[category] ?? 0
            if b > 0 || a > 0 { rows.append(count("　" + (category == .postCap ? "员额" : category.rawValue + "编制"), b, a)) }
        }
        rows.append(count("科级领导职数", before.sectionLeadership, after.sectionLeadership))
        rows.append(count("在册人员", before.staff, after.staff))
        rows.append(share("经济职能机构人员占比", before.economicStaff, before.staff, after.economicStaff, after.staff))
        return rows
    }
}
