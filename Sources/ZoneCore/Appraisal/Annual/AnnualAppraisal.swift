/// A year's appraisal for a zone, from stored sheets and inputs to grades: every sheet checked,
/// everyone's KPI scored (``KPIScoring``), the parts weighted (``PersonScoring``), and grades given
/// under the forced distribution (``GradeDistribution``), all per the zone's ``AppraisalRules``.
///
/// A refusal lists every problem at once (a sheet whose weights do not sum to 100, an actual not
/// yet entered, an exemption on a weighted indicator), in Chinese and English, so the office can
/// fix them in one pass.
///
/// ```swift
/// let outcome = try AnnualAppraisal.run(subjects: subjects, sheets: sheets, exemptions: [],
///                                       approvedGroups: [], rules: policy.appraisal)
/// outcome.people[0].gradeRank   // 0 = 优秀
/// ```
public enum AnnualAppraisal {
    public struct Problems: Error, Sendable, Equatable, CustomStringConvertible {
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    public static func run(subjects: [AppraisalSubject], sheets: [AppraisalSheet], exemptions: Set<AppraisalExemption>,
                           approvedGroups: Set<Int64>, rules: AppraisalRules) throws -> AnnualAppraisalOutcome {
        try check(sheets: sheets, subjects: subjects, exemptions: exemptions, weights: rules.weights)
        let people = subjects.sorted { $0.personID < $1.personID }

        // One catalogue for all sheets; sheet s occupies catalog[starts[s] ..< starts[s] + count].
        var catalog: [Indicator] = []
        var starts: [Int] = []
        for sheet in sheets {
            starts.append(catalog.count)
            catalog += sheet.lines.map(\.indicator)
        }
        func entries(of sheet: Int, skipping skip: (Int64) -> Bool) -> [(indicator: Int, actual: Int64)] {
            sheets[sheet].lines.enumerated().compactMap { offset, line in
                skip(line.indicatorID) ? nil : (starts[sheet] + offset, line.actual ?? 0)
            }
        }
        let personEntries = KPIEntries(people: people.map { person in
            entries(of: person.sheet) { exemptions.contains(AppraisalExemption(personID: person.personID, indicatorID: $0)) }
        })
        let sheetEntries = KPIEntries(people: sheets.indices.map { entries(of: $0) { _ in false } })
        let kpi = try KPIScoring.score(personEntries, catalog: catalog)
        let sheetScores = try KPIScoring.score(sheetEntries, catalog: catalog).scores
        let worklog = people.map { PersonScoring.worklogPart(submitted: $0.worklogSubmitted, required: $0.worklogRequired) }
        let scores = try PersonScoring.scores(weights: rules.weights, kpi: kpi.scores, peer360: people.map(\.peer360),
                                              leader: people.map(\.leader), worklog: worklog)

        let groupKeys = Array(Set(people.map(\.groupKey))).sorted()
        let groupIndex = Dictionary(uniqueKeysWithValues: groupKeys.enumerated().map { ($1, Int32($0)) })
        let outcome = try GradeDistribution.assign(
            scores: scores, groups: people.map { groupIndex[$0.groupKey]! }, groupCount: groupKeys.count, vetoed: kpi.vetoed,
            seniority: people.map(\.seniorityMonths), grades: rules.grades, distribution: rules.distribution,
            approvedGroups: Set(approvedGroups.compactMap { groupIndex[$0] }))
        let flagged = Set(outcome.flagged)

        return AnnualAppraisalOutcome(
            people: people.enumerated().map { index, person in
                .init(personID: person.personID, groupKey: person.groupKey, kpi: kpi.scores[index], worklog: worklog[index],
                      score: scores[index], gradeRank: Int(outcome.grades[index]), bottomBand: outcome.bottomBand[index],
                      vetoed: kpi.vetoed[index], flagged: flagged.contains(Int32(index)))
            },
            groups: outcome.tallies.enumerated().map { .init(groupKey: groupKeys[$0], tally: $1) },
            ties: outcome.ties.map { tie in
                .init(groupKey: groupKeys[Int(tie.group)], boundary: tie.boundary, score: tie.score,
                      personIDs: tie.people.map { people[Int($0)].personID })
            },
            sheetScores: sheetScores)
    }

    /// Everything that would stop the engine, named by sheet and person rather than by index.
    static func check(sheets: [AppraisalSheet], subjects: [AppraisalSubject], exemptions: Set<AppraisalExemption>, weights: ScoreWeights) throws {
        var messages: [String] = []
        for sheet in sheets {
            if sheet.weightTotal != 100 {
                messages.append("“\(sheet.title)”的指标权重合计应为100，实际为\(sheet.weightTotal) / sheet \(sheet.title): weights sum to \(sheet.weightTotal), not 100")
            }
            for line in sheet.lines where line.actual == nil {
                messages.append("“\(sheet.title)”的指标“\(line.name)”尚未录入实际值 / \(sheet.title): no actual value for \(line.name)")
            }
            for line in sheet.lines {
                if let problem = line.indicator.problem {
                    messages.append("“\(sheet.title)”的指标“\(line.name)”\(problem.chinese) / \(sheet.title), \(line.name): \(problem.english)")
                }
            }
        }
        var seen = Set<Int64>()
        for subject in subjects {
            if !seen.insert(subject.personID).inserted { messages.append("人员 \(subject.personID) 重复 / duplicate person \(subject.personID)") }
            if !sheets.indices.contains(subject.sheet) { messages.append("人员 \(subject.personID) 没有考核指标 / person \(subject.personID) has no KPI sheet") }
            if let problem = PersonScoring.worklogProblem(submitted: subject.worklogSubmitted, required: subject.worklogRequired, weights: weights) {
                messages.append("人员 \(subject.personID) 的\(problem.message) / person \(subject.personID): \(problem.english)")
            }
        }
        let lines = Dictionary(sheets.flatMap(\.lines).map { ($0.indicatorID, $0) }, uniquingKeysWith: { first, _ in first })
        for exemption in exemptions.sorted(by: { ($0.personID, $0.indicatorID) < ($1.personID, $1.indicatorID) }) {
            if let line = lines[exemption.indicatorID], !line.indicator.rule.isExemptible {
                messages.append("指标“\(line.name)”为计权指标，不能容错免责（人员 \(exemption.personID)） / weighted indicator \(line.name) cannot be exempted")
            }
        }
        if !messages.isEmpty { throw Problems(messages: messages) }
    }
}
