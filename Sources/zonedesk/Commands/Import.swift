import ArgumentParser
import Foundation
import ZoneCore
import ZoneStore
import ZoneWeb

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a sheet (.xlsx, or CSV in UTF-8 or GBK): all rows or none, with a row-by-row error report.",
        subcommands: [ImportPeople.self, ImportUnits.self, ImportLedger.self, ImportPosts.self, ImportActuals.self])

    /// Opens the store, runs `body` for the zone, closes the store; an unknown zone or a refused import exits 2
    /// with every row error listed.
    static func run(_ db: String, zone: String, _ body: (Store, Int64) async throws -> Int) async throws {
        let store = try await Store.open(DatabaseLocation(db))
        let outcome: Result<Int, ImportRefused>?
        do {
            if let zoneRecord = try await store.zones.find(code: zone) {
                outcome = .success(try await body(store, zoneRecord.id))
            } else {
                outcome = nil
            }
        } catch let refused as ImportRefused {
            outcome = .failure(refused)
        } catch let error as StoreError {
            // Refused in the writing transaction (编制, a duplicate since the check): nothing was written.
            try? await store.close()
            print("导入被拒绝，未写入任何数据 / import refused, nothing written: \(error.bilingualMessage)")
            throw ExitCode(2)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        switch outcome {
        case nil:
            print("园区不存在 / no such zone: \(zone)")
            throw ExitCode(2)
        case .success(let count)?:
            print("已导入 \(count) 行 / imported \(count) rows")
        case .failure(let refused)?:
            print("导入被拒绝，未写入任何数据 / import refused, nothing written — \(refused.errors.count) problem(s):")
            for error in refused.errors { print("  " + error.description) }
            throw ExitCode(2)
        }
    }
}

/// Options every import and export shares.
struct SheetOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Zone code, e.g. bijie.")
    var zone: String
}

/// The sheet every import reads: a file argument and, for .xlsx, an optional worksheet name.
struct ImportFile: ParsableArguments {
    @Option(name: .long, help: "Worksheet name in an .xlsx file (default: the first sheet).")
    var sheet: String?

    @Argument(help: ".xlsx or CSV file.")
    var file: String

    /// The file as a table, or exit 2 with the reason.
    func table() throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: file) else {
            print("无法读取文件 / cannot read file: \(file)")
            throw ExitCode(2)
        }
        do { return try SheetFile.table(Array(data), sheet: sheet) } catch {
            print("文件无法导入 / cannot import file: \(error.message)")
            throw ExitCode(2)
        }
    }
}
