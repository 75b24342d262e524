import Foundation

/// A read its asker may give up on. The app makes one per list load: when a newer keystroke supersedes the load,
/// `cancel()` marks it and runs the stop its reader installed while it runs (the store interrupts its SQLite
/// statement), so the newer query never waits behind the older one. A cancelled read ends with
/// `PortalError.cancelled`, which nobody reports: its asker already moved on.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var stop: (@Sendable () -> Void)?

    public init() {}

    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Marks the read cancelled and stops it if it is running. The stop runs under the lock, so it can never reach
    /// a connection after `whileRunning` has handed it back for another read.
    public func cancel() {
        lock.withLock {
            cancelled = true
            stop?()
        }
    }

    /// Runs `body` with `stop` installed for as long as it runs; stops at once if already cancelled.
    public func whileRunning<T>(stop: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
        lock.withLock { self.stop = stop }
        defer { lock.withLock { self.stop = nil } }
        return try body()
    }
}
