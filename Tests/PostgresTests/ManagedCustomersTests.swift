import Domain
import Foundation
import PostgresCluster
@testable import PostgresStore
import Store
import Testing

/// `customer:` terms on PostgreSQL match names against each domain's customers held in memory: the same matches as the
/// database's `ILIKE`, and the list read again whenever a change to the domain's customers commits, on any instance.
@Suite("PostgreSQL customers in memory")
struct ManagedCustomersTests {
    @Test func namesMatchAsLikeDoesASCIICaseAside() {
        let entries = [("Acme Premium", "acme.example"), ("Basic Standard", "basic.example"), ("Émile 100% Co_op", "emile.example")]
            .enumerated().map { ManagedCustomers.Entry(id: Int64($0 + 1), name: ManagedCustomers.folded($1.0),
                                                        primaryDomain: ManagedCustomers.folded($1.1)) }
        #expect(ManagedCustomers.match(entries, names: ["ACME"], limit: 65) == [1])
        #expect(ManagedCustomers.match(entries, names: ["standard"], limit: 65) == [2], "a name contains the text")
        #expect(ManagedCustomers.match(entries, names: ["basic.ex"], limit: 65) == [2], "a primary domain starts with it")
        #expect(ManagedCustomers.match(entries, names: ["sic.ex"], limit: 65) == [], "not in the middle of a domain")
        #expect(ManagedCustomers.match(entries, names: ["100%", "co_op"], limit: 65) == [3], "% and _ are plain characters")
        #expect(ManagedCustomers.match(entries, names: ["ÉMILE"], limit: 65) == [3])
        #expect(ManagedCustomers.match(entries, names: ["émile"], limit: 65) == [], "only ASCII letters fold, as in SQLite's LIKE")
        #expect(ManagedCustomers.match(entries, names: ["a", "e"], limit: 2) == [1, 2], "at most the limit, by id")
    }
}

@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct ManagedCustomersOnADatabaseTests {
    @Test func aChangeToADomainsCustomersIsSeenByTheNextFilterOnEveryInstance() throws {
        let f = try ContractFixture(.postgresql)
        let store = try #require(f.store as? PostgresPortalStore)
        let other = try PostgresPortalStore(address: try #require(f.postgres), clock: f.clock, passwordHasher: .fast)
        defer { other.close() }
        let acme = try f.file()
        #expect(try f.numbers("customer:acme") == [acme.number])
        let loads = store.managedCustomers.loads
        #expect(try f.numbers("customer:acme") == [acme.number])
        #expect(try f.count("customer:acme") == 1)
        #expect(store.managedCustomers.loads == loads, "no change, no read of the domain's customers")

        // Another instance adds a customer: this one's next filter finds its case.
        _ = try other.addCustomer(as: f.admin1, name: "Acme Two", primaryDomain: "acmetwo.example", tier: .standard, kind: .resold,
                                  granted: true)
        let two = try other.fileCase(as: f.agent1, NewCase(customer: "acmetwo.example", title: "Second", category: "Gmail > Delivery > Outgoing messages bounced",
                                                           description: "Details.", severity: .p3))
        #expect(try f.numbers("customer:acme") == [acme.number, two.number])
        #expect(store.managedCustomers.loads == loads + 1)

        // A customer moved to another domain leaves the first domain's list and joins the other's.
        #expect(try f.numbers("customer:basic", as: f.agent2).isEmpty)
        try other.transferCustomer(as: f.admin1, customer: "basic.example", to: "two.example", granted: true)
        #expect(try f.numbers("customer:basic").isEmpty)
        let moved = try f.file("basic.example", as: f.agent2)
        #expect(try f.numbers("customer:basic", as: f.agent2) == [moved.number], "cases filed while domain two manages it")
    }
}
