import Hummingbird
import ZoneCore

extension Request {
    /// A numeric query parameter (`?page=`, `?year=`, `?unit=`) inside `range`, or nil when it is absent or empty.
    /// Anything else — `9223372036854775807`, `1e400`, `NaN` — throws, and `Routes` answers 400 with the message,
    /// so no handler computes an offset or a span from an unchecked number.
    func number<T: FixedWidthInteger>(_ name: String, in range: ClosedRange<T>, label: String) throws(ValidationError) -> T? {
        guard let text = uri.queryParameters[Substring(name)] else { return nil }
        return try BoundedInt.optional(text, in: range, label: label)
    }
}
