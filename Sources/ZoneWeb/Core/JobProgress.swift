/// How far a background job has got: a sentence, and a count of rows done when the work knows its total.
struct JobProgress: Sendable, Equatable {
    let message: String
    var done: Int?
    var total: Int?

    init(_ message: String, done: Int? = nil, of total: Int? = nil) {
        self.message = message
        self.done = done
        self.total = total
    }
}
