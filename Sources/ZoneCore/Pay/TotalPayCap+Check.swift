extension TotalPayCap {
    /// The most a run may pay `headcount` people: the top of the multiple range × the outside
    /// average (`averageFen`, per person per year) × headcount, in fen.
    public func limitFen(averageFen: Int64, headcount: Int) -> Int64 {
        PerMille.apply(PerMille.of(multiple.upperBound), to: averageFen * Int64(headcount))
    }

    /// Refuses a run whose total exceeds ``limitFen(averageFen:headcount:)`` (成都芯谷 工资总控),
    /// naming the figures.
    ///
    /// ```swift
    /// // 成都芯谷: at most 2 × ¥120,000.00 per person
    /// try cap.check(totalFen: split.paid, averageFen: 12_000_000, headcount: 120)
    /// // above ¥28,800,000.00 throws PayCapExceeded:
    /// // "薪酬总额 ¥… 超过工资总控上限 ¥28,800,000.00（… ¥120,000.00 × 2 倍 × 120 人），超出 ¥…"
    /// ```
    public func check(totalFen: Int64, averageFen: Int64, headcount: Int) throws(PayCapExceeded) {
        let limit = limitFen(averageFen: averageFen, headcount: headcount)
        guard totalFen <= limit else {
            throw PayCapExceeded(totalFen: totalFen, limitFen: limit, averageFen: averageFen, headcount: headcount,
                                 multiplePerMille: PerMille.of(multiple.upperBound), basis: basis)
        }
    }
}
