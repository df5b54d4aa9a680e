import SQLKit
import ZoneCore

extension AppraisalRepository {
    /// Computes everyone's result from what is stored, under the appraisal's own policy version,
    /// and stores it (status 已计算). A refusal lists every missing or inconsistent input.
    @discardableResult
    public func compute(appraisalID: Int64, zoneID: Int64, actor: String) async throws -> AnnualAppraisalOutcome {
        let repo = self, now = clock.isoTimestamp
        return try await change(appraisalID, zoneID: zoneID, allowed: [.draft, .computed], actor: actor, action: "appraisal.compute",
                                detail: "computed_at=\(now)") { tx, appraisal in
            let rules = try await repo.policies.require(zoneID: zoneID, version: appraisal.policyVersion, in: tx).policy.appraisal
            let data = try await repo.computationData(appraisalID: appraisalID, zoneID: zoneID, rules: rules, in: tx)
            let outcome: AnnualAppraisalOutcome
            do {
                outcome = try AnnualAppraisal.run(subjects: data.subjects, sheets: data.sheets, exemptions: data.exemptions,
                                                  approvedGroups: data.approvedGroups, rules: rules)
            } catch let problems as AnnualAppraisal.Problems {
                throw StoreError.invalid(problems.messages.joined(separator: "；"))
            } catch let error as AppraisalError {
                throw StoreError.invalid(error.message)
            }
            let coefficients = try data.coefficients(sheetScores: outcome.sheetScores, rule: rules.departmentCoefficient)
            try await Self.dropResults(appraisalID, in: tx)
            let keys = rules.grades.keys
            try await insertRows(tx, into: "appraisal_results", columns: [
                "appraisal_id", "person_id", "unit_id", "group_key", "kpi", "worklog", "score", "grade", "computed_grade",
                "bottom_band", "vetoed", "flagged",
            ], rows: outcome.people.map { person in
                [appraisalID, person.personID, data.unitOf[person.personID]!, person.groupKey, Int(person.kpi), Int(person.worklog),
                 Int(person.score), keys[person.gradeRank], keys[person.gradeRank], person.bottomBand ? 1 : 0, person.vetoed ? 1 : 0,
                 person.flagged ? 1 : 0]
            })
            let ties = Dictionary(grouping: outcome.ties, by: \.groupKey)
            try await insertRows(tx, into: "appraisal_groups", columns: [
                "appraisal_id", "group_key", "size", "vetoed", "approved_cap", "rounded_cap", "cap_count", "floor_count", "eligible", "top", "ties",
            ], rows: outcome.groups.map { group in
                let t = group.tally
                let text = (ties[group.groupKey] ?? []).map { "\($0.boundary.label)：\(ScoreScale.text($0.score))分 \($0.personIDs.count)人并列" }
                    .joined(separator: "；")
                return [appraisalID, group.groupKey, Int(t.size), Int(t.vetoed), t.approvedCap ? 1 : 0, Int(t.roundedCap), Int(t.capCount),
                        Int(t.floorCount), Int(t.eligible), Int(t.top), text]
            })
            try await tx.raw("DELETE FROM department_results WHERE appraisal_id = \(bind: appraisalID)").run()
            try await insertRows(tx, into: "department_results", columns: ["appraisal_id", "unit_id", "score", "coefficient_milli"],
                                 rows: coefficients.map { [appraisalID, $0.unitID, $0.score.map(Int.init), $0.milli] })
            try await tx.raw("UPDATE appraisals SET status = 'computed', computed_at = \(bind: now) WHERE id = \(bind: appraisalID)").run()
            return outcome
        }
    }

    /// Everything the engine needs, read in the computing transaction.
    struct ComputationData {
        var subjects: [AppraisalSubject] = []
        var sheets: [AppraisalSheet] = []
        var exemptions: Set<AppraisalExemption> = []
        var approvedGroups: Set<Int64> = []
        var unitOf: [Int64: Int64] = [:]
        /// Per live unit, the sheet that scores it (its own, else the nearest ancestor's, else the zone's).
        var unitSheet: [(unitID: Int64, sheet: Int?)] = []
        /// Coefficients entered by hand (assigned policies).
        var assigned: [Int64: Int] = [:]

        func coefficients(sheetScores: [Int32], rule: DepartmentCoefficientRule) throws -> [(unitID: Int64, score: Int32?, milli: Int)] {
            var out: [(Int64, Int32?, Int)] = []
            var missing: [Int64] = []
            for (unitID, sheet) in unitSheet {
                let score = sheet.map { sheetScores[$0] }
                switch rule.source {
                case .scoreBands:
                    guard let score else { missing.append(unitID); continue }
                    do { out.append((unitID, score, Int(try DepartmentCoefficients.fromScores([score], rule: rule)[0]))) } catch {
                        throw StoreError.invalid(error.message)
                    }
                case .assigned:
                    if let milli = assigned[unitID] {
                        out.append((unitID, score, milli))
                    } else if rule.range.contains(1.0) {
                        out.append((unitID, score, 1000))
                    } else {
                        missing.append(unitID)
                    }
                }
            }
            if !missing.isEmpty {
                throw StoreError.invalid("以下单位无法确定部门价值系数（无部门指标或未审定系数）：单位编号 \(missing.map(String.init).joined(separator: "、"))")
            }
            return out
        }
    }

