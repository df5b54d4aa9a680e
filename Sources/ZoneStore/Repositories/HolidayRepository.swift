import SQLKit
import ZoneCore

/// The holiday calendar (节假日安排): one stored State Council notice per year. Publicity periods and
/// work-log months count working days on `calendar()`; the system admin replaces a year's notice as a
/// whole (`load`), in one audited transaction.
///
/// ```swift
/// let ends = try await store.holidays.calendar().end(of: 5, after: store.clock.today)
/// ```
public struct HolidayRepository: Sendable {
    let database: ZoneDatabase
    let audit: AuditLog
    let clock: Clock

    /// A notice as stored, with who loaded it and when.
    public struct Stored: Sendable, Equatable {
        public let notice: HolidayNotice
        public let loadedBy: String
        public let loadedAt: String
    }

    /// Every stored notice, by year.
    public func all() async throws -> [Stored] { try await Self.all(in: database.reader) }

    /// The working-day calendar of every stored notice, statutory days for the other years.
    public func calendar() async throws -> WorkingDays { try await Self.calendar(in: database.reader) }

    static func calendar(in db: any SQLDatabase) async throws -> WorkingDays {
        WorkingDays(notices: try await all(in: db).map(\.notice))
    }

    static func all(in db: any SQLDatabase) async throws -> [Stored] {
        var days: [Int: [HolidayNotice.Day]] = [:]
        for row in try await db.raw("SELECT day, year, kind, name FROM holiday_days ORDER BY day").all() {
            let text = try row.decode(column: "day", as: String.self)
            guard let date = try? CivilDate(parsing: text) else { throw UnknownStoredValue(table: "holiday_days", column: "day", value: text) }
            days[try row.decode(column: "year", as: Int.self), default: []].append(
                HolidayNotice.Day(date: date, kind: try row.decode(column: "kind", as: HolidayNotice.Kind.self, table: "holiday_days"),
                                  name: try row.decode(column: "name", as: String.self)))
        }
        return try await db.raw("SELECT year, source, loaded_by, loaded_at FROM holiday_notices ORDER BY year").all().map { row in
            let year = try row.decode(column: "year", as: Int.self)
            return Stored(notice: HolidayNotice(year: year, source: try row.decode(column: "source", as: String.self), days: days[year] ?? []),
                          loadedBy: try row.decode(column: "loaded_by", as: String.self),
                          loadedAt: try row.decode(column: "loaded_at", as: String.self))
        }
    }

    /// Replaces `notice.year`'s days with the notice's, all or nothing; returns the notice it replaced.
    /// The audit record carries the counts and the source, so the log says what calendar a period used.
    @discardableResult
    public func load(_ notice: HolidayNotice, actor: String) async throws -> HolidayNotice? {
        let audit = audit, backend = database.backend, now = clock.isoTimestamp
        return try await database.transaction { tx in
            let previous = try await Self.all(in: tx).first { $0.notice.year == notice.year }?.notice
            try await tx.raw("DELETE FROM holiday_days WHERE year = \(bind: notice.year)").run()
            try await tx.raw("DELETE FROM holiday_notices WHERE year = \(bind: notice.year)").run()
            try await tx.raw("""
                INSERT INTO holiday_notices (year, source, loaded_by, loaded_at)
                VALUES (\(bind: notice.year), \(bind: notice.source), \(bind: actor), \(bind: now))
                """).run()
            for day in notice.days {
                try await tx.raw("""
                    INSERT INTO holiday_days (day, year, kind, name)
                    VALUES (\(bind: day.date.description), \(bind: notice.year), \(bind: day.kind.rawValue), \(bind: day.name))
                    """).run()
            }
            try await audit.append(AuditEntry(actor: actor, action: "holidays.load", entity: "holiday_notice", entityID: String(notice.year),
                                              detail: "source=\(notice.source); days_off=\(notice.daysOff.count); "
                                                  + "workdays=\(notice.makeUpWorkdays.count); replaced=\(previous != nil)"),
                                   in: tx, backend: backend)
            return previous
        }
    }
}
