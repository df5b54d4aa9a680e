import ArgumentParser
import Foundation
import ZoneCore
import ZoneStore

/// `zonedesk payrun`: computes a period's performance pay from a final appraisal as a preview run
/// (approval and locking stay in the web app, with the leader's sign-off), printing progress for
/// large zones and the totals. Refusals (a paid period, 工资总控, an unfinished appraisal) exit 2.
struct PayRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payrun",
        abstract: "计算绩效工资发放批次（预览） / compute a performance-pay run as a preview.")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Zone code, e.g. bijie.")
    var zone: String

    @Option(name: .long, help: "Period: 2025 or 2025-06.")
    var period: String

    @Option(name: .long, help: "Year of the final appraisal the run follows.")
    var year: Int

    @Option(name: .long, help: "Pool in yuan (核定总额), e.g. 3000000.00.")
    var pool: String?

    @Option(name: .customLong("fund-basis"), help: "毕节: the municipal fund in yuan; the multiple follows the zone score's tier.")
    var fundBasis: String?

    @Option(name: .customLong("zone-score"), help: "Zone target score (0–100) for --fund-basis; default: the appraisal's zone sheet.")
    var zoneScore: String?

    @Option(name: .long, help: "工资总控: outside average pay per person per year, in yuan.")
    var average: String?

    @Option(name: .customLong("base-total"), help: "工资总控: this period's base pay total, in yuan.")
    var baseTotal: String?

    func run() async throws {
        let store = try await Store.open(DatabaseLocation(database.db))
        do {
            try await create(store)
            try await store.close()
        } catch let error as StoreError {
            try? await store.close()
            FileHandle.standardError.write(Data("zonedesk payrun: \(error.bilingualMessage)\n".utf8))
            throw ExitCode(2)
        } catch {
            try? await store.close()
            throw error
        }
    }

    func create(_ store: Store) async throws {
        guard let zoneID = try await store.zones.find(code: zone)?.id else { throw StoreError.notFound("园区 \(zone)", english: "zone \(zone)") }
        guard let appraisal = try await store.appraisals.all(zoneID: zoneID).first(where: { $0.year == year }) else {
            throw StoreError.notFound("\(year)年度考核", english: "the \(year) appraisal")
        }
        let request = PayRunRequest(period: period, appraisalID: appraisal.id, pool: try await pool(store, appraisal: appraisal.id),
                                    averagePayFen: try average.map { try Self.fen($0, "--average") },
                                    baseTotalFen: try baseTotal.map { try Self.fen($0, "--base-total") })
        let id = try await store.payRuns.create(request, zoneID: zoneID, actor: "cli", progress: { step in
            let line = switch step {
            case .read(let people): "读取考核结果 / read results: \(people) 人"
            case .computed(let paid): "分配完成 / split: \(Fen.text(paid))"
            case .written(let lines, let total): "写入明细 / lines written: \(lines)/\(total)"
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        })
        guard let run = try await store.payRuns.find(id: id, zoneID: zoneID) else { throw StoreError.notFound("发放批次 \(id)", english: "pay run \(id)") }
        print("第\(run.id)号批次（预览，待领导审批） / run \(run.id) (preview, awaiting approval)")
        print("期间 period \(run.period)  人数 people \(run.headcount)  总额 pool \(Fen.text(run.poolFen))  实发 paid \(Fen.text(run.paidFen))"
              + "  奖励 rewards \(Fen.text(run.rewardFen))  未分配 unallocated \(Fen.text(run.unallocatedFen))")
        print("依据 basis: \(run.poolBasis)")
        print("校验码 checksum: \(run.checksum)")
    }

    func pool(_ store: Store, appraisal: Int64) async throws -> PayPool {
        if let pool { return .fixed(fen: try Self.fen(pool, "--pool")) }
        guard let fundBasis else { throw StoreError.invalid("请给出 --pool 或 --fund-basis", english: "give --pool or --fund-basis") }
        let score: Int32
        if let zoneScore {
            guard let parsed = FixedPoint.parse(zoneScore, places: 2, limit: Int(ScoreScale.full)) else {
                throw StoreError.invalid("--zone-score 应为 0–100 的数", english: "--zone-score must be a number from 0 to 100")
            }
            score = Int32(parsed)
        } else {
            guard let computed = try await store.appraisals.zoneScore(appraisalID: appraisal) else {
                throw StoreError.invalid("园区指标不完整，请给出 --zone-score", english: "the zone sheet is incomplete; give --zone-score")
            }
            score = computed
        }
        return .fund(basisFen: try Self.fen(fundBasis, "--fund-basis"), zoneScore: score)
    }

    static func fen(_ yuan: String, _ option: String) throws -> Int64 {
        guard let fen = FixedPoint.parse(yuan, places: 2, limit: Fen.maxTotal) else {
            throw StoreError.invalid("\(option) 应为不超过 100 亿的元数，最多两位小数", english: "\(option) must be yuan up to 10 billion with at most 2 decimals")
        }
        return Int64(fen)
    }
}
