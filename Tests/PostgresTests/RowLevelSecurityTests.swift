import Domain
import Foundation
import PostgresCluster
import PostgresNIO
import PostgresStore
import Store
import Testing

/// Row-level security, the second wall: a query that forgets its `WHERE` still sees only its actor's rows. Each test
/// runs deliberately unfiltered statements through the store's own role, as a request's transaction names its actor.
@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct RowLevelSecurityTests {
    /// The fixture with a case and a draft in each domain, and a customer user.
    static func fixture() throws -> (ContractFixture, PostgresConnections) {
        let f = try ContractFixture(.postgresql)
        try f.file("zed.example", title: "Other domain's case", as: f.agent2)
        try f.file(title: "Acme's case")
        try f.store.saveDraft(as: f.agent1, form: .message(caseNumber: f.standardCase.number), content: "mine")
        try f.store.saveDraft(as: f.agent2, form: .newCase(customerID: nil), content: "theirs")
        return (f, PostgresConnections(address: f.postgres!))
    }

    /// The values of one column of an unfiltered query, in a transaction acting as `actor` (nil: naming nobody).
    static func unfiltered(_ db: PostgresConnections, _ sql: String, actor: (kind: String, domain: Int64?, customer: Int64?, account: Int64?)?)
        throws -> [String] {
        try db.transaction { connection in
            if let actor {
                let (kind, domain, customer, account) = (actor.kind, actor.domain.map(String.init) ?? "", actor.customer.map(String.init) ?? "",
                                                         actor.account.map(String.init) ?? "")
                try db.query("""
                    SELECT set_config('careportal.actor', \(kind), true), set_config('careportal.domain', \(domain), true),
                           set_config('careportal.customer', \(customer), true), set_config('careportal.account', \(account), true)
                    """, on: connection)
            }
            return try db.query(PostgresQuery(unsafeSQL: sql), on: connection).map { try $0.decode(String.self) }.sorted()
        }
    }

    @Test func aResellerSeesOnlyItsDomainsRowsWhateverTheQuery() throws {
        let (f, db) = try Self.fixture()
        defer { db.close() }
        let one = (kind: "reseller", domain: Optional(f.agent1.domainID), customer: Int64?.none, account: Optional(f.agent1.id))
        let two = (kind: "reseller", domain: Optional(f.agent2.domainID), customer: Int64?.none, account: Optional(f.agent2.id))
        let mine = try f.all(limit: 50).map { String($0.number) }.sorted()
        #expect(mine.count == 2)
        #expect(try Self.unfiltered(db, "SELECT number::text FROM support_case", actor: one) == mine)
        #expect(try Self.unfiltered(db, "SELECT DISTINCT c.number::text FROM history h JOIN support_case c ON c.id = h.case_id", actor: one) == mine)
        #expect(try Self.unfiltered(db, "SELECT DISTINCT case_id::text FROM history", actor: one).count == 2,
                "history without its case is filtered too")
        #expect(try Self.unfiltered(db, "SELECT primary_domain FROM customer", actor: one) == ["acme.example", "basic.example", "closed.example"])
        #expect(try Self.unfiltered(db, "SELECT primary_domain FROM customer", actor: two) == ["zed.example"])
        #expect(try Self.unfiltered(db, "SELECT content FROM draft", actor: one) == ["mine"])
        #expect(try Self.unfiltered(db, "SELECT content FROM draft", actor: two) == ["theirs"])
        #expect(try Self.unfiltered(db, "SELECT title FROM support_case", actor: two) == ["Other domain's case"])
        #expect(try Self.unfiltered(db, "SELECT sum(n)::text FROM case_tally", actor: one) == ["2"], "the case tally's counts too")
        #expect(try Self.unfiltered(db, "SELECT sum(n)::text FROM case_tally", actor: two) == ["1"])
        #expect(try Self.unfiltered(db, "SELECT sum(n)::text FROM case_domain_tally", actor: one) == ["2"])
        #expect(try Self.unfiltered(db, "SELECT sum(n)::text FROM case_domain_tally", actor: two) == ["1"])
        // Writes pass the same wall: an unfiltered UPDATE touches the actor's rows only.
        _ = try Self.unfiltered(db, "UPDATE support_case SET title = 'renamed' RETURNING title", actor: two)
        #expect(try f.detail(f.standardCase.number).supportCase.title == "Mail bounces")
    }

    /// Unread rows are each account's own: an unfiltered read shows the actor's alone, an unfiltered delete takes only
    /// theirs, and an account can't add one on a case it doesn't see.
    @Test func unreadRowsAreEachAccountsOwn() throws {
        let (f, db) = try Self.fixture()
        defer { db.close() }
        let agent = (kind: "reseller", domain: Optional(f.agent1.domainID), customer: Int64?.none, account: Optional(f.agent1.id))
        let admin = (kind: "reseller", domain: Optional(f.admin1.domainID), customer: Int64?.none, account: Optional(f.admin1.id))
        let other = (kind: "reseller", domain: Optional(f.agent2.domainID), customer: Int64?.none, account: Optional(f.agent2.id))
        // agent1 filed both domain-one cases: they are unread for admin1 and the engineer, not for agent1.
        #expect(try Self.unfiltered(db, "SELECT account_id::text FROM case_unread", actor: agent) == [])
        #expect(try Self.unfiltered(db, "SELECT DISTINCT account_id::text FROM case_unread", actor: admin) == [String(f.admin1.id)])
        #expect(try Self.unfiltered(db, "SELECT count(*)::text FROM case_unread", actor: admin) == ["2"])
        _ = try Self.unfiltered(db, "DELETE FROM case_unread RETURNING account_id::text", actor: other)
        #expect(try Self.unfiltered(db, "SELECT count(*)::text FROM case_unread", actor: admin) == ["2"], "another's delete took none")
        #expect(throws: (any Error).self) {
            _ = try Self.unfiltered(db, "INSERT INTO case_unread (account_id, case_id) VALUES (\(f.agent2.id), \(f.standardCase.id)) RETURNING '1'",
                                    actor: other)
        }
    }

    @Test func aCustomerUserSeesItsOrganisationsAndATransactionNamingNobodySeesNothing() throws {
        let (f, db) = try Self.fixture()
        defer { db.close() }
        let user = try f.store.createCustomerUser(as: f.admin1, email: "it@basic.example", name: "Bea", password: "password-c",
                                                  customer: "basic.example")
        let customer = (kind: "customer", domain: Optional(user.domainID), customer: user.customerID, account: Optional(user.id))
        #expect(try Self.unfiltered(db, "SELECT number::text FROM support_case", actor: customer) == [String(f.standardCase.number)])
        #expect(try Self.unfiltered(db, "SELECT primary_domain FROM customer", actor: customer) == ["basic.example"])
        #expect(try Self.unfiltered(db, "SELECT number::text FROM support_case", actor: nil) == [])
        #expect(try Self.unfiltered(db, "SELECT primary_domain FROM customer", actor: nil) == [])
        #expect(try Self.unfiltered(db, "SELECT content FROM draft", actor: nil) == [])
        let engineer = (kind: "engineer", domain: Int64?.none, customer: Int64?.none, account: Optional(f.engineer.id))
        #expect(try Self.unfiltered(db, "SELECT number::text FROM support_case", actor: engineer).count == 3)
    }

    @Test func theStoreRefusesARoleThePoliciesWouldNotHold() throws {
        let cluster = try PostgresCluster.shared.get()
        let database = try cluster.freshDatabase()
        defer { database.close() }
        #expect(throws: StoreError.self) { try PostgresPortalStore(address: database.address, passwordHasher: .fast) }
        do {
            _ = try PostgresPortalStore(address: database.address, passwordHasher: .fast)
        } catch {
            #expect(error.description.contains("superuser or may bypass row-level security"), "\(error)")
        }
    }
}
