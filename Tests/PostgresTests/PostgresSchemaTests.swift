import Foundation
import PostgresCluster
import PostgresNIO
import PostgresStore
import Testing

/// The PostgreSQL schema on a throwaway cluster: migrations run once, also when several servers start together; every
/// list order is an index walk (no Sort node in its plan); the case counts follow every insert, change and delete.
@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct PostgresSchemaTests {
    func database() throws -> PostgresConnections { try PostgresCluster.shared.get().freshDatabase() }

    @Test func migratingTwiceAppliesEachVersionOnce() throws {
        let db = try database()
        #expect(try PostgresSchema.migrate(db) == Array(1...PostgresSchema.latestVersion))
        #expect(try PostgresSchema.migrate(db) == [])
        #expect(try PostgresSchema.appliedVersions(db) == Array(1...PostgresSchema.latestVersion))
        let tables = try db.withConnection { c in
            try db.query("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", on: c)
                .map { try $0.decode(String.self) }
        }
        #expect(tables == ["account", "account_role", "attachment", "audit", "case_domain_tally", "case_tally", "case_unread", "case_words", "customer", "customer_access",
                           "customer_generation", "domain", "draft", "feedback", "history", "org_unit", "outbox", "role", "schema_migration", "secondary_domain",
                           "session", "sharing", "support_case"])
    }

    /// Four servers starting at once on an empty database: one migrates, the others wait on the advisory lock and find
    /// nothing to do; nobody fails on a table another created.
    @Test func serversStartingTogetherMigrateOnce() throws {
        let name = try database().address.database
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let db = PostgresConnections(address: (try? PostgresCluster.shared.get())!.address(database: name))
            defer { db.close() }
            results.add(Result { () throws(StoreErrorBox) in
                do { return try PostgresSchema.migrate(db) } catch { throw StoreErrorBox(error: error) }
            })
        }
        let applied = try results.all.map { try $0.get() }
        #expect(applied.filter { !$0.isEmpty } == [Array(1...PostgresSchema.latestVersion)], "\(applied)")
        #expect(applied.filter(\.isEmpty).count == 3)
    }

    /// Each list order's keyset query is served by its index, tie-break included: its plan has no Sort node.
    @Test func everyListOrderIsAnIndexWalk() throws {
        let db = try database()
        try PostgresSchema.migrate(db)
        try db.withConnection { c in
            try db.run("""
                INSERT INTO domain (name, kind, created_at) VALUES ('one.example', 'reseller', 0), ('two.example', 'reseller', 0);
                INSERT INTO customer (name, primary_domain, tier) SELECT 'Customer ' || g, 'c' || g || '.example', 'standard'
                    FROM generate_series(1, 50) g;
                INSERT INTO support_case (number, customer_id, domain_id, product, title, category, description, severity, status,
                                          language, time_zone, created_at, updated_at)
                    SELECT 10000000 + g, 1 + g % 50, 1 + g % 2, 'Google Workspace', 'Case ' || g, 'c', 'd', 1 + g % 4, g % 5,
                           'en', 'UTC', g * 1000, g * 1000 + (g % 7) FROM generate_series(1, 20000) g;
                ANALYZE;
                """, on: c)
        }
        let after = "(updated_at, id) < (15000000, 15000)"
        let lists: [(String, String)] = [
            ("WHERE domain_id = 1 AND \(after) ORDER BY updated_at DESC, id DESC", "case_domain_updated"),
            ("WHERE domain_id = 1 AND (created_at, id) < (15000000, 15000) ORDER BY created_at DESC, id DESC", "case_domain_created"),
            ("WHERE domain_id = 1 AND (severity, updated_at, id) > (2, 0, 0) ORDER BY severity, updated_at DESC, id DESC",
             "case_domain_severity"),
            ("WHERE domain_id = 1 ORDER BY status, updated_at DESC, id DESC", "case_domain_status"),
            ("WHERE domain_id = 1 AND status < 4 AND \(after) ORDER BY updated_at DESC, id DESC", "case_domain_open"),
            ("WHERE customer_id = 7 AND domain_id = 2 ORDER BY updated_at DESC, id DESC", "case_customer_updated"),
            ("WHERE domain_id = 2 AND status < 2 ORDER BY updated_at, id", "case_waiting_on_support"),
        ]
        for (clause, index) in lists {
            let plan = try db.withConnection { c in
                try db.run("SET enable_bitmapscan = off", on: c)  // a page is a walk, not a bitmap collected then sorted
                return try db.query(PostgresQuery(unsafeSQL: "EXPLAIN SELECT id FROM support_case \(clause) LIMIT 50"), on: c)
                    .map { try $0.decode(String.self) }.joined(separator: "\n")
            }
            #expect(!plan.contains("Sort"), "\(clause):\n\(plan)")
            #expect(plan.contains(index), "\(clause) should walk \(index):\n\(plan)")
        }
    }

    @Test func theCaseCountsFollowEveryChange() throws {
        let db = try database()
        try PostgresSchema.migrate(db)
        let (tally, recount) = try db.withConnection { c in
            try db.run("""
                INSERT INTO domain (name, kind, created_at) VALUES ('one.example', 'reseller', 0), ('two.example', 'reseller', 0);
                INSERT INTO customer (name, primary_domain, tier) SELECT 'C' || g, 'c' || g || '.example', 'premium' FROM generate_series(1, 5) g;
                INSERT INTO support_case (number, customer_id, domain_id, product, title, category, description, severity, status,
                                          language, time_zone, created_at, updated_at)
                    SELECT 10000000 + g, 1 + g % 5, 1 + g % 2, 'Google Workspace', 't', 'c', 'd', 1 + g % 4, g % 5, 'en', 'UTC', g, g
                    FROM generate_series(1, 400) g;
                UPDATE support_case SET status = 4, closed_at = 1 WHERE id % 3 = 0;
                UPDATE support_case SET severity = 1, escalated = true WHERE id % 7 = 0;
                UPDATE support_case SET domain_id = 3 - domain_id WHERE id % 11 = 0;
                UPDATE support_case SET title = 'only the title' WHERE id % 13 = 0;
                DELETE FROM support_case WHERE id % 17 = 0;
                """, on: c)
            let kept = "SELECT domain_id, customer_id, status, severity, escalated, n FROM case_tally WHERE n > 0 ORDER BY 1, 2, 3, 4, 5"
            let counted = """
                SELECT domain_id, customer_id, status, severity, escalated, count(*) FROM support_case
                GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                """
            func rows(_ sql: String) throws -> [String] {
                try db.query(PostgresQuery(unsafeSQL: sql), on: c).map { row in
                    let (d, cu, s, sev, e, n) = try row.decode((Int64, Int64, Int16, Int16, Bool, Int64).self)
                    return "\(d) \(cu) \(s) \(sev) \(e) \(n)"
                }
            }
            let domainKept = "SELECT domain_id, 0::bigint, status, severity, escalated, n FROM case_domain_tally WHERE n > 0 ORDER BY 1, 3, 4, 5"
            let domainCounted = "SELECT domain_id, 0::bigint, status, severity, escalated, count(*) FROM support_case GROUP BY 1, 3, 4, 5 ORDER BY 1, 3, 4, 5"
            return (try rows(kept) + rows(domainKept), try rows(counted) + rows(domainCounted))
        }
        #expect(!tally.isEmpty)
        #expect(tally == recount, "the customers' and the domains' tallies")
    }
}

/// Answers gathered from several threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[Int], StoreErrorBox>] = []
    func add(_ result: Result<[Int], StoreErrorBox>) { lock.withLock { results.append(result) } }
    var all: [Result<[Int], StoreErrorBox>] { lock.withLock { results } }
}

struct StoreErrorBox: Error { var error: any Error }
