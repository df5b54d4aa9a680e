/// A pay run refused by 工资总控 (成都芯谷), with the figures that refused it.
public struct PayCapExceeded: Error, Equatable, Sendable, CustomStringConvertible {
    public var totalFen: Int64
    public var limitFen: Int64
    public var averageFen: Int64
    public var headcount: Int
    /// The top of the policy's multiple range, in ‰.
    public var multiplePerMille: Int64
    public var basis: String

    public init(totalFen: Int64, limitFen: Int64, averageFen: Int64, headcount: Int, multiplePerMille: Int64, basis: String) {
        self.totalFen = totalFen
        self.limitFen = limitFen
        self.averageFen = averageFen
        self.headcount = headcount
        self.multiplePerMille = multiplePerMille
        self.basis = basis
    }

    /// Both lines, as the page has always shown it.
    public var message: String { chineseMessage + " / " + englishMessage }

    public var chineseMessage: String {
        "薪酬总额 \(Fen.text(totalFen)) 超过工资总控上限 \(Fen.text(limitFen))"
            + "（\(basis) \(Fen.text(averageFen)) × \(multiple) 倍 × \(headcount) 人），超出 \(Fen.text(totalFen - limitFen))"
    }

    public var englishMessage: String {
        "total pay \(totalFen) fen exceeds the cap \(limitFen) fen (average \(averageFen) × \(multiple) × \(headcount) people)"
    }

    /// The multiple in plain decimals (2.5, not 2.500).
    private var multiple: String {
        var multiple = "\(multiplePerMille / 1000)"
        if multiplePerMille % 1000 != 0 {
            var decimals = String(String(multiplePerMille % 1000 + 1000).dropFirst())
            while decimals.hasSuffix("0") { decimals.removeLast() }
            multiple += "." + decimals
        }
        return multiple
    }

    public var description: String { message }
}
