import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Counts read from `case_tally` (schema v10) against the lists they count, and the tally against a recount.
@Suite struct CaseTallyTests {
    /// The tally as it should be: every case counted again, empty groups left out.
    static func recount(_ db: Database) throws -> [[Int64]] {
        try Row.fetchAll(db, sql: """
            SELECT domain_id, customer_id, status, severity, escalated, COUNT(*) FROM support_case
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """).map { row in (0..<6).map { row[$0] as Int64 } }
    }

    static func tally(_ db: Database) throws -> [[Int64]] {
        try Row.fetchAll(db, sql: "SELECT domain_id, customer_id, status, severity, escalated, n FROM case_tally WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5")
            .map { row in (0..<6).map { row[$0] as Int64 } }
    }

    /// Each domain's tally (v19) as it should be: every case of the domain, whoever manages its customer now.
    static func domainRecount(_ db: Database) throws -> [[Int64]] {
        try Row.fetchAll(db, sql: "SELECT domain_id, status, severity, escalated, COUNT(*) FROM support_case GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
            .map { row in (0..<5).map { row[$0] as Int64 } }
    }

    static func domainTally(_ db: Database) throws -> [[Int64]] {
        try Row.fetchAll(db, sql: "SELECT domain_id, status, severity, escalated, n FROM case_domain_tally WHERE n <> 0 ORDER BY 1, 2, 3, 4")
            .map { row in (0..<5).map { row[$0] as Int64 } }
    }

    static let queries = ["", "is:open", "is:closed", "sev:p1", "sev:p1,p2", "-sev:p4", "status:closed", "-status:closed",
                          "status:action-required,in-progress", "is:escalated", "-is:escalated", "customer:acme", "customer:moving",
                          "customer:zed is:open", "-customer:acme sev:p2,p3", "domain:one.example", "is:open sev:p1 -is:escalated"]

    /// Filing, messages, severity changes, closing, an escalation and a transfer later, every count without a keyword
    /// or time term comes from the tally and equals the length of the list a brute-force filter finds.
    @Test func everyTallyCountEqualsTheListItCounts() throws {
        let f = try KeywordPlanTests.fixture()
        let premium = try f.store.fileCase(as: f.agent1, NewCase(customer: "acme.example", title: "Escalated one",
                                                                 category: "Gmail > Delivery > Outgoing messages bounced",
                                                                 description: "Payroll mail bounces.", severity: .p1))
        try f.store.escalate(as: .reseller(f.agent1), number: premium.number, reason: .businessImpact, justification: "Payroll is blocked.")
        for user in [f.agent1, f.agent2] {
            for text in Self.queries {
                let query = try CaseQuery(parsing: text)
                #expect(CaseTallySQL(domainID: user.domainID, customers: nil, query: query, now: f.store.now) != nil, "\(text)")
                let expected = try KeywordPlanTests.bruteForce(f, domainID: user.domainID, query, sort: .updated).count
                let counted = try f.store.countCases(as: user, scope: .domain(user.domainID), query: query, cap: 10_000)
                #expect(counted == expected, "domain \(user.domainID), \(text.debugDescription): \(counted) counted, \(expected) listed")
                if expected > 2 {
                    #expect(try f.store.countCases(as: user, scope: .domain(user.domainID), query: query, cap: 2) == 3,
                            "a count over its cap is the cap plus one: \(text.debugDescription)")
                }
            }
        }
        let (tally, recount) = try f.store.read { db in (try Self.tally(db), try Self.recount(db)) }
        #expect(tally == recount)
        let (domainTally, domainRecount) = try f.store.read { db in (try Self.domainTally(db), try Self.domainRecount(db)) }
        #expect(domainTally == domainRecount && !domainTally.isEmpty)
    }

