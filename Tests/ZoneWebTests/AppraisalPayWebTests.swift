import Foundation
import Testing
import ZoneCore
@testable import ZoneStore
@testable import ZoneWeb

/// The demo zone's appraisal and pay years through the web app, as 组织人事, 员工, 部门负责人 and
/// 领导 would use them: publish, object, review, finalize, decide, pay, slip.
@Suite("绩效考核与绩效工资 in the web app")
struct AppraisalPayWebTests {
    @Test func aYearFromPublicationToPaySlips() async throws {
        let app = try await TestApp.make()
        let zone = try await app.store.zones.find(code: DemoZone.zoneCode)!.id
        let years = try await app.store.appraisals.all(zoneID: zone)
        let current = years.first { $0.year == 2025 }!, last = years.first { $0.year == 2024 }!
        #expect(current.status == .computed && last.status == .final)
        let staff = try await app.account("staff").personID!
        try await app.run { browser in
            try await browser.login("hr")
            // The overview shows the rules in force, the rounding rule with examples and the groups.
            let overview = try await browser.get("/appraisals/\(current.id)")
            #expect(overview.status == .ok)
            for text in ["KPI 60%", "向下取整", "得分高者优先 → 档案工龄长者优先 → 编号小者优先", "比较组（同一单位）", "<svg"] {
                #expect(overview.body.contains(text), "overview lacks \(text)")
            }
            #expect(try await browser.get("/appraisals/\(current.id)/indicators").body.contains("招商引资到位资金"))
            // Pasted review scores: a bad row refuses the whole paste and says where.
            let bad = try await browser.post("/appraisals/\(current.id)/inputs", [("rows", "\(staff)\t92\t90\t12\t12\t60\n\(staff)\tabc\t90\t12\t12\t60")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("第2行“360测评得分”不是数字或超出范围（0–100）：abc"))
            #expect(try await app.store.appraisals.find(id: current.id, zoneID: zone)?.status == .computed)

            let published = try await browser.post("/appraisals/\(current.id)/status", [("to", "publish")])
            #expect(published.status == .seeOther)
            let ends = try await app.store.appraisals.find(id: current.id, zoneID: zone)!.publicityEnds!
            // ManualClock's today is Mon 2026-09-21; 中秋 (9/25–27) is not a working day, so the fifth is Tue 2026-09-29.
            #expect(ends == "2026-09-29")

            // The employee sees the result on their own page and objects from the 考核登记表.
            try await browser.login("staff")
            let mine = try await browser.get("/my")
            #expect(mine.status == .ok && mine.body.contains("2025年度目标绩效考核") && mine.body.contains("工资条"))
            let card = try await browser.get("/appraisals/\(current.id)/people/\(staff)")
            #expect(card.status == .ok && card.body.contains("提交申诉") && card.body.contains("考核登记表"))
            let other = try await app.store.appraisals.results(appraisalID: current.id).first { $0.personID != staff }!.personID
            #expect(try await browser.get("/appraisals/\(current.id)/people/\(other)").status == .notFound)
            #expect(try await browser.get("/appraisals/\(current.id)").status == .forbidden)
            #expect(try await browser.post("/appraisals/\(current.id)/objections", [("reason", "招商数据漏报一项")]).status == .seeOther)
            #expect(try await browser.post("/appraisals/\(current.id)/objections", [("reason", "again")], csrf: false).status == .forbidden)

            // The department head sees only their units' people.
            try await browser.login("chanye_head")
            let head = try await app.account("chanye_head")
            let results = try await browser.get("/appraisals/\(current.id)/results")
            let outside = try await app.store.appraisals.results(appraisalID: current.id).first { $0.unitID != head.unitID }!
            #expect(results.status == .ok && !results.body.contains(">\(outside.name)<"))

            // 组织人事 reviews it; finalizing waits for the window.
            try await browser.login("hr")
            let objection = try await app.store.appraisals.objections(appraisalID: current.id)[0]
            #expect(objection.personID == staff)
            let early = try await browser.post("/appraisals/\(current.id)/status", [("to", "final")])
            #expect(early.status == .conflict && early.body.contains("公示期至2026-09-29，期满后方可确定结果"))
            app.clock.advance(9 * 86_400)
            try await browser.login("hr")
            let pending = try await browser.post("/appraisals/\(current.id)/status", [("to", "final")])
            #expect(pending.status == .conflict && pending.body.contains("尚有1件申诉未复核"))
            #expect(try await browser.post("/appraisals/\(current.id)/objections/\(objection.id)",
                                           [("decision", "rejected"), ("grade", "qualified"), ("reply", "经核实，数据无误")]).status == .seeOther)
            #expect(try await browser.post("/appraisals/\(current.id)/status", [("to", "final")]).status == .seeOther)
            #expect(try await app.store.appraisals.find(id: current.id, zoneID: zone)?.status == .final)

            // Pay for 2025: 毕节's fund × the multiple of the zone score's tier, previewed, approved by the leader, locked.
            let form = [("period", "2025"), ("appraisalID", "\(current.id)"), ("poolKind", "fund"), ("basis", "3000000.00"), ("zoneScore", "92.50")]
            let created = try await browser.post("/pay-runs", form)
            #expect(created.status == .seeOther)
            let runID = Int64(created.location!.split(separator: "/").last!)!
            let run = try await app.store.payRuns.find(id: runID, zoneID: zone)!
            #expect(run.poolFen == 1_500_000_000 && run.paidFen + run.unallocatedFen == run.poolFen)
            #expect(run.poolBasis.contains("× 5.0 倍"))
            let preview = try await browser.get("/pay-runs/\(runID)")
            #expect(preview.body.contains("与上期（2024 第1号）比较") && preview.body.contains("个人绩效工资分布"))
            // The detail table is paged and can be narrowed to one unit; the totals above still cover everyone.
            let lines = try await app.store.payRuns.lines(runID: runID)
            let pages = (lines.count + PayPage.linesPerPage - 1) / PayPage.linesPerPage
            #expect(lines.count > PayPage.linesPerPage && preview.body.contains("共 \(lines.count) 人，每页 \(PayPage.linesPerPage) 人，第 1/\(pages) 页"))
            #expect(preview.body.components(separatedBy: "<tr id=\"p").count - 1 == PayPage.linesPerPage)
            let last = try await browser.get("/pay-runs/\(runID)?page=\(pages)")
            #expect(last.body.components(separatedBy: "<tr id=\"p").count - 1 == lines.count - (pages - 1) * PayPage.linesPerPage)
            let unit = lines.first { $0.personID == staff }!.unitID
            let narrowed = try await browser.get("/pay-runs/\(runID)?unit=\(unit)")
            #expect(narrowed.body.contains("<tr id=\"p\(staff)\"")
                    && narrowed.body.components(separatedBy: "<tr id=\"p").count - 1 == min(PayPage.linesPerPage, lines.count { $0.unitID == unit }))
            #expect(try await browser.post("/pay-runs/\(runID)/approve").status == .forbidden)
            #expect(try await browser.post("/pay-runs", form).status == .conflict)
            let sheet = try await browser.get("/pay-runs/\(runID)/sheet.xlsx")
            #expect(sheet.status == .ok && sheet.bytes.starts(with: [0x50, 0x4B]))

