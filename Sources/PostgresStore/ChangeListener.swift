import Foundation
import Logging
import NIOCore
import PostgresNIO
import Store

/// The newest history event's id, told by PostgreSQL: a connection of its own LISTENs on `careportal_changes`, which
/// every statement appending history NOTIFYs when it commits (schema v4), whichever instance ran it. While it listens,
/// the change token costs no query; when its connection is lost the store reads the token from the database again and
/// tries listening anew, at most every `retry` seconds.
final class ChangeListener: @unchecked Sendable {
    static let channel = "careportal_changes"
    static let retry: TimeInterval = 5

    private let database: PostgresConnections
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var latest: Int64 = 0
    private var nextAttempt = Date.distantPast
    /// This instance committed since the last read: its own notice may not have come back yet.
    private var ownCommit = false

    init(database: PostgresConnections) { self.database = database }

    deinit { stop() }

    /// The newest event heard of while listening; nil when not listening.
    var known: Int64? {
        lock.withLock {
            guard let connection, !connection.isClosed else { return nil }
            return latest
        }
    }

    /// After a commit of this instance, the next token is read from the database (its notice arrives a moment later),
    /// so a caller never sees a token older than its own change.
    func committed() { lock.withLock { ownCommit = true } }

    /// The newest event: heard of, or (not listening) `read` from the database after listening starts again, LISTEN
    /// first so that no commit falls between the two.
    func token(read: () throws(StoreError) -> Int64) throws(StoreError) -> Int64 {
        if let known {
            guard lock.withLock({ defer { ownCommit = false }; return ownCommit }) else { return known }
            let value = try read()
            return lock.withLock { latest = max(latest, value); return latest }
        }
        let now = Date()
        guard lock.withLock({ now >= nextAttempt }) else { return try read() }
        lock.withLock { nextAttempt = now.addingTimeInterval(Self.retry) }
        stop()
        do {
            let connection = try database.openDedicated()
            connection.addListener(channel: Self.channel) { [weak self] _, notification in
                guard let self, let id = Int64(notification.payload) else { return }
                self.lock.withLock { self.latest = max(self.latest, id) }
            }
            do {
                _ = try connection.query("LISTEN \(unescaped: Self.channel)", logger: database.logger).wait()
            } catch {
                try? (connection.close() as EventLoopFuture<Void>).wait()
                return try read()
            }
            let value = try read()
            lock.withLock {
                latest = max(latest, value)
                self.connection = connection
            }
            return value
        } catch {
            return try read()
        }
    }

    func stop() {
        let old = lock.withLock { () -> PostgresConnection? in defer { connection = nil }; return connection }
        try? (old?.close() as EventLoopFuture<Void>?)?.wait()
    }
}
