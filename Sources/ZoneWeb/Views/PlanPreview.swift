import ZoneCore
import ZoneStore

/// A draft or approved plan run on today's data: the projected organisation, the comparison,
/// and what would go wrong if it were applied now.
struct PlanPreview {
    let after: OrgSnapshot
    let comparison: PlanComparison
    let names: PlanNames
    let error: PlanError?
    let overages: [QuotaViolation]
    /// A warning when the plan raises the zone's total establishment, which needs the
    /// establishment office's approval rather than a zone decision.
    let establishmentGrowth: String?
    /// The policy's 领导职数 targets (organization.leadership_targets) against the plan.
    let targets: [LeadershipTargetCheck]

    init(plan: RestructuringPlan, store: Store, zoneID: Int64) async throws {
        let today = try await store.plans.snapshot(zoneID: zoneID)
        let live = try await store.quotas.book(zoneID: zoneID)
        var failure: PlanError?
        let projected: OrgSnapshot
        switch Result(catching: { () throws(PlanError) in try plan.apply(to: today) }) {
        case .success(let snapshot): projected = snapshot
        case .failure(let e): projected = today; failure = e
        }
        after = projected
        error = failure
        comparison = PlanComparison(before: today, after: projected)
        names = PlanNames(before: today, after: projected, steps: plan.operations)
        overages = QuotaBook(snapshot: projected, approvedEstablishment: live.approvedEstablishment,
                             approvedLeadership: live.approvedLeadership).overages()
        targets = comparison.checks(today.organization?.leadershipTargets ?? [])
        let before = comparison.before.totalEstablishment, now = comparison.after.totalEstablishment
        establishmentGrowth = now > before
            ? "注意：本方案使核定编制总数由\(before)名增至\(now)名（+\(now - before)），须报机构编制部门审批；如为内部划转，请同时核减原单位编制。"
            : nil
    }
}