            try await browser.login("leader")
            #expect(try await browser.post("/pay-runs/\(runID)/approve").status == .seeOther)
            #expect(try await browser.post("/pay-runs/\(runID)/lock").status == .forbidden)
            try await browser.login("hr")
            #expect(try await browser.post("/pay-runs/\(runID)/lock").status == .seeOther)
            let again = try await browser.post("/pay-runs", form)
            #expect(again.status == .conflict && again.body.contains("不会重复发放"))

            // The employee's slip shows the paid amount, to the fen.
            try await browser.login("staff")
            let line = try await app.store.payRuns.lines(runID: runID).first { $0.personID == staff }!
            let slips = try await browser.get("/my")
            #expect(slips.body.contains(Fen.text(line.totalFen)))
            #expect(try await browser.get("/pay-runs/\(runID)").status == .forbidden)
        }
    }

    /// A large run goes to the background: the office sees a self-refreshing progress page, then the run.
    @Test func largeRunsShowProgressThenTheRun() async throws {
        let app = try await TestApp.make(payRunJobThreshold: 1)
        let zone = try await app.store.zones.find(code: DemoZone.zoneCode)!.id
        let last = try await app.store.appraisals.all(zoneID: zone).first { $0.year == 2024 }!
        try await app.addAccount("hr_second", role: .hr, zoneID: zone)
        try await app.run { browser in
            try await browser.login("hr")
            let started = try await browser.post("/pay-runs", [("period", "2024-12"), ("appraisalID", "\(last.id)"), ("poolKind", "fixed"),
                                                               ("amount", "1000000.00")])
            #expect(started.status == .seeOther)
            let jobPath = try #require(started.location)
            #expect(jobPath.hasPrefix("/pay-runs/jobs/"))
            let runPath = try await browser.followJob(jobPath)
            let runID = try #require(Int64(runPath.split(separator: "/").last!))
            #expect(try await app.store.payRuns.find(id: runID, zoneID: zone)?.paidFen == 100_000_000)
            // A stale token, or another account's even in the same zone, reads as no job at all.
            #expect(try await browser.get("/pay-runs/jobs/0000").status == .notFound)
            try await browser.login("hr_second")
            #expect(try await browser.get(jobPath).status == .notFound)
        }
    }
}
