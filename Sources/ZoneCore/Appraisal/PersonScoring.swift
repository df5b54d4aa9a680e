/// A person's appraisal score from its parts, weighted per policy (``ScoreWeights``): KPI,
/// 360/peer review (民主测评), leader review (领导评价) and work-log completeness (月工作日志).
///
///     score = round_half_up( (kpi·w_kpi + peer·w_peer + leader·w_leader + worklog·w_worklog) / 100 )
///
/// All parts and the result are hundredths on 0–100 (``ScoreScale``); the weights are whole
/// percentage points and must sum to 100, so the score stays on the same scale whatever mix a zone
/// chooses (毕节 60/10/20/10, 新余 70/10/20/0).
///
/// ```swift
/// let weights = ScoreWeights(kpi: 60, peer360: 10, leader: 20, worklog: 10)
/// let worklog = PersonScoring.worklogCompleteness(submitted: 11, required: 12)   // 9167
/// PersonScoring.score(weights: weights, kpi: 9_100, peer360: 8_800, leader: 9_000, worklog: worklog)
/// // (60·9100 + 10·8800 + 20·9000 + 10·9167) / 100 = 9056.70 → 9057
/// ```
public enum PersonScoring {
    /// One person's score; parts must be 0–10000 and the weights must sum to 100 (see
    /// ``scores(weights:kpi:peer360:leader:worklog:)`` for the checked form).
    public static func score(weights: ScoreWeights, kpi: Int32, peer360: Int32, leader: Int32, worklog: Int32) -> Int32 {
        let sum = Int64(weights.kpi) * Int64(kpi) + Int64(weights.peer360) * Int64(peer360)
            + Int64(weights.leader) * Int64(leader) + Int64(weights.worklog) * Int64(worklog)
        return Int32(ScoreScale.divideHalfUp(sum, 100))
    }

    /// Everyone's score. Throws if the weights do not sum to 100 or a part is outside 0–100.00.
    /// The four arrays are parallel (one element per person); different lengths are a programming
    /// error and trap.
    public static func scores(weights: ScoreWeights, kpi: [Int32], peer360: [Int32], leader: [Int32],
                              worklog: [Int32]) throws(AppraisalError) -> [Int32] {
        guard weights.total == 100, [weights.kpi, weights.peer360, weights.leader, weights.worklog].allSatisfy({ $0 >= 0 }) else {
            throw .partWeights(total: weights.total)
        }
        let count = kpi.count
        precondition(peer360.count == count && leader.count == count && worklog.count == count,
                     "one value of every part per person")
        for (name, part) in [("KPI", kpi), ("360测评", peer360), ("领导评价", leader), ("工作日志", worklog)] {
            if let person = part.firstIndex(where: { !(0...ScoreScale.full).contains($0) }) {
                throw .partOutOfRange(person: person, part: name, value: part[person])
            }
        }
        let wk = Int64(weights.kpi), wp = Int64(weights.peer360), wl = Int64(weights.leader), ww = Int64(weights.worklog)
        return [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            kpi.withUnsafeBufferPointer { k in
            peer360.withUnsafeBufferPointer { p in
            leader.withUnsafeBufferPointer { l in
            worklog.withUnsafeBufferPointer { w in
                for i in 0..<count {
                    let sum = wk * Int64(k[i]) + wp * Int64(p[i]) + wl * Int64(l[i]) + ww * Int64(w[i])
                    out[i] = Int32(truncatingIfNeeded: ScoreScale.divideHalfUp(sum, 100))
                }
            }}}}
            initialized = count
        }
    }

    /// What is wrong with one person's work-log counts under `weights` (zh, en), or nil. Where work logs carry no
    /// weight (仪征 `worklog: 0`) none are asked for, so 0 of 0 is accepted; counts that are given must still be sound.
    public static func worklogProblem(submitted: Int, required: Int, weights: ScoreWeights) -> (message: String, english: String)? {
        if weights.worklog == 0 && required == 0 && submitted == 0 { return nil }
        if required <= 0 { return ("应提交工作日志数须为正数", "required work logs must be positive") }
        if submitted < 0 || submitted > required { return ("已提交工作日志数应在0与应提交数之间", "submitted work logs must be between 0 and those required") }
        return nil
    }

    /// The work-log part of a person whose counts passed ``worklogProblem(submitted:required:weights:)``: 0 when none
    /// were asked for (the part then weighs 0), else ``worklogCompleteness(submitted:required:)``.
    public static func worklogPart(submitted: Int, required: Int) -> Int32 {
        required == 0 ? 0 : worklogCompleteness(submitted: submitted, required: required)
    }

    /// Work-log completeness as a part score: months (or days) logged out of those required,
    /// capped at full marks, rounded half up. `required` must be positive.
    public static func worklogCompleteness(submitted: Int, required: Int) -> Int32 {
        precondition(required > 0, "required must be positive")
        let done = Int64(min(max(submitted, 0), required))
        return Int32(ScoreScale.divideHalfUp(done * Int64(ScoreScale.full), Int64(required)))
    }
}