    func computationData(appraisalID: Int64, zoneID: Int64, rules: AppraisalRules, in tx: any SQLDatabase) async throws -> ComputationData {
        var data = ComputationData()
        let units = try await tx.raw("SELECT id, parent_id, name FROM units WHERE zone_id = \(bind: zoneID) ORDER BY id").all().map { row in
            (id: try row.decode(column: "id", as: Int64.self), parent: try row.decode(column: "parent_id", as: Int64?.self),
             name: try row.decode(column: "name", as: String.self))
        }
        let parentOf = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.parent) })
        let unitName = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let people = try await tx.raw("""
            SELECT p.id, p.unit_id, p.name, po.level AS post_level FROM people p LEFT JOIN posts po ON po.id = p.post_id
            WHERE p.zone_id = \(bind: zoneID) AND p.status NOT IN (\(binds: PersonStatus.departedValues)) ORDER BY p.id
            """).all().map { row in
            (id: try row.decode(column: "id", as: Int64.self), unit: try row.decode(column: "unit_id", as: Int64.self),
             name: try row.decode(column: "name", as: String.self), level: try row.decode(column: "post_level", as: Int?.self))
        }
        let personName = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.name) })

        // Sheets: the zone's, each department's, each person's own.
        var zoneSheet: Int?
        var unitSheets: [Int64: Int] = [:]
        var personSheets: [Int64: Int] = [:]
        for indicator in try await indicators(appraisalID: appraisalID, in: tx) {
            let line = AppraisalSheet.Line(indicatorID: indicator.id, name: indicator.name,
                                           indicator: Indicator(weight: indicator.weight, rule: indicator.rule), actual: indicator.actual)
            func append(to index: inout Int?, title: String) {
                if let existing = index { data.sheets[existing].lines.append(line); return }
                index = data.sheets.count
                data.sheets.append(AppraisalSheet(title: title, lines: [line]))
            }
            switch indicator.level {
            case .zone: append(to: &zoneSheet, title: "园区")
            case .department:
                let unitID = indicator.unitID ?? 0
                append(to: &unitSheets[unitID], title: unitName[unitID] ?? "单位\(unitID)")
            case .person:
                let personID = indicator.personID ?? 0
                append(to: &personSheets[personID], title: "\(personName[personID] ?? "人员\(personID)")（个人指标）")
            }
        }
        func sheet(person: Int64?, unit: Int64) -> Int? {
            switch SheetOwner.resolve(personID: person, unitID: unit, personSheets: Set(personSheets.keys), unitSheets: Set(unitSheets.keys),
                                      parentOf: parentOf, zoneSheet: zoneSheet != nil) {
            case .person(let id): personSheets[id]
            case .unit(let id): unitSheets[id]
            case .zone: zoneSheet
            case nil: nil
            }
        }
        data.unitSheet = units.map { ($0.id, sheet(person: nil, unit: $0.id)) }

        let inputs = try await inputs(appraisalID: appraisalID, in: tx)
        var missingInputs: [String] = []
        var withoutSheet: [String] = []
        for person in people {
            data.unitOf[person.id] = person.unit
            guard let input = inputs[person.id] else { missingInputs.append(person.name); continue }
            guard let sheetIndex = sheet(person: person.id, unit: person.unit) else { withoutSheet.append(person.name); continue }
            let group: Int64 = switch rules.distribution.group {
            case .unit: person.unit
            case .postRank: Int64(person.level ?? 0)
            }
            data.subjects.append(AppraisalSubject(personID: person.id, groupKey: group, sheet: sheetIndex, peer360: Int32(input.peer360),
                                                  leader: Int32(input.leader), worklogSubmitted: input.worklogSubmitted,
                                                  worklogRequired: input.worklogRequired, seniorityMonths: Int32(input.seniorityMonths)))
        }
        var problems: [String] = []
        if !missingInputs.isEmpty {
            problems.append("\(missingInputs.count)人缺少测评与工作日志录入：\(missingInputs.prefix(10).joined(separator: "、"))\(missingInputs.count > 10 ? "等" : "")")
        }
        if !withoutSheet.isEmpty {
            problems.append("\(withoutSheet.count)人没有适用的考核指标（本人、所在单位及上级单位、园区均无指标）：\(withoutSheet.prefix(10).joined(separator: "、"))")
        }
        if !problems.isEmpty { throw StoreError.invalid(problems.joined(separator: "；")) }

        data.exemptions = Set(try await exemptions(appraisalID: appraisalID, in: tx).map {
            AppraisalExemption(personID: $0.personID, indicatorID: $0.indicatorID)
        })
        data.approvedGroups = Set(try await capApprovals(appraisalID: appraisalID, in: tx).keys)
        for row in try await tx.raw("SELECT unit_id, coefficient_milli FROM department_results WHERE appraisal_id = \(bind: appraisalID)").all() {
            data.assigned[try row.decode(column: "unit_id", as: Int64.self)] = try row.decode(column: "coefficient_milli", as: Int.self)
        }
        return data
    }
}

extension AppraisalRepository {
    /// The zone's own KPI score (its zone-level sheet), which sets 毕节's performance-fund tier;
    /// nil until that sheet is complete (weights 100, every actual entered).
    public func zoneScore(appraisalID: Int64) async throws -> Int32? {
        let lines = try await indicators(appraisalID: appraisalID).filter { $0.level == .zone }.map {
            AppraisalSheet.Line(indicatorID: $0.id, name: $0.name, indicator: Indicator(weight: $0.weight, rule: $0.rule), actual: $0.actual)
        }
        let sheet = AppraisalSheet(title: "园区", lines: lines)
        guard !lines.isEmpty, sheet.weightTotal == 100, lines.allSatisfy({ $0.actual != nil }) else { return nil }
        let entries = KPIEntries(people: [lines.enumerated().map { ($0, $1.actual!) }])
        return try? KPIScoring.score(entries, catalog: lines.map(\.indicator)).scores[0]
    }
}
