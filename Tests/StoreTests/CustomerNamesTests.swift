import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// A `customer:` term's customers through the trigram index (schema v18) are exactly those `LIKE` finds, whatever
/// the name holds; the index and each domain's count of customers follow every change.
@Suite struct CustomerNamesTests {
    static let customers: [(name: String, domain: String)] = [
        ("Acme Logistics", "acme-logistics.example"), ("acmeish", "zz.example"), ("Omega Freight", "acme-omega.example"),
        ("100% Organic Farms", "organic.example"), ("Snake_Case Studios", "snake.example"), ("Back\\Slash Ltd", "backslash.example"),
        ("Ünïcode Ärzte", "aerzte.example"), ("ÜNÏCODE Labs", "unilabs.example"), ("Café Zürich", "cafe-zurich.example"),
        ("Σίγμα Ltd", "sigma.example"), ("ΣΊΓΜΑ Co", "sigma2.example"), ("Casa Nostra", "casa.example"),
        // To the index a `%` or `_` in a name is a wildcard: these would be found by `100%` and `e_C` without the exact test.
        ("100 Oaks Dental", "oaks.example"), ("Blue Coast Clinics", "bluecoast.example"),
    ]

    /// Names with wildcards, escapes, case beyond ASCII, short ones, domains: each must find what `LIKE` does.
    static let names = ["acme", "ACME", "cme L", "acme-o", "100%", "0% O", "e_C", "ke_", "_", "%", "\\", "k\\S", "o%o", "s_c", "a_a",
                        "Ünï", "ünï", "ÜNÏ", "éZ", "Zür", "zür", "ac", "a", "sigma", "Σίγ", "σίγ", "ΓΜΑ", "nothing", "ORGANIC.EX", "ca"]

    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            for (i, c) in customers.enumerated() {
                try db.execute(sql: "INSERT INTO customer (id, name, primary_domain, tier) VALUES (?, ?, ?, 'standard')",
                               arguments: [i + 1, c.name, c.domain])
            }
        }
        return queue
    }

    /// `LIKE` as SQLite compares: ASCII letters without regard to case, everything else as it is.
    static func folded(_ s: String) -> [UInt8] { s.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
    static func contains(_ text: [UInt8], _ part: [UInt8]) -> Bool {
        part.isEmpty || (text.count >= part.count && (0...(text.count - part.count)).contains { Array(text[$0..<$0 + part.count]) == part })
    }

    static func bruteForce(_ db: Database, _ names: [String]) throws -> Set<Int64> {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name, primary_domain FROM customer")
        return Set(rows.filter { row in
            names.contains { name in
                contains(folded(row[1]), folded(name)) || folded(row[2]).starts(with: folded(name))
            }
        }.map { $0[0] as Int64 })
    }

    static func found(_ db: Database, _ names: [String]) throws -> [Int64] {
        let (sql, arguments) = CustomerNames.ids(names)
        return try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue)))
    }

    static func expectIndexIntact(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO customer_search (customer_search, rank) VALUES ('integrity-check', 1)")
    }

    @Test(arguments: names) func aNameFindsWhatLikeFinds(_ name: String) throws {
        try Self.database().read { db in
            let found = try Self.found(db, [name]), expected = try Self.bruteForce(db, [name])
            #expect(Set(found) == expected, "customer:\(name)")
            #expect(found.count == Set(found).count, "customer:\(name) lists a customer twice")
        }
    }

    @Test func severalNamesFindEveryOnesCustomers() throws {
        try Self.database().read { db in
            for names in [["acme", "ünï"], ["100%", "zz", "ΓΜΑ"], ["a", "nothing"], ["acme", "acme-o"]] {
                let found = try Self.found(db, names), expected = try Self.bruteForce(db, names)
                #expect(Set(found) == expected, "customer:\(names)")
            }
        }
    }

    /// The brute force is no tautology: it finds what the names say.
    @Test func theBruteForceFindsTheExpectedCustomers() throws {
        try Self.database().read { db in
            let expected: [String: Set<Int64>] = ["acme": [1, 2, 3], "100%": [4], "0% O": [4], "e_C": [5], "ünï": [], "Ünï": [7]]
            for (name, ids) in expected {
                let found = try Self.bruteForce(db, [name])
                #expect(found == ids, "customer:\(name)")
            }
        }
    }

    /// Three characters in a row are looked up in the index; fewer read every customer (and still find them).
    @Test func aNameOfThreeCharactersIsLookedUpInTheIndex() throws {
        #expect(CustomerNames.usesIndex("acm") && CustomerNames.usesIndex("a%bcd") && CustomerNames.usesIndex("Σίγ"))
        #expect(!CustomerNames.usesIndex("ac") && !CustomerNames.usesIndex("a_c%d") && !CustomerNames.usesIndex("%%%"))
        try Self.database().read { db in
            func plan(_ name: String) throws -> String {
                let (sql, arguments) = CustomerNames.ids([name])
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments.map(\.databaseValue)))
                    .map { $0["detail"] as String }.joined(separator: "\n")
            }
            // `INDEX 0:L…`: FTS5 takes the LIKE; `INDEX 0:` alone would be a scan of every name.
            let long = try plan("acme"), short = try plan("ac")
            #expect(long.contains("SCAN s VIRTUAL TABLE INDEX 0:L"), "\(long)")
            #expect(long.contains("customer_primary_domain"), "\(long)")
            #expect(!short.contains("VIRTUAL TABLE"), "\(short)")
        }
    }

    /// The index takes each customer as it comes, is renamed or goes (FTS5's own check against the customers).
    @Test func theIndexFollowsTheCustomers() throws {
        let queue = try Self.database()
        func check(_ step: String) throws {
            try queue.write { db in
                try Self.expectIndexIntact(db)
                for name in ["acme", "apex", "zeppelin", "Ünï", "ogist"] {
                    let found = try Self.found(db, [name]), expected = try Self.bruteForce(db, [name])
                    #expect(Set(found) == expected, "\(step): customer:\(name)")
                }
            }
        }
        try check("built")
        try queue.write { db in try db.execute(sql: "INSERT INTO customer (name, primary_domain, tier) VALUES ('Zeppelin Works', 'zep.example', 'premium')") }
        try check("added")
        try queue.write { db in try db.execute(sql: "UPDATE customer SET name = 'Apex Logistics' WHERE id = 1") }
        try check("renamed")
        try queue.write { db in try db.execute(sql: "UPDATE customer SET tier = 'premium' WHERE id = 2") }
        try check("tier changed")
        try queue.write { db in try db.execute(sql: "DELETE FROM customer WHERE id = 7") }
        try check("deleted")
        try queue.read { db in
            let apex = try Self.found(db, ["apex"]), zeppelin = try Self.found(db, ["zeppelin"]), gone = try Self.found(db, ["Ünï"])
            #expect(apex == [1] && zeppelin.count == 1 && gone.isEmpty)
        }
    }

    /// The check has teeth: a name changed behind the index's back fails it.
    @Test func aNameChangedBehindTheIndexFailsItsCheck() throws {
        let queue = try Self.database()
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER customer_search_update")
            try db.execute(sql: "UPDATE customer SET name = 'Quite Different' WHERE id = 1")
        }
        #expect(throws: DatabaseError.self) { try queue.write(Self.expectIndexIntact) }
    }

    /// Every domain's count of current customers is what a count of its access rows says, after each kind of change.
    @Test func eachDomainsCountFollowsItsAccess() throws {
        let f = try StoreFixture()
        func check(_ step: String) throws {
            try f.store.read { db in
                let counted = try Row.fetchAll(db, sql: """
                    SELECT d.id, (SELECT COUNT(*) FROM customer_access a WHERE a.domain_id = d.id AND a.until IS NULL),
                           coalesce((SELECT n FROM customer_count WHERE domain_id = d.id), 0) FROM domain d
                    """)
                #expect(!counted.isEmpty)
                for row in counted { #expect(row[1] as Int == row[2] as Int, "\(step): domain \(row[0] as Int64)") }
            }
        }
        try check("fixture")
        let before = try f.store.customerPage(as: f.admin1, search: .everyone, after: nil, limit: 50).total
        #expect(before == 3)
        try f.store.transferCustomer(as: f.admin1, customer: "basic.example", to: "two.example", granted: true)
        try check("transferred")
        let one = try f.store.customerPage(as: f.admin1, search: .everyone, after: nil, limit: 50).total
        let two = try f.store.customerPage(as: f.admin2, search: .everyone, after: nil, limit: 50).total
        #expect(one == 2 && two == 2)
        try f.store.addCustomer(as: f.admin2, name: "Later Ltd", primaryDomain: "later.example", tier: .standard, kind: .supportOnly, granted: false)
        try check("added")
        try f.store.write { db in
            try db.execute(sql: "UPDATE customer_access SET until = NULL WHERE until IS NOT NULL")
            try db.execute(sql: "UPDATE customer_access SET domain_id = (SELECT id FROM domain WHERE name = 'one.example') WHERE customer_id = (SELECT id FROM customer WHERE primary_domain = 'zed.example')")
        }
        try check("changed from outside")
        try f.store.write { db in try db.execute(sql: "DELETE FROM customer WHERE primary_domain = 'acme.example'") }
        try check("deleted")
    }

    /// A version 17 database gains the index and the counts from what it holds.
    @Test func aVersionSeventeenDatabaseIsIndexedAndCounted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-v17-\(UUID().uuidString).sqlite3").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v17: history's authors and kinds as numbers; the search index reads its text from the cases")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO domain (id, name, kind, created_at) VALUES (1, 'one.example', 'reseller', 0), (2, 'two.example', 'reseller', 0);
                INSERT INTO customer (id, name, primary_domain, tier) VALUES (1, 'Harbor Health', 'harbor.example', 'premium'),
                  (2, 'Harborview Dental', 'hvd.example', 'standard'), (3, 'Quay Logistics', 'quay.example', 'standard');
                INSERT INTO customer_access (customer_id, domain_id, kind, since, until) VALUES (1, 1, 'resold', 0, NULL),
                  (2, 1, 'resold', 0, 10), (2, 2, 'resold', 10, NULL), (3, 2, 'support-only', 0, NULL);
                """)
        }
        try queue.close()
        let store = try PortalStore(path: path, passwordHasher: .fast)
        try store.write { db in
            let counts = try Int.fetchAll(db, sql: "SELECT n FROM customer_count ORDER BY domain_id")
            #expect(counts == [1, 2])
            try Self.expectIndexIntact(db)
            let harbor = try Self.found(db, ["harbor"]), logistics = try Self.found(db, ["logist"])
            #expect(Set(harbor) == [1, 2] && logistics == [3])
        }
    }
}
