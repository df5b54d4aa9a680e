import Foundation
import Hummingbird
import ZoneCore
import ZoneStore

/// 申诉: a person a published round affects objects during its 公示期; 组织人事 answers (维持 or 更正).
struct RoundObjectionController {
    let env: AppEnvironment
    var rounds: RoundController { RoundController(env: env) }
    static let maxLength = 500

    func register(_ routes: inout Routes) {
        routes.post("/rounds/:id/objections", .objectInRounds) { _, context, principal in
            try await file(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/rounds/:id/objections/:objection/review", .manageRounds) { _, context, principal in
            try await review(context.parameters.require("id", as: Int64.self), objectionID: context.parameters.require("objection", as: Int64.self),
                             context.form, principal)
        }
    }

    func file(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        guard try await env.store.rounds.find(id: id, zoneID: try principal.zoneID) != nil else {
            return Pages.error(.notFound, "聘任批次不存在。", principal: principal)
        }
        guard case .person(let personID) = principal.scope else {
            return Pages.error(.forbidden, "您的账号未关联人员档案，不能提出申诉。", principal: principal)
        }
        let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= Self.maxLength else {
            return try await rounds.page(id, principal, error: "请填写申诉理由（最多\(Self.maxLength)字），未提交。", status: .unprocessableContent)
        }
        return try await rounds.run(id, principal, notice: "objection") {
            try await env.store.rounds.fileObjection(roundID: id, zoneID: try principal.zoneID, personID: personID, reason: reason,
                                                     actor: principal.account.username)
        }
    }

    func review(_ id: Int64, objectionID: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        let reply = form["reply"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decision = StoredObjection.Status(rawValue: form["decision"]), decision != .pending,
              !reply.isEmpty, reply.count <= Self.maxLength else {
            return try await rounds.page(id, principal, error: "请选择维持或更正，并填写答复意见（最多\(Self.maxLength)字），未保存。",
                                         status: .unprocessableContent)
        }
        return try await rounds.run(id, principal, notice: "reviewed") {
            try await env.store.rounds.reviewObjection(roundID: id, zoneID: try principal.zoneID, objectionID: objectionID,
                                                       decision: decision, reply: reply, actor: principal.account.username)
        }
    }
}
