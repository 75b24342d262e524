import Foundation
import GRDB

/// Copies the write-ahead log back into the database file off the commands' path. SQLite's own automatic checkpoint
/// runs inside the commit that fills the log past 1,000 pages, so one command in some dozens also paid for copying
/// and syncing 4 MB under the write lock (a team server's slowest messages). The writer's is turned off
/// (`wal_autocheckpoint = 0`); after writes, this runs a PASSIVE checkpoint on a connection of its own, which takes no
/// write lock: commands go on while it copies, and it copies only what no reader still needs.
///
/// Before it, the keyword index's small segments are merged a step (`mergeSQL`): each commit of a command adds one,
/// and FTS5's automatic merging let 10-90 of them pile up under a busy team (every keyword read looks a word up in
/// each: `keystone users*` 3.6 ms with 92, 2.0 ms with one). The step merges levels holding four or more segments,
/// at most 200 pages (5 ms); the large segment the demo's load and imports write is left alone.
final class Checkpointer: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let queue = DispatchQueue(label: "careportal.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var scheduled = false
    private var connection: DatabaseQueue?
    static let mergeSQL = "INSERT INTO case_search (case_search, rank) VALUES ('merge', 200)"
    /// Writes within this long of each other share one checkpoint.
    static let delay: DispatchTimeInterval = .milliseconds(100)

    init(path: String, configuration: Configuration) {
        self.path = path
        self.configuration = configuration
    }

    /// After a commit: a checkpoint soon, unless one is already due. Costs nothing while nothing is written.
    func wrote() {
        lock.lock()
        defer { lock.unlock() }
        guard !scheduled else { return }
        scheduled = true
        queue.asyncAfter(deadline: .now() + Self.delay) { [self] in run() }
    }

    /// Waits for a due checkpoint (tests).
    func settle() { queue.sync {} }

    private func run() {
        lock.lock()
        scheduled = false
        lock.unlock()
        do {
            // Opened on first use, and never where the database has gone meanwhile (it would make a new, empty one).
            if connection == nil {
                guard FileManager.default.fileExists(atPath: path) else { return }
                connection = try DatabaseQueue(path: path, configuration: configuration)
            }
            try connection?.writeWithoutTransaction { db in
                try db.execute(sql: Self.mergeSQL)
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        } catch {
            // A checkpoint that can't run now is retried after the next write; the log keeps every commit meanwhile.
        }
    }
}
