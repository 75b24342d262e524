/// A monotonically increasing counter; each effect that loads gets a fresh id so stale results can be told apart.
struct RequestIDs: Equatable, Sendable {
    private(set) var last = 0
    mutating func next() -> Int {
        last += 1
        return last
    }
}
