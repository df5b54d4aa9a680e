import Foundation
import Testing
@testable import ZoneCore

@Suite("社会招聘 candidates")
struct CandidateTests {
    @Test func validatesLikeTheRegisterWithARequiredPhone() throws {
        let valid = try CandidateInput(name: "阿卜杜·热合曼", idNumber: "11010519491231002x", phone: "13800138000", score: "85.5").validate(today: .testToday).get()
        #expect(valid.identity == PersonalIdentity(name: "阿卜杜·热合曼", idNumber: "11010519491231002X", gender: .female,
                                                   birthDate: "1949-12-31", phone: "13800138000"))
        #expect(valid.score == 8550)
        #expect(try CandidateInput(name: "李四", idNumber: "11010519491231002X", phone: "13800138000").validate(today: .testToday).get().score == nil)
        guard case .failure(let errors) = CandidateInput(name: "Tom", idNumber: "110105194912310021", phone: "", score: "101").validate(today: .testToday) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors["name"] == "姓名只能包含汉字和间隔号“·”")
        #expect(errors["idNumber"] == "身份证号校验位不符，请核对身份证原件")
        #expect(errors["phone"] == "必填")
        #expect(errors["score"] == "成绩须为0–100的数，最多两位小数")
    }

    /// The best-scored candidates fill the planned number; equal scores go by entry order and say
    /// so; unscored candidates are not ranked; candidates never enter the employees' matching.
    @Test func openRecruitmentHiresByScoreThenEntryOrder() throws {
        let input = RoundInput(posts: [.init(postID: 7, capacity: 2, method: .openRecruitment), .init(postID: 8, capacity: 1, method: .mutualSelection)],
                               applications: [1: [8]], orderings: [8: [1]], candidates: [7: [30: 8000, 31: 9000, 32: 8000]])
        let result = try RoundEngine.run(input)
        #expect(result.candidateRankings[7]?.map(\.personID) == [31, 30, 32])
        #expect(result.candidateRankings[7]?.map(\.tieBreak) == [nil, "与1人同分，按登记顺序排定", "与1人同分，按登记顺序排定"])
        #expect(result.candidateRankings[7]?.map(\.settledBy) == [nil, .id, .id])
        #expect(result.hired == [31: 7, 30: 7])
        #expect(result.assignments == [1: 8] && result.unplaced.isEmpty)
    }

    /// Results stored before 社会招聘 existed still read, as rounds without hires.
    @Test func resultsWithoutCandidateKeysStillDecode() throws {
        let old = #"{"assignments":[1,8],"unplaced":[2],"rankings":[8,[{"personID":1}]],"explanations":[2,["x"]]}"#
        let result = try JSONDecoder().decode(RoundEngine.Result.self, from: Data(old.utf8))
        #expect(result.assignments == [1: 8] && result.hired.isEmpty && result.candidateRankings.isEmpty)
    }
}
