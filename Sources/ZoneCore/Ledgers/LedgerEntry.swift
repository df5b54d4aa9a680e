/// A checked ledger row: canonical values by field key, plus the unit and person it belongs to
/// (the two references that scope who may see it).
public struct LedgerRecord: Sendable, Equatable {
    public let kind: LedgerKind
    public let values: [String: String]
    public let unitID: Int64?
    public let personID: Int64?

    public init(kind: LedgerKind, values: [String: String], unitID: Int64? = nil, personID: Int64? = nil) {
        self.kind = kind
        self.values = values
        self.unitID = unitID
        self.personID = personID
    }

    /// Uniqueness key enforced by the database, if the ledger has one.
    public var naturalKey: String? { kind.naturalKey(values, personID: personID) }

    public subscript(key: String) -> String { values[key] ?? "" }

    public func int(_ key: String) -> Int { Int(values[key] ?? "") ?? 0 }

    public func date(_ key: String) -> CivilDate? { try? CivilDate(parsing: values[key] ?? "") }

    /// "key=value" pairs in field order, for audit details.
    public var auditText: String {
        (["kind=\(kind.rawValue)"] + kind.fields.compactMap { field in
            switch field.kind {
            case .unit: unitID.map { "unit=\($0)" }
            case .person: personID.map { "person=\($0)" }
            default: values[field.key].flatMap { $0.isEmpty ? nil : "\(field.key)=\($0)" }
            }
        }).joined(separator: "; ")
    }

    /// The fields an edit changed, "key: old → new".
    public func changes(to next: LedgerRecord) -> [String] {
        var out: [String] = []
        for field in kind.fields {
            switch field.kind {
            case .unit where unitID != next.unitID: out.append("unit: \(unitID.map(String.init) ?? "") → \(next.unitID.map(String.init) ?? "")")
            case .person where personID != next.personID:
                out.append("person: \(personID.map(String.init) ?? "") → \(next.personID.map(String.init) ?? "")")
            case .unit, .person: break
            default:
                if self[field.key] != next[field.key] { out.append("\(field.key): \(self[field.key]) → \(next[field.key])") }
            }
        }
        return out
    }
}

/// A stored ledger row.
public struct LedgerEntry: Sendable, Equatable, Identifiable {
    public let id: Int64
    public var record: LedgerRecord
    public let version: Int

    public init(id: Int64, record: LedgerRecord, version: Int) {
        self.id = id
        self.record = record
        self.version = version
    }

    public var kind: LedgerKind { record.kind }
}

/// The units and people a ledger row may name: forms send ids; sheets send unit names, and for a person a
/// 身份证号 or the label an export writes (`LedgerPersonLabel`: the name, with the masked ID number where the
/// name is shared).
public struct LedgerReferences: Sendable {
    public struct PersonRef: Sendable {
        public let name: String
        public let unitID: Int64
        public let idNumber: String
        public init(name: String, unitID: Int64, idNumber: String) {
            self.name = name
            self.unitID = unitID
            self.idNumber = idNumber
        }
    }

    public let units: [Int64: String]
    public let people: [Int64: PersonRef]
    let unitsByName: [String: [Int64]]
    let peopleByIDNumber: [String: Int64]
    let peopleByName: [String: [Int64]]

    public init(units: [Int64: String], people: [Int64: PersonRef]) {
        self.units = units
        self.people = people
        unitsByName = Dictionary(grouping: units.keys, by: { units[$0]! })
        peopleByIDNumber = Dictionary(people.map { ($0.value.idNumber, $0.key) }, uniquingKeysWith: min)
        peopleByName = Dictionary(grouping: people.keys.sorted(), by: { people[$0]!.name })
    }

    /// The person a sheet's cell names, or why none: the message shows the cell as typed, masking it only when
    /// it is a whole ID number (someone's personal data, whoever they are).
    func person(named text: String) -> Result<Int64, ValidationError> {
        let upper = text.foldingFullWidth().uppercased()
        if ResidentID.hasFullShape(upper) {
            return peopleByIDNumber[upper].map(Result.success)
                ?? .failure(.invalid("身份证号“\(LedgerPersonLabel.masked(upper))”不在名册中或不在您的管理范围内"))
        }
        let label = LedgerPersonLabel.parse(text)
        let matches = (peopleByName[label?.name ?? text] ?? []).filter { id in
            label.map { LedgerPersonLabel.masked(people[id]!.idNumber) == $0.masked } ?? true
        }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(.invalid("人员“\(text)”不在名册中或不在您的管理范围内（可填姓名或身份证号）"))
        default: return .failure(.invalid("名册中有 \(matches.count) 人叫“\(text)”，请填写身份证号"))
        }
    }
}

/// Raw text from a form or a CSV row, checked field by field against a ledger's columns.
public struct LedgerInput: Sendable {
    public enum Source: Sendable { case form, sheet }

    public let kind: LedgerKind
    public var raw: [String: String]

    public init(kind: LedgerKind, raw: [String: String] = [:]) {
        self.kind = kind
        self.raw = raw
    }

    /// The stored row as a form shows it again.
    public init(_ record: LedgerRecord) {
        kind = record.kind
        var raw: [String: String] = [:]
        for field in record.kind.fields {
            switch field.kind {
            case .unit: raw[field.key] = record.unitID.map(String.init) ?? ""
            case .person: raw[field.key] = record.personID.map(String.init) ?? ""
            default: raw[field.key] = field.editable(record[field.key])
            }
        }
        self.raw = raw
    }

    public func validate(_ references: LedgerReferences, source: Source) -> Result<LedgerRecord, FieldErrors> {
        var errors = FieldErrors()
        var values: [String: String] = [:]
        var unitID: Int64?
        var personID: Int64?
        for field in kind.fields {
            guard let value = errors.capture(field.key, { () throws(ValidationError) in try field.canonical(raw[field.key] ?? "") }) else { continue }
            switch field.kind {
            case .unit where !value.isEmpty:
                let matches = source == .form ? (Int64(value).flatMap { references.units[$0] == nil ? nil : [$0] } ?? [])
                    : references.unitsByName[value] ?? []
                if matches.count == 1 { unitID = matches[0] } else {
                    errors.add(field.key, matches.isEmpty ? "单位“\(value)”不存在或不在您的管理范围内" : "单位名称“\(value)”不唯一")
                }
            case .person where !value.isEmpty:
                let found: Result<Int64, ValidationError> = source == .form
                    ? Int64(value).flatMap { references.people[$0] == nil ? nil : $0 }.map(Result.success) ?? .failure(.invalid("人员不存在或不在您的管理范围内"))
                    : references.person(named: value)
                switch found {
                case .success(let id): personID = id; unitID = references.people[id]?.unitID
                case .failure(let error): errors.add(field.key, error.message)
                }
            default:
                values[field.key] = value
            }
        }
        if errors.isEmpty { kind.crossCheck(values, &errors) }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(LedgerRecord(kind: kind, values: values, unitID: unitID, personID: personID))
    }
}
