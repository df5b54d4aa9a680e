/// Published figures that pages print next to the ones computed from entered rows, each labelled
/// as what it is. A seed document sometimes gives a rate without the counts behind it (新余
/// “剥离率达60%”, no denominator), or a share whose denominator is no longer on any register
/// (毕节 “占比改革前……编制人数465人的24.7%”: those units are gone). Neither may be presented as
/// reproduced by the system; the zone's policy carries them under fixed `seed_figures` keys
/// (policies/README.md), and the pages show them as published, beside the computed figure.
extension ZonePolicy {
    /// `seed_figures.stripping_rate` (kind `rate`): the 社会事务剥离率 as published.
    public var publishedStrippingRate: PublishedPercent? {
        guard case .rate(let percent)? = figure("stripping_rate")?.measure else { return nil }
        return percent
    }

    /// `seed_figures.retained_share` (kind `share`): the establishment kept after the reform over
    /// the establishment before it, with its label. Its `whole` is the zone's entry of the
    /// pre-reform 编制; the `part` is what the register's 三定 now holds.
    public var establishmentBeforeReform: EstablishmentBeforeReform? {
        guard let figure = figure("retained_share"), case .share(_, let whole, let percent) = figure.measure else { return nil }
        return EstablishmentBeforeReform(label: figure.label, establishment: whole, published: percent)
    }

    /// "公开数据：60%（seeds/001 …）": a published figure and where it was published.
    public func publishedText(_ percent: PublishedPercent) -> String { "公开数据：\(percent)（\(source)）" }
}

/// The pre-reform establishment a zone entered (毕节: 465), against which the 编制 it holds now is
/// a share: 115 / 465 = 24.7%.
public struct EstablishmentBeforeReform: Sendable, Equatable {
    /// What the publication calls the share (保留编制占改革前“两区”区直部门（单位）编制人数之比).
    public let label: String
    public let establishment: Int
    public let published: PublishedPercent

    /// "24.7%": today's 核定编制 total over the pre-reform establishment.
    public func share(of quotaNow: Int) -> String { Percent.format(quotaNow, of: establishment) }
}