    /// A customer sent away, brought back and sent away again leaves its domain twice: its cases are taken from the
    /// domain's count once, and counted again while it is back.
    @Test func aCustomerThatComesAndGoesIsCountedWhileItIsTheDomains() throws {
        let f = try KeywordPlanTests.fixture()
        func check(_ step: String) throws {
            for user in [f.agent1, f.agent2] {
                for text in ["", "is:open", "-sev:p4", "domain:one.example"] {
                    let query = try CaseQuery(parsing: text)
                    let expected = try KeywordPlanTests.bruteForce(f, domainID: user.domainID, query, sort: .updated).count
                    let counted = try f.store.countCases(as: user, scope: .domain(user.domainID), query: query, cap: 10_000)
                    #expect(counted == expected, "\(step): domain \(user.domainID), \(text.debugDescription): \(counted) counted, \(expected) listed")
                }
            }
            let (domainTally, domainRecount) = try f.store.read { db in (try Self.domainTally(db), try Self.domainRecount(db)) }
            #expect(domainTally == domainRecount, "\(step)")
        }
        try check("fixture")
        try f.store.transferCustomer(as: f.admin1, customer: "acme.example", to: "two.example", granted: true)
        try check("sent away")
        try f.store.transferCustomer(as: f.admin2, customer: "acme.example", to: "one.example", granted: true)
        try check("brought back")
        _ = try f.file("acme.example")
        try check("a case filed while back")
        try f.store.transferCustomer(as: f.admin1, customer: "acme.example", to: "two.example", granted: true)
        try check("sent away again")
    }

    /// A keyword or a time term is not on the tally's columns: such a count walks the list.
    @Test func keywordAndTimeTermsAreNotTallied() throws {
        for text in ["mail", "updated:<7d", "created:>2d is:open", "sev:p1 -bounce"] {
            #expect(CaseTallySQL(domainID: 1, customers: nil, query: try CaseQuery(parsing: text), now: Date()) == nil, "\(text)")
        }
    }

    /// A customer's list, and the Support queue across every domain, count from the tally too.
    @Test func customerListsAndTheSupportQueueCountTheirLists() throws {
        let f = try KeywordPlanTests.fixture()
        let customers = try f.store.customers(as: f.agent1)
        for customer in customers {
            let listed = try f.store.cases(as: f.agent1, scope: .customer(customerID: customer.id, domainID: f.agent1.domainID), limit: 1_000).rows.count
            #expect(try f.store.countCases(as: f.agent1, scope: .customer(customerID: customer.id, domainID: f.agent1.domainID)) == listed,
                    "\(customer.customer.name)")
        }
        for text in ["", "sev:p1", "customer:acme", "domain:two.example"] {
            let query = try CaseQuery(parsing: text)
            var listed = 0
            var page = try f.store.cases(as: f.engineer, scope: .supportQueue, query: query, limit: 7)
            listed += page.rows.count
            while page.hasMore, let last = page.rows.last {
                page = try f.store.cases(as: f.engineer, scope: .supportQueue, query: query, after: last, limit: 7)
                listed += page.rows.count
            }
            #expect(try f.store.countCases(as: f.engineer, scope: .supportQueue, query: query) == listed, "\(text.debugDescription)")
        }
    }

    /// A database from before v10 has its cases counted into the tally by the migration; the demo's bulk load counts
    /// its cases once at the end and leaves the triggers in place.
    @Test func theMigrationAndTheDemoFillTheTally() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-v9-\(UUID().uuidString).sqlite3").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        _ = try PortalStore.createDemo(at: path, cases: 400, seed: 3, passwordHasher: .fast)
        let queue = try DatabaseQueue(path: path)
        let (filled, recounted, triggers) = try queue.read { db in
            (try Self.tally(db), try Self.recount(db),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'case_tally_%' AND type = 'trigger'"))
        }
        #expect(filled == recounted && !filled.isEmpty)
        #expect(triggers == 3)
        let (domainFilled, domainRecounted) = try queue.read { db in (try Self.domainTally(db), try Self.domainRecount(db)) }
        #expect(domainFilled == domainRecounted && !domainFilled.isEmpty)
        try queue.write { db in
            // As before v10: no tally, no record of the migration.
            try db.execute(sql: """
                DROP TRIGGER case_tally_insert; DROP TRIGGER case_tally_delete; DROP TRIGGER case_tally_update;
                DROP TABLE case_tally;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v10:%';
                UPDATE support_case SET severity = 1 WHERE id % 7 = 0;
                """)
        }
        try Schema.migrator.migrate(queue)
        let (tally, recount) = try queue.read { db in (try Self.tally(db), try Self.recount(db)) }
        #expect(tally == recount)
        // The search index's merge settings came with the same migration (a merge of the whole index once held a
        // message for 12 s with FTS5's defaults).
        let merges = try queue.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT k, v FROM case_search_config").map { ($0[0] as String, $0[1] as Int) })
        }
        #expect(merges["automerge"] == 8 && merges["crisismerge"] == 64, "\(merges)")
    }
}
