/// What an applied plan did, frozen at the moment it was applied: the comparison rows, where
/// people went, and the names of the units its steps mention (some no longer exist afterwards).
public struct PlanOutcome: Sendable, Equatable, Codable {
    public struct Diverted: Sendable, Equatable, Codable {
        public let destination: String
        public let count: Int
    }

    public struct Name: Sendable, Equatable, Codable {
        public let ref: UnitRef
        public let name: String
    }

    public let rows: [PlanComparison.Row]
    public let diverted: [Diverted]
    public let names: [Name]

    public init(before: OrgSnapshot, after: OrgSnapshot, plan: RestructuringPlan) {
        let comparison = PlanComparison(before: before, after: after)
        rows = comparison.rows
        diverted = comparison.diverted.map { Diverted(destination: $0.destination, count: $0.count) }
        var names: [UnitRef: String] = [:]
        for unit in before.units + after.units where names[unit.ref] == nil { names[unit.ref] = unit.name }
        for step in plan.operations { if case .create(let new) = step { names[.new(new.key)] = new.name } }
        self.names = names.map { Name(ref: $0.key, name: $0.value) }.sorted { $0.name < $1.name }
    }
}
