extension [UInt8] {
    /// The first index at or after `start` where `needle` begins, or nil. A plain scan: the parsers that read raw
    /// bytes (multipart bodies, workbook XML) look for short markers such as a boundary or `]]>`.
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var index = start
        while index <= count - needle.count {
            if self[index] == first && self[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
