import ZoneCore
import ZoneStore

/// Reads the appraisal forms: an indicator with its scoring rule, and pasted rows of review
/// scores and work logs (copied from Excel/WPS, tab- or comma-separated).
enum AppraisalForms {
    static func indicator(_ form: FormFields) -> NewIndicator? {
        let name = form["name"].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let level = StoredIndicator.Level(rawValue: form["level"]), let weight = BoundedInt.parse(form["weight"].isEmpty ? "0" : form["weight"], in: 0...100),
              let rule = rule(form), let cycle = AppraisalCycle(rawValue: form["cycle"]) else { return nil }
        return NewIndicator(parentID: BoundedInt.parse(form["parentID"], in: BoundedInt.ids), level: level,
                            unitID: level == .department ? BoundedInt.parse(form["unitID"], in: BoundedInt.ids) : nil,
                            personID: level == .person ? BoundedInt.parse(form["personID"], in: BoundedInt.ids) : nil, name: name,
                            measure: form["measure"].trimmingCharacters(in: .whitespaces), weight: weight, rule: rule,
                            dataSource: form["dataSource"].trimmingCharacters(in: .whitespaces), owner: form["owner"].trimmingCharacters(in: .whitespaces),
                            cycle: cycle)
    }

    /// Targets and thresholds are typed in the indicator's unit (two decimals), points as 0–100; each is bounded
    /// (`IndicatorRule.maxMeasure`, `ScoreScale.full`) before the rule's arithmetic sees it.
    static func rule(_ form: FormFields) -> IndicatorRule? {
        func measure(_ text: String) -> Int? { FixedPoint.parse(text.trimmingCharacters(in: .whitespaces), places: 2, limit: IndicatorRule.maxMeasure) }
        func points(_ text: String) -> Int32? {
            FixedPoint.parse(text.trimmingCharacters(in: .whitespaces), places: 2, limit: Int(ScoreScale.full)).map(Int32.init)
        }
        switch form["ruleKind"] {
        case "linear":
            guard let target = measure(form["target"]), target > 0, let cap = BoundedInt.parse(form["cap"], in: IndicatorRule.capPercents) else { return nil }
            return .linear(target: Int64(target), capPercent: cap)
        case "thresholds":
            var steps: [IndicatorRule.Step] = []
            for pair in form["steps"].split(whereSeparator: { ",，;；\n".contains($0) }) {
                let parts = pair.split(whereSeparator: { ":：".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let minimum = measure(parts[0]), let stepPoints = points(parts[1]) else { return nil }
                steps.append(.init(minActual: Int64(minimum), points: stepPoints))
            }
            return .thresholds(steps)
        case "bonus", "penalty":
            guard let perItem = points(form["perItem"]), let max = points(form["max"]) else { return nil }
            return form["ruleKind"] == "bonus" ? .bonus(perItem: perItem, max: max) : .penalty(perItem: perItem, max: max)
        case "veto":
            return .veto
        default:
            return nil
        }
    }

    enum InputRows {
        case success([AppraisalInput])
        case failure([String])
    }

    static let inputColumns = "人员编号, 360测评得分, 领导评价得分, 已交工作日志数, 应交工作日志数, 工龄（月）"

    /// The whole-number columns' bounds (the scores, columns 1–2, are 0–100.00): an id, log counts, months of service.
    static let inputBounds = [1...Int(Int64.max), 0...0, 0...0, 0...100_000, 0...100_000, 0...1_200]

    /// One person per line; every bad line is reported with its number and column.
    static func inputs(_ text: String) -> InputRows {
        var inputs: [AppraisalInput] = []
        var problems: [String] = []
        let names = ["人员编号", "360测评得分", "领导评价得分", "已交工作日志数", "应交工作日志数", "工龄（月）"]
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: line.contains("\t") ? "\t" : ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if index == 0, Int64(cells.first ?? "") == nil { continue }
            guard cells.count == names.count else {
                problems.append("第\(index + 1)行应有\(names.count)列（\(inputColumns)），实际为\(cells.count)列")
                continue
            }
            let numbers = cells.enumerated().map { column, cell in
                (1...2).contains(column) ? FixedPoint.parse(cell, places: 2, limit: Int(ScoreScale.full)) : BoundedInt.parse(cell, in: inputBounds[column])
            }
            if let bad = numbers.firstIndex(where: { $0 == nil }) {
                let range = (1...2).contains(bad) ? "0–100" : "\(inputBounds[bad].lowerBound)–\(inputBounds[bad].upperBound)"
                problems.append("第\(index + 1)行“\(names[bad])”不是数字或超出范围（\(range)）：\(cells[bad])")
                continue
            }
            let n = numbers.map { $0! }
            inputs.append(AppraisalInput(personID: Int64(n[0]), peer360: n[1], leader: n[2], worklogSubmitted: n[3], worklogRequired: n[4], seniorityMonths: n[5]))
        }
        if inputs.isEmpty, problems.isEmpty { problems.append("没有数据行") }
        return problems.isEmpty ? .success(inputs) : .failure(problems)
    }
}
