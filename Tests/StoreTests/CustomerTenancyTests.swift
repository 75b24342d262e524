import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// A customer record belongs to the domain that holds it: adding a primary domain another domain manages answers
/// like any new customer and discloses nothing; each domain keeps its own name, tier and cases.
@Suite struct CustomerTenancyTests {
    @Test func eachDomainAddsItsOwnCustomer() throws {
        let f = try StoreFixture()
        // acme.example is domain one's Premium customer; domain two adds the same primary domain.
        let theirs = try f.store.addCustomer(as: f.admin2, name: "Acme South", primaryDomain: "acme.example", tier: .standard,
                                             kind: .resold, granted: true)
        #expect(theirs.name == "Acme South" && theirs.tier == .standard)
        #expect(try f.store.customers(as: f.agent1).first { $0.customer.primaryDomain == "acme.example" }?.customer.name == "Acme Premium")
        #expect(try f.store.customers(as: f.agent2).map(\.customer.name).sorted() == ["Acme South", "Zed Corp"])
        let mine = try f.file("acme.example", as: f.agent1), other = try f.file("acme.example", as: f.agent2)
        #expect(mine.customerID != other.customerID)
        #expect(throws: StoreError.self) { try f.store.caseDetail(as: .reseller(f.agent2), number: mine.number) }
        #expect(throws: StoreError.refused(.conflict("primary-domain", "acme.example is already one of your customers"))) {
            try f.store.addCustomer(as: f.admin2, name: "Acme again", primaryDomain: "ACME.example", tier: .standard, kind: .resold, granted: false)
        }
    }

    /// After a transfer brings in a second customer with a primary domain the domain already has, the id picks one.
    @Test func twoCustomersWithOnePrimaryDomainAreToldApartByID() throws {
        let f = try StoreFixture()
        let theirs = try f.store.addCustomer(as: f.admin2, name: "Acme South", primaryDomain: "acme.example", tier: .standard,
                                             kind: .resold, granted: true)
        try f.store.transferCustomer(as: f.admin2, customer: "\(theirs.id)", to: "one.example", granted: true)
        do {
            _ = try f.file("acme.example", as: f.agent1)
            Issue.record("an ambiguous customer was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("give the primary domain or the id") && message.contains("id \(theirs.id)"), "\(message)")
        }
        #expect(try f.file("\(theirs.id)", as: f.agent1).customerID == theirs.id)
    }

    /// A database from before v7 keeps its customers, ids and cases when it is opened and migrated.
    @Test func aVersionSixDatabaseKeepsItsCustomers() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-v6-\(UUID().uuidString).sqlite3").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v6: search rows keyed by update order")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO customer (id, name, primary_domain, tier) VALUES (42, 'Old Co', 'old.example', 'premium')")
        }
        try queue.close()
        let store = try PortalStore(path: path, passwordHasher: .fast)
        let row = try #require(try store.read { db in try Row.fetchOne(db, sql: "SELECT id, name, primary_domain, tier FROM customer") })
        let id: Int64 = row[0], name: String = row[1], primary: String = row[2], tier: String = row[3]
        #expect(id == 42 && name == "Old Co" && primary == "old.example" && tier == "premium")
        let unique = try store.read { db in
            try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM pragma_index_list('customer') WHERE \"unique\" = 1 AND origin <> 'pk'")
        }
        #expect(unique == false, "the primary domain is no longer unique")
        #expect(try store.read { db in try Schema.migrator.hasCompletedMigrations(db) })
    }
}
