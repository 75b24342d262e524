import Foundation
import GRDB
import Testing
@testable import Store

/// The write-ahead log is copied into the database file after writes by `Checkpointer`, not inside a command's
/// commit: the writer's own automatic checkpoint is off, and what was written still reaches the file.
@Suite struct CheckpointerTests {
    func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    @Test func theWritersOwnCheckpointIsOff() throws {
        let f = try StoreFixture()
        let pages = try f.store.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(pages == 0)
    }

    @Test func writesReachTheDatabaseFileSoonAfter() throws {
        let f = try StoreFixture()
        f.store.checkpointer.settle()
        let before = fileSize(f.store.path)
        // 3 MiB: below SQLite's own threshold (1,000 pages), so only the checkpointer copies it now.
        try f.store.write { db in
            try db.execute(sql: "CREATE TABLE ballast (data BLOB)")
            try db.execute(sql: "INSERT INTO ballast VALUES (zeroblob(3145728))")
        }
        #expect(fileSize(f.store.path) - before < 1_048_576, "in the log first")
        // The checkpoint is due after a short delay; wait for it, then for its queue.
        Thread.sleep(forTimeInterval: 0.3)
        f.store.checkpointer.settle()
        #expect(fileSize(f.store.path) - before >= 3_145_728)
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT length(data) FROM ballast") } == 3_145_728)
    }

    @Test func aRemovedDatabaseIsNotMadeAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("gone.sqlite3").path
        let checkpointer = Checkpointer(path: path, configuration: Configuration())
        checkpointer.wrote()
        Thread.sleep(forTimeInterval: 0.3)
        checkpointer.settle()
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
