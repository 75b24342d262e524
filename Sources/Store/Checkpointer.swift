import Foundation
import GRDB

/// Copies the write-ahead log back into the database file off the commands' path. SQLite's own automatic checkpoint
/// runs inside the commit that fills the log past 1,000 pages, so one command in some dozens also paid for copying
/// and syncing 4 MB under the write lock (a team server's slowest messages). The writer's is turned off
/// (`wal_autocheckpoint = 0`); after writes, this runs a PASSIVE checkpoint on a connection of its own, which takes no
/// write lock: commands go on while it copies, and it copies only what no reader still needs.
///
/// Once writes pause (`quiet`), the keyword index's small segments are merged a step (`mergeSQL`): each command's
/// commit adds one, and FTS5's automatic merging let 10-90 of them pile up (every keyword read looks a word up in
/// each: `keystone users*` 3.6 ms with 92, 2.0 ms with one). The step merges levels holding four or more segments,
/// at most 200 pages (5 ms); the large segment the demo's load and imports write is left alone. Not after every
/// burst of writes: under 50 agents' load a merge every 100 ms held the write lock often enough to take messages
/// from 26 to 45 ms p95.
final class Checkpointer: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let queue = DispatchQueue(label: "careportal.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var scheduled = false
    private var connection: DatabaseQueue?
    private var lastWrite = DispatchTime.now()
    private var mergeScheduled = false
    /// How long writes pause before the segments are merged.
    let quiet: DispatchTimeInterval
    static let mergeSQL = "INSERT INTO case_search (case_search, rank) VALUES ('merge', 200)"
    /// Writes within this long of each other share one checkpoint.
    static let delay: DispatchTimeInterval = .milliseconds(100)

    init(path: String, configuration: Configuration, quiet: DispatchTimeInterval = .seconds(2)) {
        self.path = path
        self.configuration = configuration
        self.quiet = quiet
    }

    /// After a commit: a checkpoint soon, unless one is already due. Costs nothing while nothing is written.
    func wrote() {
        lock.lock()
        defer { lock.unlock() }
        lastWrite = .now()
        if !mergeScheduled {
            mergeScheduled = true
            queue.asyncAfter(deadline: lastWrite + quiet) { [self] in mergeWhenQuiet() }
        }
        guard !scheduled else { return }
        scheduled = true
        queue.asyncAfter(deadline: .now() + Self.delay) { [self] in run() }
    }

    /// Merges a step once no write came for `quiet`; else looks again that long after the last one.
    private func mergeWhenQuiet() {
        lock.lock()
        let due = lastWrite + quiet
        if due > .now() {
            lock.unlock()
            queue.asyncAfter(deadline: due) { [self] in mergeWhenQuiet() }
            return
        }
        mergeScheduled = false
        lock.unlock()
        onConnection { db in
            try db.execute(sql: Self.mergeSQL)
            try Self.checkpoint(db)
        }
    }

    /// Waits for a due checkpoint (tests).
    func settle() { queue.sync {} }

    private func run() {
        lock.lock()
        scheduled = false
        lock.unlock()
        onConnection(Self.checkpoint)
    }

    private static func checkpoint(_ db: Database) throws { _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }

    /// Runs `body` on the checkpointer's connection, opened on first use, and never where the database has gone
    /// meanwhile (it would make a new, empty one). What can't run now is retried after the next write; the log keeps
    /// every commit meanwhile.
    private func onConnection(_ body: (Database) throws -> Void) {
        do {
            if connection == nil {
                guard FileManager.default.fileExists(atPath: path) else { return }
                connection = try DatabaseQueue(path: path, configuration: configuration)
            }
            try connection?.writeWithoutTransaction(body)
        } catch {}
    }
}
