import Hummingbird

/// The page of a background job while it runs: what it is doing, a progress bar (a count when the job knows
/// its total, else an indeterminate bar), and a `Refresh` header that reloads it every second until the job's
/// route moves on to the result. No JavaScript.
struct JobPage {
    let title: String
    let active: String
    let hint: String

    func response(_ progress: JobProgress, principal: Principal, zoneName: String) -> Response {
        var response = Pages.response(Layout.page(title: title, active: active, principal: principal, zoneName: zoneName) {
            HTML.tag("h1") { title }
            HTML.tag("div", ["class": "card job"]) {
                HTML.tag("p", ["role": "status"]) { progress.message }
                if let done = progress.done, let total = progress.total, total > 0 {
                    HTML.tag("progress", ["value": "\(done)", "max": "\(total)"]) { "\(done) / \(total)" }
                } else {
                    HTML.tag("progress") { "" }
                }
                HTML.tag("p", ["class": "hint"]) { hint }
            }
        })
        response.headers[.init("Refresh")!] = "1"
        return response
    }
}
