import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// `/api/v1`: the same data and rules as the pages, as JSON (documented in openapi.yaml).
/// Mutating calls need the session cookie and the `X-CSRF-Token` header from `GET /api/v1/session`.
struct APIController {
    let env: AppEnvironment
    let people: PersonController

    init(env: AppEnvironment) {
        self.env = env
        people = PersonController(env: env)
    }

    struct SessionDTO: Encodable {
        let username: String
        let displayName: String
        let role: String
        let roleLabel: String
        let csrfToken: String
    }

    struct UnitDTO: Encodable {
        let id: Int64
        let parentId: Int64?
        let name: String
        let kind: String
        let orgType: String
        let funding: String?
        let rank: String
        let isEconomic: Bool
        let quota: [String: Int]
        let staff: Int
    }

    struct PersonDTO: Encodable {
        let id: Int64
        let unitId: Int64
        let name: String
        let idNumber: String
        let gender: String
        let birthDate: String
        let phone: String?
        let establishment: String
        /// Sealed (absent) unless the caller may read the archive (组织人事, 纪工委).
        let archivePost: String?
        let archiveRank: String?
        let status: String
        let leadership: String?
        /// 参加工作时间 (the seniority tie rule's date), from the archive and sealed like it; absent when not recorded.
        let workStartedOn: String?
        let version: Int
        let masked: Bool

        init(_ p: Person, unmasked: Bool, sealed: Bool) {
            id = p.id; unitId = p.unitID; name = p.name
            idNumber = unmasked ? p.idNumber : p.maskedIDNumber
            gender = p.gender.rawValue
            birthDate = unmasked ? p.birthDate : String(p.birthDate.prefix(4)) + "-**-**"
            phone = unmasked ? p.phone : p.maskedPhone
            establishment = p.establishment.rawValue
            archivePost = sealed ? nil : p.archivePost
            archiveRank = sealed ? nil : p.archiveRank
            status = p.status.rawValue; leadership = p.leadership?.rawValue; workStartedOn = sealed ? nil : p.workStartedOn
            version = p.version; masked = !unmasked
        }
    }

    struct PageDTO: Encodable {
        let items: [PersonDTO]
        let total: Int
        let page: Int
        let pageSize: Int
    }

    struct PersonBody: Decodable {
        var name: String?
        var idNumber: String?
        var phone: String?
        var unitId: Int64?
        var establishment: String?
        var archivePost: String?
        var archiveRank: String?
        var status: String?
        var leadership: String?
        var workStartedOn: String?
        var version: Int?

        var input: PersonInput {
            PersonInput(name: name ?? "", idNumber: idNumber ?? "", phone: phone ?? "", unitID: unitId.map(String.init) ?? "",
                        establishment: establishment ?? "", archivePost: archivePost ?? "", archiveRank: archiveRank ?? "",
                        status: status ?? PersonStatus.active.rawValue, leadership: leadership ?? "", workStartedOn: workStartedOn ?? "")
        }
    }

    /// Field errors keyed by the JSON body's names (the form calls the unit field `unitID`).
    static func apiFields(_ errors: FieldErrors) -> [String: String] {
        Dictionary(uniqueKeysWithValues: errors.byField.map { ($0.key == "unitID" ? "unitId" : $0.key, $0.value) })
    }

    /// 409 with a code a client can act on: stale_version, over_quota, duplicate.
    static func storeError(_ error: StoreError) -> Response {
        switch error {
        case .staleVersion: APIResponse.error(.conflict, error.message, code: "stale_version")
        case .overQuota: APIResponse.error(.conflict, error.message, code: "over_quota")
        case .duplicate: APIResponse.error(.conflict, error.message, code: "duplicate")
        case .notFound: APIResponse.error(.notFound, error.message, code: "not_found")
        case .invalid: APIResponse.error(.unprocessableContent, error.message, code: "validation")
        }
    }

    func register(_ routes: inout Routes) {
        routes.get("/api/v1/session", .signedIn) { _, _, principal in
            try APIResponse.json(SessionDTO(username: principal.account.username, displayName: principal.account.displayName,
                                            role: principal.role.rawValue, roleLabel: principal.role.label,
                                            csrfToken: principal.session.csrfToken))
        }
        routes.get("/api/v1/units", .viewUnits) { _, _, principal in try await units(principal, only: nil) }
        routes.get("/api/v1/units/:id", .viewUnits) { _, context, principal in
            try await units(principal, only: context.parameters.require("id", as: Int64.self))
        }
        routes.get("/api/v1/people", .viewPeople) { request, _, principal in try await listPeople(request, principal) }
        routes.get("/api/v1/people/:id", .viewPeople) { request, context, principal in
            try await getPerson(context.parameters.require("id", as: Int64.self), reveal: request.uri.queryParameters["reveal"] == "true", principal)
        }
        routes.post("/api/v1/people", .editPeople) { request, context, principal in try await createPerson(request, context, principal) }
        routes.put("/api/v1/people/:id", .editPeople) { request, context, principal in
            try await updatePerson(context.parameters.require("id", as: Int64.self), request, context, principal)
        }
    }

    func units(_ principal: Principal, only: Int64?) async throws -> Response {
        let zoneID = try principal.zoneID
        if only == nil, principal.scope == .zone {
            // The whole tree looks the same to everyone with zone scope: encode it once per change.
            return APIResponse.json(encoded: try await env.cache.value("api/units:\(zoneID)", in: env.store.database) {
                try APIResponse.encode(try await unitDTOs(zoneID: zoneID, principal, only: nil).dtos)
            })
        }
        let (snap, dtos) = try await unitDTOs(zoneID: zoneID, principal, only: only)
        if let only {
            guard let dto = dtos.first else {
                return snap.tree[only] == nil ? APIResponse.error(.notFound, "单位不存在", code: "not_found")
                    : APIResponse.error(.forbidden, "无权查看本部门以外的单位", code: "out_of_scope")
            }
            return try APIResponse.json(dto)
        }
        return try APIResponse.json(dtos)
    }

