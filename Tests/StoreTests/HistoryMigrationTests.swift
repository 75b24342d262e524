import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Migration v17 keeps history's authors once and its kinds as codes behind a view with the old columns, and
/// rebuilds the search index over the cases' own text.
@Suite struct HistoryMigrationTests {
    @Test func everyKindHasACode() {
        #expect(Set(HistoryCode.kinds) == Set(HistoryKind.allCases))
        #expect(HistoryCode.kinds.count == HistoryKind.allCases.count)
    }

    @Test func aVersionSixteenDatabaseKeepsItsHistoryAlertsAndSearch() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-v16-\(UUID().uuidString).sqlite3").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v16: search keys in sequence")
        let events: [(Int64, String, String, String)] = [
            (10, "Agent One <agent@one.example>", "created", "Filed for Harbor Health"),
            (11, "Agent One <agent@one.example>", "message", "The zeppelin invites vanish"),
            (12, "Priya (Google Workspace Support)", "support-reply", "Send the walrus trace"),
            (13, "Priya (Google Workspace Support)", "status-change", "Status changed from New to In progress"),
        ]
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO domain (id, name, kind, created_at) VALUES (1, 'one.example', 'reseller', 0);
                INSERT INTO customer (id, name, primary_domain, tier) VALUES (42, 'Harbor Health', 'harbor.example', 'premium');
                INSERT INTO support_case (id, number, customer_id, domain_id, product, title, category, description, severity, status,
                  escalated, language, time_zone, created_at, updated_at, waiting_since, search_key)
                  VALUES (7, 10000007, 42, 1, 'Google Workspace', 'Calendar invites', 'Calendar', 'Invites vanish.', 3, 0, 0, 'en', 'UTC', 0, 2000, 0, 1);
                INSERT INTO case_search (rowid, number, title, description, messages, customer)
                  VALUES (1, '10000007', 'Calendar invites', 'Invites vanish.', 'The zeppelin invites vanish' || char(10) || 'Send the walrus trace',
                          'Harbor Health harbor.example');
                """)
            for (id, author, kind, text) in events {
                try db.execute(sql: "INSERT INTO history (id, case_id, at, author, kind, text) VALUES (?, 7, ?, ?, ?, ?)",
                               arguments: [id, 1000 + id, author, kind, text])
            }
            try db.execute(sql: "INSERT INTO outbox (case_id, history_id, recipient, created_at) VALUES (7, 12, 'agent@one.example', 1012)")
            // Bulk, so the tables the migration drops leave most of the file's pages free.
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                INSERT INTO history (id, case_id, at, author, kind, text) SELECT i, 7, 1000 + i, 'Bulk <bulk@one.example>', 'status-change',
                  'Status changed from New to In progress, ' || printf('%.200c', 'x') FROM n
                """)
        }
        try queue.close()
        let store = try PortalStore(path: path, passwordHasher: .fast)
        try store.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, author, kind, text FROM history WHERE case_id = 7 AND id < 100 ORDER BY at, id")
            #expect(rows.map { ($0[0] as Int64, $0[1] as String, $0[2] as String, $0[3] as String) }.elementsEqual(events, by: ==))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM history_author") == 3)
            #expect(try Int.fetchAll(db, sql: "SELECT kind FROM history_event WHERE id < 100 ORDER BY id") == [0, 1, 2, 4])
            // The old tables' pages went back to the disk (VACUUM after the migration).
            #expect(try Int.fetchOne(db, sql: "PRAGMA freelist_count") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT indexed_through FROM support_case WHERE id = 7") == 3000)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int64.fetchAll(db, sql: "SELECT rowid FROM case_search WHERE case_search MATCH 'walrus harbor'") == [1])
        }
        // The alert's event is still there to deliver, and deleting the case takes its history and alert with it.
        try store.write { db in
            try db.execute(sql: "INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)")
            #expect(try String.fetchOne(db, sql: "SELECT h.text FROM outbox o JOIN history h ON h.id = o.history_id") == "Send the walrus trace")
            try db.execute(sql: "DELETE FROM support_case WHERE id = 7")
            #expect(try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM history_event) + (SELECT count(*) FROM outbox)") == 0)
            try db.execute(sql: "INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// Other tools write the view as they wrote the table; a kind that is none is refused.
    @Test func theHistoryViewTakesWritesAndRefusesAnUnknownKind() throws {
        let f = try StoreFixture()
        try f.store.write { db in
            try db.execute(sql: "INSERT INTO history (case_id, at, author, kind, text) VALUES (?, 1, 'Script', 'message', 'From a script')",
                           arguments: [f.standardCase.id])
            try db.execute(sql: "UPDATE history SET author = 'Script two' WHERE text = 'From a script'")
            #expect(try String.fetchOne(db, sql: "SELECT author FROM history WHERE text = 'From a script'") == "Script two")
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO history (case_id, at, author, kind, text) VALUES (?, 1, 'Script', 'gossip', 'x')",
                               arguments: [f.standardCase.id])
            }
            try db.execute(sql: "DELETE FROM history WHERE text = 'From a script'")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM history WHERE author LIKE 'Script%'") == 0)
        }
        // The commands' events read back with their authors and kinds.
        try f.store.perform(.message("Hello"), on: f.standardCase.number, as: .reseller(f.agent1))
        #expect(try f.history(f.standardCase.number).map(\.kind) == [.created, .message])  // a new case stays new
        #expect(try f.history(f.standardCase.number).last { $0.kind == .message }?.author == Actor.reseller(f.agent1).displayName)
    }
}

/// Filing a case finds its customer by an exact name, domain or id from the customer's own index, then the access.
@Suite struct CustomerLookupPlanTests {
    @Test func anExactCustomerIsReadCustomerFirst() throws {
        let f = try StoreFixture()
        try f.store.read { db in
            for clause in ["cu.primary_domain = ?", "cu.id = ?", "cu.name = ? COLLATE NOCASE"] {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + PortalStore.customerLookupSQL(join: "CROSS JOIN") + " WHERE " + clause,
                                            arguments: [f.agent1.domainID, "acme.example"]).map { $0["detail"] as String }
                #expect(plan.first?.hasPrefix("SEARCH cu USING") == true, "\(clause): \(plan)")
                #expect(plan.last?.contains("customer_access_current") == true, "\(clause): \(plan)")
            }
        }
        #expect(try f.file("acme.example").number > 0)
    }
}
