import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v16 keys every search row by its case's place in update order, and moves the row there.
@Suite struct SearchKeyMigrationTests {
    @Test func aVersionFifteenDatabaseIsKeyedInSequence() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-v15-\(UUID().uuidString).sqlite3").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v15: the words of the keyword index")
        // (id, updated_at, title): ties on the time, an id past the packed keys' range (keyed -id before v16).
        let cases: [(Int64, Int64, String)] = [(1, 5_000, "alpha mail"), (2, 3_000, "bravo mail"), (3, 5_000, "charlie"),
                                               (4, 1_000, "delta mail"), (3_000_000, 4_000, "echo mail")]
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO domain (id, name, kind, created_at) VALUES (1, 'one.example', 'reseller', 0);
                INSERT INTO customer (id, name, primary_domain, tier) VALUES (42, 'Harbor Health', 'harbor.example', 'premium');
                """)
            for (id, at, title) in cases {
                try db.execute(sql: """
                    INSERT INTO support_case (id, number, customer_id, domain_id, product, title, category, description, severity, status,
                      escalated, language, time_zone, created_at, updated_at, waiting_since)
                      VALUES (?, ?, 42, 1, 'Google Workspace', ?, 'Calendar', 'Text.', 3, 0, 0, 'en', 'UTC', 0, ?, 0)
                    """, arguments: [id, 10_000_000 + id, title, at])
                let packed = id < 1 << 21 ? at << 21 | id : -id
                try db.execute(sql: "INSERT INTO case_search (rowid, number, title, description, messages, customer) VALUES (?, ?, ?, 'Text.', '', 'Harbor Health harbor.example')",
                               arguments: [packed, String(10_000_000 + id), title])
            }
        }
        try queue.close()
        let store = try PortalStore(path: path, passwordHasher: .fast)
        let (keys, rows, mail) = try store.read { db in
            (try Row.fetchAll(db, sql: "SELECT id, search_key FROM support_case ORDER BY search_key").map { ($0[0] as Int64, $0[1] as Int64) },
             try Row.fetchAll(db, sql: "SELECT rowid, title FROM case_search ORDER BY rowid").map { ($0[0] as Int64, $0[1] as String) },
             try Int64.fetchAll(db, sql: "SELECT rowid FROM case_search WHERE case_search MATCH 'mail' ORDER BY rowid DESC"))
        }
        // In (updated_at, id) order: 4 (1,000), 2 (3,000), 3,000,000 (4,000), 1 and 3 (5,000).
        #expect(keys.map(\.0) == [4, 2, 3_000_000, 1, 3])
        #expect(keys.map(\.1) == [1, 2, 3, 4, 5])
        #expect(rows.map(\.0) == [1, 2, 3, 4, 5])
        #expect(rows.map(\.1) == ["delta mail", "bravo mail", "echo mail", "alpha mail", "charlie"])
        #expect(mail == [4, 3, 2, 1])
        #expect(try store.read { db in try KeywordPlan.keysOrdered(db, log: nil) })
    }
}
