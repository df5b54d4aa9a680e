import Testing
@testable import ZoneCore

@Suite("Appointment round engine")
struct RoundEngineTests {
    @Test func directAppointmentsComeFirstThenStableMatching() throws {
        let input = RoundInput(
            posts: [.init(postID: 1, capacity: 1, method: .direct), .init(postID: 2, capacity: 1, method: .mutualSelection),
                    .init(postID: 3, capacity: 2, method: .mutualSelection)],
            applications: [10: [2, 3], 11: [2, 3], 12: [2], 13: [3]],
            orderings: [2: [11, 10, 12], 3: [10, 13, 11]],
            direct: [9: 1])
        let result = try RoundEngine.run(input)
        #expect(result.assignments == [9: 1, 11: 2, 10: 3, 13: 3])
        #expect(result.unplaced == [12])
        #expect(result.explanations[12] == ["岗位2：排第3名，已由排名靠前的1人聘满（计划1人）"])
    }

    @Test func competitiveRankingUsesWeightedScoresThenSeniorityThenID() throws {
        let input = RoundInput(
            posts: [.init(postID: 5, capacity: 2, method: .competitive, examWeight: 60)],
            applications: [1: [5], 2: [5], 3: [5], 4: [5]],
            scores: [5: [1: .init(exam: 8000, interview: 9000), 2: .init(exam: 9000, interview: 7500),
                         3: .init(exam: 9000, interview: 7500), 4: .init(exam: 7000, interview: 7000)]],
            seniority: [2: 2008_01_01, 3: 2005_07_01])
        let result = try RoundEngine.run(input)
        // 1: 84.00; 2 and 3: 84.00 as well — 3 is more senior, then 2 beats 1 (who has no seniority recorded).
        #expect(result.rankings[5]?.map(\.personID) == [3, 2, 1, 4])
        #expect(result.rankings[5]?.map(\.tieBreak) == ["与2人同分，按参加工作时间先后排定", "与2人同分，按参加工作时间先后排定", "与2人同分，按参加工作时间先后排定", nil])
        #expect(result.rankings[5]?.map(\.settledBy) == [.seniority, .seniority, .seniority, nil])
        // Without seniority on record the last resort is the person number, and it says so.
        let bare = try RoundEngine.run(RoundInput(posts: [.init(postID: 5, capacity: 1, method: .competitive)], applications: [1: [5], 2: [5]],
                                                  scores: [5: [1: .init(exam: 8000, interview: 8000), 2: .init(exam: 8000, interview: 8000)]]))
        #expect(bare.rankings[5]?.map(\.personID) == [1, 2])
        #expect(bare.rankings[5]?.first?.tieBreak == "与1人同分，参加工作时间相同或未登记，按人员编号排定")
        #expect(bare.rankings[5]?.map(\.settledBy) == [.id, .id])
        #expect(bare.explanations[2] == ["岗位5：综合成绩80.00，排第2名（与1人同分，参加工作时间相同或未登记，按人员编号排定），已由排名靠前的1人聘满（计划1人）"])
        #expect(result.assignments == [3: 5, 2: 5])
        #expect(RoundEngine.weighted(.init(exam: 8001, interview: 9000), examWeight: 60) == 8401)
    }

    /// The zone's `staffing.tie_break` decides: without `seniority` the earlier 参加工作时间 does not
    /// count and the person number settles it; with it, the earlier date wins over a lower number.
    @Test func thePolicysTieRuleIsTheOneApplied() throws {
        func ranking(_ rule: [TieBreakKey]) throws -> [RoundEngine.Ranked] {
            try RoundEngine.run(RoundInput(posts: [.init(postID: 5, capacity: 1, method: .competitive)], applications: [1: [5], 2: [5], 3: [5]],
                                           scores: [5: [1: .init(exam: 8000, interview: 8000), 2: .init(exam: 8000, interview: 8000),
                                                        3: .init(exam: 9000, interview: 9000)]],
                                           seniority: [2: 1990_07_01, 1: 2001_09_01], tieBreak: rule)).rankings[5]!
        }
        let bySeniority = try ranking([.score, .seniority, .id])
        #expect(bySeniority.map(\.personID) == [3, 2, 1])
        #expect(bySeniority.map(\.settledBy) == [nil, .seniority, .seniority])
        let byID = try ranking([.score, .id])
        #expect(byID.map(\.personID) == [3, 1, 2])
        #expect(byID.map(\.settledBy) == [nil, .id, .id])
        #expect(byID[1].tieBreak == "与1人同分，按人员编号排定")
    }

    @Test func applicantsAHeadDidNotRankAreExplained() throws {
        let result = try RoundEngine.run(RoundInput(posts: [.init(postID: 1, capacity: 3, method: .mutualSelection)],
                                                    applications: [7: [1]], orderings: [1: []]))
        #expect(result.unplaced == [7])
        #expect(result.explanations[7] == ["岗位1：用人单位未将您列入拟聘排序"])
    }

    @Test func dualTrackGapsComeFromTheArchiveScale() {
        #expect(ArchiveRankScale.gap(archiveRank: "一级科员", postLevel: 3) == 2)
        #expect(ArchiveRankScale.gap(archiveRank: "一级主任科员", postLevel: 4) == -1)
        #expect(ArchiveRankScale.gap(archiveRank: "未知职级", postLevel: 4) == nil)
    }

    @Test func postFormValidation() throws {
        var input = PostInput()
        input.unitID = "1"; input.title = "招商专员"; input.level = "3"; input.category = "招商"; input.payCoefficient = "1.25"
        input.headcount = "2"; input.termYears = "3"
        #expect(try input.validate(knownUnits: [1], staffing: nil).get().payCoefficientMilli == 1250)
        input.payCoefficient = "1.2345"; input.termYears = "4"
        guard case .failure(let errors) = input.validate(knownUnits: [1], staffing: nil) else { Issue.record("expected errors"); return }
        #expect(errors["payCoefficient"] != nil && errors["termYears"] == "聘期为1–3年")
    }
}
