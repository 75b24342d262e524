import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// A bare word matches the customer's name and primary domain as well as the case's own text (schema v8).
@Suite struct CustomerSearchTests {
    func numbers(_ f: StoreFixture, _ filter: String) throws -> [Int] {
        try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: filter)).rows.map(\.number)
    }

    @Test func aCustomersNameOrDomainFindsItsCases() throws {
        let f = try StoreFixture()
        let acme = try f.file("acme.example", title: "Drive sync broken")
        let basic = try f.file("basic.example", title: "Mail bounces")
        let basics = [basic.number, f.standardCase.number]              // newest first
        #expect(try numbers(f, "premium") == [acme.number])            // "Acme Premium"
        #expect(try numbers(f, "Standard") == basics)                  // "Basic Standard"
        #expect(try numbers(f, "basic.example") == basics)             // its primary domain
        #expect(try numbers(f, "acm*") == [acme.number])
        #expect(try numbers(f, "acme sync") == [acme.number])          // one word from the customer, one from the title
        #expect(try numbers(f, "-premium") == basics)
        // The search row follows the case when it is updated: the older case comes first now.
        try f.store.perform(.message("An update"), on: f.standardCase.number, as: .reseller(f.agent1))
        #expect(try numbers(f, "standard") == basics.reversed())
    }

    /// A database from before v8 gets its customers into the existing search rows, in the same key order.
    @Test func aVersionSevenDatabaseIsReindexedWithItsCustomers() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-v7-\(UUID().uuidString).sqlite3").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v7: customers per reseller domain")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO domain (id, name, kind, created_at) VALUES (1, 'one.example', 'reseller', 0);
                INSERT INTO customer (id, name, primary_domain, tier) VALUES (42, 'Harbor Health Clinics', 'harbor.example', 'premium');
                INSERT INTO support_case (id, number, customer_id, domain_id, product, title, category, description, severity, status,
                  escalated, language, time_zone, created_at, updated_at)
                  VALUES (7, 10000007, 42, 1, 'Google Workspace', 'Calendar invites', 'Calendar', 'Invites vanish.', 3, 0, 0, 'en', 'UTC', 1000, 2000);
                INSERT INTO history (case_id, at, author, kind, text) VALUES (7, 1500, 'Agent', 'message', 'a message');
                INSERT INTO case_search (rowid, number, title, description, messages)
                  VALUES (\(2000 << 21 | 7), '10000007', 'Calendar invites', 'Invites vanish.', 'a message');
                """)
        }
        try queue.close()
        let store = try PortalStore(path: path, passwordHasher: .fast)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, title, messages, customer FROM case_search WHERE case_search MATCH 'harbor'")
        }
        #expect(rows.count == 1)
        let rowid: Int64 = rows[0][0], title: String = rows[0][1], messages: String = rows[0][2], customer: String = rows[0][3]
        // Keyed again in sequence (v16): the only case is the first.
        #expect(rowid == 1 && title == "Calendar invites" && messages == "a message")
        #expect(customer == "Harbor Health Clinics harbor.example")
        // The trigger made again still moves the row with the case.
        try store.write { db in try db.execute(sql: "UPDATE support_case SET updated_at = 3000 WHERE id = 7") }
        let moved = try store.read { db in try Int64.fetchOne(db, sql: "SELECT rowid FROM case_search WHERE case_search MATCH 'clinics'") }
        let key = try store.read { db in try Int64.fetchOne(db, sql: "SELECT search_key FROM support_case WHERE id = 7") }
        #expect(moved == 2 && key == 2)
    }
}
