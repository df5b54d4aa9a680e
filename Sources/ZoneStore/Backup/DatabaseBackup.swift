import Foundation
import SQLKit

/// `zonedesk backup` and `zonedesk restore`: a whole database to one file and back.
///
/// SQLite uses `VACUUM INTO`, an online backup: it reads one consistent snapshot while the server
/// keeps serving, and writes a compact, ordinary SQLite file. Restoring copies that file into
/// place after checking it. PostgreSQL uses `pg_dump` (plain SQL) and restores with
/// `psql --single-transaction`, so a failed restore leaves nothing behind.
///
/// Restore only writes into an empty target (a SQLite path that does not exist yet, or a
/// PostgreSQL database without tables): it never merges into or overwrites live data.
///
/// ```swift
/// try await DatabaseBackup.backup(DatabaseLocation("./data/zonedesk.sqlite"), to: "/backups/zd.sqlite")
/// try await DatabaseBackup.restore(DatabaseLocation("/tmp/restored.sqlite"), from: "/backups/zd.sqlite")
/// ```
public enum DatabaseBackup {
    public static func backup(_ location: DatabaseLocation, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw BackupError("备份文件已存在，不会覆盖：\(file)", "backup file already exists, not overwriting: \(file)")
        }
        switch location.backend {
        case .sqlite:
            guard FileManager.default.fileExists(atPath: location.raw) else {
                throw BackupError("数据库文件不存在：\(location.raw)", "no such database file: \(location.raw)")
            }
            let database = try await ZoneDatabase.open(location)
            do {
                try await database.reader.raw("VACUUM INTO \(bind: file)").run()
            } catch {
                try? await database.close()
                throw error
            }
            try await database.close()
        case .postgres:
            try ExternalTool.run("pg_dump", ["--format=plain", "--no-owner", "--no-privileges", "--file=\(file)", location.raw])
        }
    }

    public static func restore(_ location: DatabaseLocation, from file: String) async throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw BackupError("备份文件不存在：\(file)", "no such backup file: \(file)")
        }
        switch location.backend {
        case .sqlite: try await restoreSQLite(location, from: file)
        case .postgres:
            let database = try await ZoneDatabase.open(location)
            let tables = try await DatabaseChecksum.tableNames(database.reader, .postgres)
            try await database.close()
            guard tables.isEmpty else {
                throw BackupError("目标数据库不是空库（已有 \(tables.count) 张表），请恢复到新建的空库",
                                  "target database is not empty (\(tables.count) tables); restore into a new, empty database")
            }
            try ExternalTool.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", file, location.raw])
        }
    }

    private static func restoreSQLite(_ location: DatabaseLocation, from file: String) async throws {
        let target = location.raw
        for path in [target, target + "-wal", target + "-shm"] where FileManager.default.fileExists(atPath: path) {
            throw BackupError("目标文件已存在，不会覆盖：\(path)（请恢复到新路径）",
                              "target already exists, not overwriting: \(path) (restore to a new path)")
        }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: file, toPath: target)
        do {
            let database = try await ZoneDatabase.open(location)
            let intact: Bool
            do {
                intact = try await isZoneDeskDatabase(database.reader)
            } catch {
                try? await database.close()
                throw error
            }
            try await database.close()
            guard intact else {
                throw BackupError("备份文件损坏或不是 ZoneDesk 数据库：\(file)", "backup is damaged or not a ZoneDesk database: \(file)")
            }
        } catch {
            for path in [target, target + "-wal", target + "-shm"] { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    /// SQLite's own integrity check passes and the migrations table is there.
    private static func isZoneDeskDatabase(_ db: any SQLDatabase) async throws -> Bool {
        let check = try await db.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
        let tables = try await DatabaseChecksum.tableNames(db, .sqlite)
        return check == ["ok"] && tables.contains("schema_migrations")
    }
}

/// A backup or restore refused or failed, in Chinese for the operator and English for logs.
public struct BackupError: Error, CustomStringConvertible {
    public let message: String
    public let englishMessage: String

    init(_ message: String, _ englishMessage: String) {
        self.message = message
        self.englishMessage = englishMessage
    }

    public var description: String { "\(message) / \(englishMessage)" }
}
