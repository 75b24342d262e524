import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// The keyword index keeps no copy of its text (schema v17): its rows are read from the cases, their customers and
/// their messages, and each change takes a row out with the words it went in with. FTS5's `integrity-check` with
/// rank 1 compares every row of the index with the text it reads from the view, so a row left with stale words fails it.
@Suite struct SearchSourceTests {
    func check(_ f: StoreFixture) throws {
        try f.store.write { db in try db.execute(sql: "INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)") }
    }

    func matches(_ f: StoreFixture, _ match: String) throws -> [Int] {
        try f.store.read { db in
            try Int.fetchAll(db, sql: """
                SELECT c.number FROM case_search s JOIN support_case c ON c.search_key = s.rowid
                WHERE case_search MATCH ? ORDER BY s.rowid DESC
                """, arguments: [match])
        }
    }

    @Test func theIndexHoldsNoCopyOfTheText() throws {
        let f = try StoreFixture()
        let tables = try f.store.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'case_search%'") }
        #expect(!tables.contains("case_search_content"))
        #expect(tables.contains("case_search_source"))
    }

    @Test func everyCommandKeepsTheIndexTrueToTheCases() throws {
        let f = try StoreFixture()
        let acme = try f.file("acme.example", title: "Calendar invites vanish")
        let reseller = Actor.reseller(f.agent1)
        try f.store.perform(.message("The quarterly zeppelin report is missing"), on: acme.number, as: reseller)
        try check(f)
        #expect(try matches(f, "zeppelin") == [acme.number])
        try f.store.perform(.supportReply("Please send the walrus logs", status: .actionRequired), on: acme.number,
                            as: .supportEngineer(f.engineer))
        try f.store.perform(.severity(.p1), on: f.standardCase.number, as: reseller)
        try f.store.perform(.message("Second zeppelin sighting"), on: f.standardCase.number, as: reseller)
        try f.store.perform(.escalate(reason: .businessImpact, justification: "Blocked since Monday"), on: acme.number, as: reseller)
        try f.store.perform(.close, on: acme.number, as: reseller)
        try f.store.perform(.reopen, on: acme.number, as: reseller)
        try check(f)
        // Newest update first; the reply's words and the customer's name are found too.
        #expect(try matches(f, "zeppelin") == [acme.number, f.standardCase.number])
        #expect(try matches(f, "walrus") == [acme.number])
        #expect(try matches(f, "acme vanish") == [acme.number])
        #expect(try matches(f, "customer:basic") == [f.standardCase.number])
        // Rows move with their cases: each row's key is its case's, and no word is left at an old key.
        let keys = try f.store.read { db in try Int64.fetchAll(db, sql: "SELECT search_key FROM support_case ORDER BY search_key") }
        #expect(try f.store.read { db in try Int64.fetchAll(db, sql: "SELECT rowid FROM case_search WHERE case_search MATCH 'bounces OR vanish' ORDER BY rowid") }
            == keys)
    }

    /// Changes made with SQL outside the commands: an update time, a customer's name, a title, a deleted case.
    @Test func rowsFollowChangesMadeOutsideTheCommands() throws {
        let f = try StoreFixture()
        let acme = try f.file("acme.example", title: "Calendar invites vanish")
        try f.store.perform(.message("A zeppelin note"), on: acme.number, as: .reseller(f.agent1))
        try f.store.write { db in
            try db.execute(sql: "UPDATE support_case SET updated_at = updated_at + 1 WHERE number = ?", arguments: [f.standardCase.number])
            try db.execute(sql: "UPDATE customer SET name = 'Acme Worldwide' WHERE primary_domain = 'acme.example'")
            try db.execute(sql: "UPDATE support_case SET title = 'Calendar entries vanish' WHERE number = ?", arguments: [acme.number])
        }
        try check(f)
        #expect(try matches(f, "premium").isEmpty)
        #expect(try matches(f, "worldwide zeppelin entries") == [acme.number])
        #expect(try matches(f, "invites").isEmpty)
        try f.store.write { db in try db.execute(sql: "DELETE FROM support_case WHERE number = ?", arguments: [acme.number]) }
        try check(f)
        #expect(try matches(f, "zeppelin OR worldwide").isEmpty)
        #expect(try matches(f, "bounces") == [f.standardCase.number])
    }

    /// The check has teeth: a message rewritten behind the index's back leaves its old words in the index.
    @Test func aMessageChangedBehindTheIndexFailsTheCheck() throws {
        let f = try StoreFixture()
        try f.store.perform(.message("A zeppelin note"), on: f.standardCase.number, as: .reseller(f.agent1))
        try check(f)
        try f.store.write { db in try db.execute(sql: "UPDATE history SET text = 'A walrus note' WHERE text = 'A zeppelin note'") }
        #expect(throws: (any Error).self) { try check(f) }
    }

    /// The demo builds its rows from the text it generates, in one pass: they must be the view's words exactly.
    @Test func theDemoAndAnOrganisationCopyIndexWhatTheViewReads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("demo.sqlite3").path
        _ = try PortalStore.createDemo(at: path, cases: 300, seed: 5, passwordHasher: .fast)
        let demo = try PortalStore(path: path, passwordHasher: .fast)
        try demo.write { db in try db.execute(sql: "INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)") }
        let copy = try PortalStore(path: dir.appendingPathComponent("copy.sqlite3").path, create: true, passwordHasher: .fast)
        var tables: [(String, [String], [[CopiedValue]])] = []
        try demo.copyOrganisation(batch: 500) { table, columns, rows in tables.append((table, columns, rows)) }
        try copy.importOrganisation { each in for (table, columns, rows) in tables { try each(table, columns, rows) } }
        try copy.write { db in try db.execute(sql: "INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)") }
        let count = "SELECT count(*) FROM case_search WHERE case_search MATCH 'mail OR calendar'"
        let found = try demo.read { db in try Int.fetchOne(db, sql: count) }
        #expect(found ?? 0 > 0)
        #expect(try copy.read { db in try Int.fetchOne(db, sql: count) } == found)
    }
}
