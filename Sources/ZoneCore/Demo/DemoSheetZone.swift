/// A demo zone that starts the way a real one does — `zone create` from its policy file, then its 三定
/// sheet and its register sheet (`DemoSheets`) — and then runs one reform year on its own policy: a round
/// (`round`), an appraisal with forced distribution and publicity, and a pay run (`year`).
/// 潍坊 (`DemoWeifang`), 仪征 (`DemoYizheng`) and 成都芯谷 (`DemoChengduXingu`) are these.
public struct DemoSheetZone: Sendable {
    public let code: String
    public let name: String
    /// Parents before children; every name unique in the zone (the register sheet names units).
    public let units: [DemoZone.UnitSpec]
    public let people: [DemoZone.PersonSpec]
    /// The 三定 sheet's approval, written on each quota's 台账 line.
    public let approval: ChangeApproval
    /// Display names of the zone's 组织人事 and 领导 accounts (`CODE_hr`, `CODE_leader`).
    public let hrName: String
    public let leaderName: String
    public let round: DemoRound.Plan
    public let year: Year

    /// The appraisal year and the pay run that follows it.
    public struct Year: Sendable {
        public let year: Int
        /// The four zone indicators' actuals, in `DemoAppraisalLoader.year`'s order.
        public let zoneActuals: [Int64]
        /// Department value coefficients in ‰ by unit key, where the policy has them assigned (潍坊); other
        /// units take 1.000.
        public var coefficients: [String: Int] = [:]
        /// The performance pool the finance bureau approved.
        public let poolFen: Int64
        /// 工资总控 (成都芯谷): the outside average pay per person per year, and the period's base pay total.
        public var cap: Cap?
    }

    public struct Cap: Sendable {
        public let averagePayFen: Int64
        public let baseTotalFen: Int64
    }

    /// The account user names' stem: the zone code with `_` for `-`, as `ZoneRegistration` names the admins.
    public var accountStem: String { code.replacingOccurrences(of: "-", with: "_") }

    /// The sheet zones, in the order the demo loads them (after 毕节 and 新余).
    public static var all: [DemoSheetZone] { [DemoWeifang.zone, DemoYizheng.zone, DemoChengduXingu.zone] }
}
