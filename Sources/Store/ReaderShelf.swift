import Domain
import Foundation
import GRDB

/// Read-only connections for the keystroke path's reads, each taken off the shelf for one read and put back.
/// A page read through `DatabasePool` first checks a reader out of its pool (a barrier queue, a semaphore, a group
/// and a key path built at run time), about a quarter of a small keyword page; a connection off this shelf costs a
/// lock. Reads running at once each get their own connection, so the shelf holds as many as ever ran together.
final class ReaderShelf: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let lock = NSLock()
    private var idle: [DatabaseQueue] = []

    init(path: String, configuration: Configuration) {
        self.path = path
        self.configuration = configuration
    }

    /// Runs `body` on an idle connection. Cancelling `cancellation` while it runs interrupts its statement
    /// (`sqlite3_interrupt`); a read cancelled before or while it ran throws `StoreError.cancelled`.
    func read<T>(cancellation: Cancellation? = nil, _ body: (Database) throws -> T) throws -> T {
        let connection = try lock.withLock { idle.popLast() } ?? DatabaseQueue(path: path, configuration: configuration)
        defer { lock.withLock { idle.append(connection) } }
        guard let cancellation else { return try connection.inDatabase(body) }
        do {
            return try cancellation.whileRunning(stop: { connection.interrupt() }) {
                if cancellation.isCancelled { throw StoreError.cancelled }
                return try connection.inDatabase(body)
            }
        } catch where cancellation.isCancelled {
            throw StoreError.cancelled
        }
    }
}
