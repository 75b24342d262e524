import Domain
import Foundation
@testable import Store
import Testing

/// My Customers a page at a time (#16), on both stores: pages in name order from a keyset join up to the whole list,
/// the search narrows where the rows are read (name, primary domain, tier, access; case and accents aside), and the
/// open cases come from the tally the commands keep.
@Suite struct ContractCustomerPageTests {
    /// Every page of `search` read `limit` at a time, and the totals each page gave.
    func pages(_ f: ContractFixture, _ search: String = "", limit: Int, as user: User? = nil) throws -> ([CustomerRow], Set<Int>) {
        var rows: [CustomerRow] = [], totals = Set<Int>(), after: CustomerAfter?
        while true {
            let page = try f.store.customerPage(as: user ?? f.agent1, search: CustomerSearch(search), after: after, limit: limit)
            rows += page.rows
            totals.insert(page.total)
            guard page.hasMore else { return (rows, totals) }
            #expect(page.rows.count == limit, "a page that isn't the last is full")
            after = CustomerAfter(try #require(page.rows.last))
        }
    }

    func addCustomers(_ f: ContractFixture) throws {
        for (name, domain, tier) in [("café du monde", "cafe.example", SupportTier.enhanced), ("Bravo Bikes", "bravo.example", .standard),
                                     ("acme Two", "acme-two.example", .premium), ("Delta Dental", "delta.example", .standard),
                                     ("Échelle", "echelle.example", .standard)] {
            _ = try f.store.addCustomer(as: f.admin1, name: name, primaryDomain: domain, tier: tier, kind: .resold, granted: true)
        }
    }

    @Test(arguments: StoreKind.available)
    func pagesJoinUpToTheWholeListInItsOrder(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        try addCustomers(f)
        let whole = try f.store.customers(as: f.agent1)
        #expect(whole.count == 8)
        for limit in [1, 2, 3, 7, 8, 50] {
            let (rows, totals) = try pages(f, limit: limit)
            #expect(rows == whole, "limit \(limit): \(rows.map(\.customer.name))")
            #expect(totals == [8], "limit \(limit)")
        }
        let other = try f.store.customerPage(as: f.agent2, search: .everyone, after: nil, limit: 50)
        #expect(other.rows.map(\.customer.primaryDomain) == ["zed.example"] && other.total == 1, "only the domain's own customers")
    }

    @Test(arguments: StoreKind.available)
    func theSearchNarrowsByNameDomainTierAndAccessCaseAndAccentsAside(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        try addCustomers(f)
        let whole = try f.store.customers(as: f.agent1)
        for text in ["acme", "ACME", "cafe", "CAFÉ", "echelle", "premium", "not granted", "support-only", "granted standard", "example",
                     "bravo.ex", "zzz", "acme two", "two acme", "é"] {
            let expected = whole.filter(CustomerSearch(text).matches)
            let (rows, totals) = try pages(f, text, limit: 2)
            #expect(rows == expected, "\"\(text)\": \(rows.map(\.customer.name)), the Domain's rule keeps \(expected.map(\.customer.name))")
            #expect(totals == [expected.count], "\"\(text)\"")
        }
        #expect(try pages(f, "cafe", limit: 5).0.map(\.customer.name) == ["café du monde"])
        #expect(try pages(f, "not granted", limit: 5).0.map(\.customer.name) == ["Closed Door"])
    }

    @Test(arguments: StoreKind.available)
    func openCasesFollowTheCommands(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        func open(_ domain: String) throws -> Int {
            try f.store.customerPage(as: f.agent1, search: CustomerSearch(domain), after: nil, limit: 10).rows
                .first { $0.customer.primaryDomain == domain }?.openCases ?? -1
        }
        #expect(try open("basic.example") == 1)
        let filed = try f.file("basic.example")
        try f.file("acme.example")
        #expect(try open("basic.example") == 2 && open("acme.example") == 1)
        try f.store.perform(.close, on: filed.number, as: .reseller(f.agent1))
        #expect(try open("basic.example") == 1, "a closed case isn't open")
        let listed = try f.store.customers(as: f.agent1).map { ($0.customer.primaryDomain, $0.openCases) }
        let paged = try pages(f, limit: 2).0.map { ($0.customer.primaryDomain, $0.openCases) }
        #expect(listed.elementsEqual(paged, by: ==), "the page's counts and the whole list's agree")
    }

    @Test(arguments: StoreKind.available)
    func onlyThoseWhoMayListCustomersReadThePages(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        var refused: StoreError?
        do { _ = try f.store.customerPage(as: f.engineer, search: .everyone, after: nil, limit: 10) } catch { refused = error }
        guard case .refused? = refused else {
            Issue.record("a support engineer read My Customers: \(String(describing: refused))")
            return
        }
    }
}

/// On the file, a search of My Customers is matched against the domain's customers held in memory: read once, and
/// again whenever a change to what the search looks at commits, from this store or another on the same file.
@Suite struct CustomerDirectoryTests {
    @Test func aChangeToTheDomainsCustomersIsSeenByTheNextSearchFromAnyConnection() throws {
        let f = try ContractFixture(.sqlite)
        let store = try #require(f.store as? PortalStore)
        let other = try PortalStore(path: store.path, clock: f.clock, passwordHasher: .fast)
        func found(_ text: String, in store: PortalStore = store) throws -> [String] {
            try store.customerPage(as: f.agent1, search: CustomerSearch(text), after: nil, limit: 10).rows.map(\.customer.primaryDomain)
        }
        #expect(try found("premium") == ["acme.example", "closed.example"])
        let loads = store.customerDirectory.loads
        #expect(try found("premium") == ["acme.example", "closed.example"] && found("acme") == ["acme.example"])
        #expect(store.customerDirectory.loads == loads, "no change, no read of the domain's customers")
        try f.file()  // a case changes nothing the search looks at
        _ = try found("acme")
        #expect(store.customerDirectory.loads == loads)

        try other.setTier(as: f.admin1, customer: "basic.example", tier: .premium)
        #expect(try found("premium") == ["acme.example", "basic.example", "closed.example"], "a tier set by another connection")
        try other.setGrant(as: f.admin1, customer: "closed.example", granted: true)
        #expect(try found("not granted").isEmpty, "a grant")
        _ = try other.addCustomer(as: f.admin1, name: "Premium Pets", primaryDomain: "pets.example", tier: .standard, kind: .resold, granted: true)
        #expect(try found("premium") == ["acme.example", "basic.example", "closed.example", "pets.example"], "a customer added")
        try other.transferCustomer(as: f.admin1, customer: "acme.example", to: "two.example", granted: true)
        #expect(try found("premium") == ["basic.example", "closed.example", "pets.example"], "a customer gone to another domain")
        #expect(try store.customerPage(as: f.agent2, search: CustomerSearch("acme"), after: nil, limit: 10).rows.map(\.customer.primaryDomain)
                == ["acme.example"], "and come to that one")
        #expect(store.customerDirectory.loads == loads + 5)
    }
}
