import Domain
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

    /// Each command's commit adds a segment to the keyword index; once writes pause they are merged into a few.
    @Test func theKeywordIndexsSmallSegmentsAreMergedAfterWrites() throws {
        let f = try StoreFixture()
        func segments() throws -> Int {
            try f.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM case_search_idx")! }
        }
        for i in 0..<40 {
            try f.store.postMessage(as: .reseller(f.agent1), number: f.standardCase.number, message: "Trace \(i) of the bounce attached.")
        }
        let before = try segments()
        Thread.sleep(forTimeInterval: 0.5)
        f.store.checkpointer.settle()
        #expect(try segments() == before, "no merge while writes have not paused for \(f.store.checkpointer.quiet)")
        Thread.sleep(forTimeInterval: 2)
        f.store.checkpointer.settle()
        let after = try segments()
        #expect(after <= 3, "\(before) segments after 40 commits, \(after) after the merge")
        #expect(try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: "trace")).rows.count == 1)
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
