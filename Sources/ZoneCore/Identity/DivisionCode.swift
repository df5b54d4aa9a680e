/// Administrative division codes (GB/T 2260) as identity numbers carry them: a 居民身份证号 starts with the
/// six-digit code of where it was issued, a 统一社会信用代码 holds the registering authority's in positions 3–8.
///
/// Only the province level is checked. The full table has over 3,000 county codes and changes every year as
/// counties merge or are renamed; a number issued under an abolished code stays valid for life, so no table of
/// today's codes could tell a mistyped number from an old one.
enum DivisionCode {
    /// 北京 11 … 新疆 65, 台湾 71, 香港 81, 澳门 82, and 83: the code the 港澳台居民居住证 gives residents from
    /// Taiwan (公安部, 2018), whose numbers follow GB 11643 and appear on registers like any other.
    static let provinces: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                                      50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]

    /// Whether two ASCII digits name a province-level division.
    static func isProvince(_ tens: UInt8, _ units: UInt8) -> Bool {
        provinces.contains(Int(tens &- 0x30) * 10 + Int(units &- 0x30))
    }
}
