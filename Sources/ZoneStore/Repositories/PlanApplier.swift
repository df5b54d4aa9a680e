import SQLKit
import ZoneCore

/// Executes plan steps as SQL inside the applying transaction, resolving units the plan creates
/// to their new ids as it goes. The steps were already validated on the same snapshot.
struct PlanApplier {
    let tx: any SQLDatabase
    let zoneID: Int64
    let now: String
    /// The date people leave on (分流), yyyy-MM-dd.
    let today: String
    let actor: String
    /// The 编制台账 lines of the plan's quota steps name the plan.
    let approval: ChangeApproval
    var created: [String: Int64] = [:]

    init(tx: any SQLDatabase, zoneID: Int64, now: String, today: CivilDate, actor: String, planName: String) {
        self.tx = tx
        self.zoneID = zoneID
        self.now = now
        self.today = today.description
        self.actor = actor
        approval = ChangeApproval(documentNo: "", approvedOn: today, summary: "实施机构改革方案“\(planName)”")
    }

    func id(_ ref: UnitRef) -> Int64 {
        switch ref {
        case .existing(let id): id
        case .new(let key): created[key]!
        }
    }

    /// Runs one step; returns a short description for the audit log.
    mutating func apply(_ operation: PlanOperation) async throws -> String {
        switch operation {
        case .create(let new):
            let unitID = try await insertReturningID(tx, """
                INSERT INTO units (zone_id, parent_id, name, kind, org_type, funding, rank, is_economic, sort_order)
                VALUES (\(bind: zoneID), \(bind: new.parent.map(id)), \(bind: new.name), \(bind: new.kind.rawValue),
                        \(bind: new.orgType.rawValue), \(bind: new.funding?.rawValue), \(bind: new.rank), \(bind: new.isEconomic ? 1 : 0), 1000)
                """)
            created[new.key] = unitID
            return "create unit=\(unitID) name=\(new.name)"
        case .merge(let sources, let target):
            var moved = 0
            for source in sources {
                moved += try await movePeople(of: id(source), to: .unit(target))
                try await abolish(id(source))
            }
            return "merge sources=\(sources.map { String(id($0)) }.joined(separator: ",")) into=\(id(target)) people=\(moved)"
        case .abolish(let ref, let destination):
            let moved = try await movePeople(of: id(ref), to: destination)
            try await abolish(id(ref))
            return "abolish unit=\(id(ref)) people=\(moved) to=\(describe(destination))"
        case .movePeople(let ids, let destination):
            for personID in ids { try await move(personID, to: destination) }
            return "move people=\(ids.map(String.init).joined(separator: ",")) to=\(describe(destination))"
        case .setEstablishment(let ref, let category, let quota):
            try await EstablishmentLedger.set(.establishment(category), unitID: id(ref), zoneID: zoneID, to: quota, approval: approval,
                                              actor: actor, at: now, in: tx)
            return "establishment unit=\(id(ref)) \(category.rawValue)=\(quota.map(String.init) ?? "none")"
        case .setLeadership(let ref, let quotaClass, let quota):
            try await EstablishmentLedger.set(.leadership(quotaClass), unitID: id(ref), zoneID: zoneID, to: quota, approval: approval,
                                              actor: actor, at: now, in: tx)
            return "leadership unit=\(id(ref)) \(quotaClass.rawValue)=\(quota.map(String.init) ?? "none")"
        case .setEconomic(let ref, let economic):
            try await tx.raw("UPDATE units SET is_economic = \(bind: economic ? 1 : 0), version = version + 1 WHERE id = \(bind: id(ref))").run()
            return "economic unit=\(id(ref)) value=\(economic)"
        case .rename(let ref, let name):
            try await tx.raw("UPDATE units SET name = \(bind: name), version = version + 1 WHERE id = \(bind: id(ref))").run()
            return "rename unit=\(id(ref)) name=\(name)"
        }
    }

    func describe(_ destination: Destination) -> String {
        switch destination {
        case .unit(let ref): "unit \(id(ref))"
        case .diverted(let place): "分流:\(place)"
        }
    }

    /// Abolished units keep their row (history and people's past placements point at them); their quotas are
    /// withdrawn through the 台账, so its lines show what the plan took away.
    func abolish(_ unitID: Int64) async throws {
        try await tx.raw("UPDATE units SET abolished = 1, version = version + 1 WHERE id = \(bind: unitID)").run()
        for item in QuotaItem.all {
            try await EstablishmentLedger.set(item, unitID: unitID, zoneID: zoneID, to: nil, approval: approval, actor: actor, at: now, in: tx)
        }
    }

    func movePeople(of unitID: Int64, to destination: Destination) async throws -> Int {
        let ids = try await tx.raw("""
            SELECT id FROM people WHERE unit_id = \(bind: unitID) AND status NOT IN (\(binds: PersonStatus.departedValues))
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        for personID in ids { try await move(personID, to: destination) }
        return ids.count
    }

    /// A person moved keeps their record; one diverted (分流) stays on the register with status 分流,
    /// the destination and date recorded, and gives up any leadership post.
    func move(_ personID: Int64, to destination: Destination) async throws {
        switch destination {
        case .unit(let ref):
            try await tx.raw("""
                UPDATE people SET unit_id = \(bind: id(ref)), version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: personID)
                """).run()
        case .diverted(let place):
            try await tx.raw("""
                UPDATE people SET status = \(bind: PersonStatus.diverted.rawValue), departure = \(bind: place), departed_on = \(bind: today),
                    leadership_rank = NULL, version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: personID)
                """).run()
        }
    }
}