    func unitDTOs(zoneID: Int64, _ principal: Principal, only: Int64?) async throws -> (snap: UnitController.Snapshot, dtos: [UnitDTO]) {
        let snap = try await UnitController(env: env).snapshot(zoneID: zoneID)
        let visible = snap.tree.flattened().map(\.unit).filter { principal.scope.allows(unitID: $0.id) && (only == nil || $0.id == only) }
        let dtos = visible.map { unit in
            UnitDTO(id: unit.id, parentId: unit.parentID, name: unit.name, kind: unit.kind.rawValue, orgType: unit.orgType.rawValue,
                    funding: unit.funding?.rawValue, rank: unit.rank, isEconomic: unit.isEconomic,
                    quota: Dictionary(uniqueKeysWithValues: (snap.quotas[unit.id] ?? [:]).map { ($0.key.rawValue, $0.value) }),
                    staff: snap.totals[unit.id]?.staff ?? 0)
        }
        return (snap, dtos)
    }

    func listPeople(_ request: Request, _ principal: Principal) async throws -> Response {
        let params = request.uri.queryParameters
        let unit = try request.number("unit", in: BoundedInt.ids, label: "单位")
        let pageNumber = try request.number("page", in: 1...BoundedInt.maxPage, label: "页码") ?? 1
        let pageSize = try request.number("pageSize", in: 1...200, label: "每页条数") ?? 50
        let tree = try await env.store.units.tree(zoneID: try principal.zoneID)
        guard let page = try await people.search(people.query(
            text: params["q"].map(String.init) ?? "", unit: unit, page: pageNumber, pageSize: pageSize,
            principal: principal, tree: tree), principal) else {
            return APIResponse.error(.forbidden, PersonController.fullIDRefused, code: "forbidden")
        }
        return try APIResponse.json(PageDTO(items: page.people.map { PersonDTO($0, unmasked: false, sealed: !principal.can(.unmaskPersonalData)) }, total: page.total,
                                            page: page.page, pageSize: page.pageSize))
    }

    func getPerson(_ id: Int64, reveal: Bool, _ principal: Principal) async throws -> Response {
        guard let person = try await people.scoped(id, principal) else {
            return APIResponse.error(.forbidden, "该人员不存在或不在您的管理范围内", code: "out_of_scope")
        }
        if reveal {
            guard principal.can(.unmaskPersonalData) else {
                return APIResponse.error(.forbidden, "无权查看完整个人信息", code: "forbidden")
            }
            try await env.store.record(AuditEntry(actor: principal.account.username, action: "person.reveal", entity: "person",
                                                  entityID: String(id), detail: "fields=idNumber,phone,birthDate; via=api"))
        }
        return try APIResponse.json(PersonDTO(person, unmasked: reveal, sealed: !principal.can(.unmaskPersonalData)))
    }

    func decodeBody(_ request: Request, _ context: AppContext) async throws -> PersonBody? {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        return try? JSONDecoder().decode(PersonBody.self, from: Data(buffer: buffer))
    }

    func createPerson(_ request: Request, _ context: AppContext, _ principal: Principal) async throws -> Response {
        guard let body = try await decodeBody(request, context) else {
            return APIResponse.error(.badRequest, "请求体不是有效的 JSON", code: "malformed")
        }
        let tree = try await people.visibleUnits(principal)
        switch body.input.validate(knownUnits: Set(tree.units.map(\.id)), today: env.store.clock.today) {
        case .failure(let errors):
            return APIResponse.error(.unprocessableContent, "校验未通过，未保存任何内容", code: "validation", fields: Self.apiFields(errors))
        case .success(let valid):
            do {
                let person = try await env.store.people.create(valid, zoneID: try principal.zoneID, actor: principal.account.username)
                return try APIResponse.json(PersonDTO(person, unmasked: false, sealed: !principal.can(.unmaskPersonalData)), status: .created)
            } catch let error as StoreError {
                return Self.storeError(error)
            }
        }
    }

    func updatePerson(_ id: Int64, _ request: Request, _ context: AppContext, _ principal: Principal) async throws -> Response {
        guard try await people.scoped(id, principal) != nil else {
            return APIResponse.error(.forbidden, "该人员不存在或不在您的管理范围内", code: "out_of_scope")
        }
        guard let body = try await decodeBody(request, context) else {
            return APIResponse.error(.badRequest, "请求体不是有效的 JSON", code: "malformed")
        }
        guard let version = body.version else {
            return APIResponse.error(.unprocessableContent, "缺少 version（乐观锁版本号）", code: "validation", fields: ["version": "必填"])
        }
        let tree = try await people.visibleUnits(principal)
        switch body.input.validate(knownUnits: Set(tree.units.map(\.id)), today: env.store.clock.today) {
        case .failure(let errors):
            return APIResponse.error(.unprocessableContent, "校验未通过，未保存任何内容", code: "validation", fields: Self.apiFields(errors))
        case .success(let valid):
            do {
                let person = try await env.store.people.update(id: id, zoneID: try principal.zoneID, to: valid,
                                                               expectedVersion: version, actor: principal.account.username)
                return try APIResponse.json(PersonDTO(person, unmasked: false, sealed: !principal.can(.unmaskPersonalData)))
            } catch let error as StoreError {
                return Self.storeError(error)
            }
        }
    }
}
