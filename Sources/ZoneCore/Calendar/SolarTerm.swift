import Foundation

/// 清明 is a solar term, not a lunar date: the day (Beijing time) the sun's apparent ecliptic longitude
/// reaches 15°. Computed with Meeus's low-accuracy solar position (Astronomical Algorithms, ch. 25:
/// about 0.01°, a quarter of an hour), which gives every 清明 of 2000–2030 right; the nearest call in
/// that span, 2009's at 23:34, is still twenty minutes from midnight.
enum SolarTerm {
    /// The Beijing calendar day of 清明 (solar longitude 15°) in `year`.
    static func qingming(_ year: Int) -> CivilDate {
        // Start from 5 April noon and step by the longitude still to go; three steps already agree to seconds.
        var jd = julianDay(CivilDate(year: year, month: 4, day: 5)!) + 0.5
        for _ in 0..<6 {
            var gap = (15 - apparentLongitude(jd)).truncatingRemainder(dividingBy: 360)
            if gap > 180 { gap -= 360 }
            if gap < -180 { gap += 360 }
            jd += gap * 365.2422 / 360
        }
        // jd is dynamical time; ΔT is about 69 s in the 2020s, then Beijing is UTC+8.
        let beijing = jd - 69.0 / 86_400 + 8.0 / 24
        return CivilDate(daysSinceEpoch: Int((beijing - unixEpochJulianDay).rounded(.down)))
    }

    private static let unixEpochJulianDay = 2_440_587.5

    /// Julian day at 00:00 UTC of `date`.
    private static func julianDay(_ date: CivilDate) -> Double { unixEpochJulianDay + Double(date.daysSinceEpoch) }

    /// The sun's apparent longitude in degrees (with aberration and the main nutation term).
    private static func apparentLongitude(_ jd: Double) -> Double {
        let t = (jd - 2_451_545) / 36_525
        let meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t
        let anomaly = (357.52911 + 35_999.05029 * t - 0.0001537 * t * t) * .pi / 180
        let centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly)
            + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000289 * sin(3 * anomaly)
        let node = (125.04 - 1934.136 * t) * .pi / 180
        return meanLongitude + centre - 0.00569 - 0.00478 * sin(node)
    }
}
