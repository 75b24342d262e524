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

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let connection = try lock.withLock { idle.popLast() } ?? DatabaseQueue(path: path, configuration: configuration)
        defer { lock.withLock { idle.append(connection) } }
        return try connection.inDatabase(body)
    }
}
