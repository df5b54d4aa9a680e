import Hummingbird
import ZoneCore
import ZoneStore

/// 社会招聘: 组织人事 enters and removes external candidates for a round's open-recruitment posts.
struct RoundCandidateController {
    let env: AppEnvironment
    var rounds: RoundController { RoundController(env: env) }

    func register(_ routes: inout Routes) {
        routes.post("/rounds/:id/candidates", .manageRounds) { _, context, principal in
            try await add(context.parameters.require("id", as: Int64.self), context.form, principal)
        }
        routes.post("/rounds/:id/candidates/:candidate/delete", .manageRounds) { _, context, principal in
            let id = try context.parameters.require("id", as: Int64.self)
            let candidateID = try context.parameters.require("candidate", as: Int64.self)
            return try await rounds.run(id, principal) {
                try await env.store.rounds.removeCandidate(roundID: id, zoneID: try principal.zoneID, candidateID: candidateID,
                                                           actor: principal.account.username)
            }
        }
    }

    /// Validates like the register (errors beside the fields, nothing written), then the store
    /// refuses an ID number already on the register or in the round.
    func add(_ id: Int64, _ form: FormFields, _ principal: Principal) async throws -> Response {
        var draft = RoundPage.CandidateDraft(postID: form["postID"],
                                             input: CandidateInput(name: form["name"], idNumber: form["idNumber"], phone: form["phone"],
                                                                   score: form["score"]))
        guard let postID = Int64(draft.postID) else {
            draft.errors.add("postID", "必填")
            return try await rounds.page(id, principal, error: "请更正标红的字段，未保存任何内容。", status: .unprocessableContent, candidateDraft: draft)
        }
        switch draft.input.validate(today: env.store.clock.today) {
        case .failure(let errors):
            draft.errors = errors
            return try await rounds.page(id, principal, error: "请更正标红的字段，未保存任何内容。", status: .unprocessableContent, candidateDraft: draft)
        case .success(let candidate):
            do {
                try await env.store.rounds.addCandidate(roundID: id, zoneID: try principal.zoneID, postID: postID, candidate,
                                                        actor: principal.account.username)
                return .redirect(to: "/rounds/\(id)?msg=saved")
            } catch let error as StoreError {
                if case .notFound = error { return Pages.error(.notFound, error.message, principal: principal) }
                if case .duplicate = error { draft.errors.add("idNumber", error.message) }
                return try await rounds.page(id, principal, error: error.message, status: .conflict, candidateDraft: draft)
            }
        }
    }
}
