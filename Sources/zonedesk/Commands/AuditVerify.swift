import ArgumentParser
import ZoneStore

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-verify",
        abstract: "Walk the audit hash chain; exit 1 naming the first bad row if anything was altered.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        let result = try await store.audit.verify(store.database.reader)
        try await store.close()
        if result.isIntact {
            print("审计日志完整：\(result.rowsChecked) 条记录校验通过 / audit log intact: \(result.rowsChecked) rows verified")
        } else {
            print("审计日志校验失败 / audit log verification FAILED: \(result.reason ?? "")")
            print("首个异常行 / first bad row: \(result.firstBad ?? 0)")
            throw ExitCode(1)
        }
    }
}
