/// A named draft of the future organisation: operations applied in order to today's snapshot.
/// It never touches live data; the store applies an approved plan in one transaction.
///
/// ```swift
/// let plan = RestructuringPlan(name: "大部制改革", operations: [.merge(sources: [.existing(3), .existing(4)], into: .existing(2))])
/// let after = try plan.apply(to: today)
/// let table = PlanComparison(before: today, after: after)
/// ```
public struct RestructuringPlan: Hashable, Codable, Sendable {
    public var name: String
    public var operations: [PlanOperation]

    public init(name: String, operations: [PlanOperation] = []) {
        self.name = name
        self.operations = operations
    }

    public func apply(to snapshot: OrgSnapshot) throws(PlanError) -> OrgSnapshot {
        var state = snapshot
        for (index, operation) in operations.enumerated() {
            try Self.apply(operation, to: &state, step: index + 1)
        }
        return state
    }

    static func apply(_ operation: PlanOperation, to s: inout OrgSnapshot, step: Int) throws(PlanError) {
        func live(_ ref: UnitRef) throws(PlanError) -> Int {
            guard let i = s.units.firstIndex(where: { $0.ref == ref }) else { throw PlanError(step: step, message: "单位\(ref)不存在") }
            guard !s.units[i].abolished else { throw PlanError(step: step, message: "“\(s.units[i].name)”已在前面的步骤中撤销") }
            return i
        }
        func send(_ people: [Int], to destination: Destination) throws(PlanError) {
            switch destination {
            case .unit(let target):
                _ = try live(target)
                for p in people { s.people[p].unit = target }
            case .diverted(let place):
                guard !place.isEmpty else { throw PlanError(step: step, message: "分流去向不能为空") }
                let leaving = people.map { s.people[$0] }
                s.diverted[place, default: []].append(contentsOf: leaving)
                let gone = Set(people)
                s.people = s.people.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
            }
        }
        func peopleIn(_ ref: UnitRef) -> [Int] { s.people.indices.filter { s.people[$0].unit == ref } }

        switch operation {
        case .create(let new):
            guard s.unit(.new(new.key)) == nil else { throw PlanError(step: step, message: "新设单位代号“\(new.key)”重复") }
            guard !new.name.isEmpty else { throw PlanError(step: step, message: "新设单位须有名称") }
            if let parent = new.parent { _ = try live(parent) }
            guard !s.liveUnits.contains(where: { $0.parent == new.parent && $0.name == new.name }) else {
                throw PlanError(step: step, message: "同一上级下已有“\(new.name)”")
            }
            s.units.append(.init(ref: .new(new.key), name: new.name, parent: new.parent, kind: new.kind, orgType: new.orgType,
                                 isEconomic: new.isEconomic))
        case .merge(let sources, let target):
            _ = try live(target)
            guard !sources.isEmpty, !sources.contains(target) else { throw PlanError(step: step, message: "合并的来源不能为空或包含目标单位") }
            for source in sources {
                let i = try live(source)
                guard !s.units.contains(where: { $0.parent == source && !$0.abolished }) else {
                    throw PlanError(step: step, message: "“\(s.units[i].name)”下还有单位，请先调整其下属单位")
                }
                try send(peopleIn(source), to: .unit(target))
                s.units[i].abolished = true
                s.establishment[source] = nil
                s.leadership[source] = nil
            }
        case .abolish(let ref, let destination):
            let i = try live(ref)
            guard !s.units.contains(where: { $0.parent == ref && !$0.abolished }) else {
                throw PlanError(step: step, message: "“\(s.units[i].name)”下还有单位，请先调整其下属单位")
            }
            if case .unit(let target) = destination, target == ref { throw PlanError(step: step, message: "人员去向不能是被撤销的单位本身") }
            try send(peopleIn(ref), to: destination)
            s.units[i].abolished = true
            s.establishment[ref] = nil
            s.leadership[ref] = nil
        case .movePeople(let ids, let destination):
            var indices: [Int] = []
            for id in ids {
                guard let p = s.people.firstIndex(where: { $0.id == id }) else {
                    throw PlanError(step: step, message: "人员\(id)不在当前方案的在册人员中")
                }
                indices.append(p)
            }
            try send(indices, to: destination)
        case .setEstablishment(let ref, let category, let quota):
            _ = try live(ref)
            guard (quota ?? 0) >= 0 else { throw PlanError(step: step, message: "编制数不能为负") }
            if (quota ?? 0) > 0, let refusal = s.organization?.refusal(category, for: .quota) { throw PlanError(step: step, message: refusal.message) }
            s.establishment[ref, default: [:]][category] = quota
        case .setLeadership(let ref, let quotaClass, let quota):
            _ = try live(ref)
            guard (quota ?? 0) >= 0 else { throw PlanError(step: step, message: "职数不能为负") }
            s.leadership[ref, default: [:]][quotaClass] = quota
        case .setEconomic(let ref, let economic):
            s.units[try live(ref)].isEconomic = economic
        case .rename(let ref, let name):
            guard !name.isEmpty else { throw PlanError(step: step, message: "名称不能为空") }
            s.units[try live(ref)].name = name
        }
    }
}
