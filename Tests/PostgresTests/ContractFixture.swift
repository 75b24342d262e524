import Domain
import Foundation
import PostgresCluster
import PostgresStore
import Store
import Testing
import TestScratch

/// The two implementations of the store protocol the contract suite runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgresql
    var testDescription: String { rawValue }

    /// PostgreSQL where its programs are installed (CI requires them: `postgreSQLIsInstalledWhereCIIsSet`).
    static var available: [StoreKind] { PostgresCluster.available ? allCases : [.sqlite] }
}

/// A clock the test moves by hand.
final class TestClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// One organisation, built through the store protocol alone on either store: two reseller domains with a super
/// administrator and an agent each, a support engineer, a Premium, a Standard and a not-granted customer on domain one,
/// a customer on domain two, and one case filed for the Standard customer.
struct ContractFixture {
    let kind: StoreKind
    let clock = TestClock(Date(timeIntervalSince1970: 1_780_000_000))
    let store: any CaseStore
    /// The PostgreSQL store's database, as the store's role.
    private(set) var postgres: PostgresAddress?
    let admin1, agent1, admin2, agent2, engineer: User
    let standardCase: SupportCase

    init(_ kind: StoreKind) throws {
        self.kind = kind
        switch kind {
        case .sqlite:
            let path = ScratchFolder.fresh("contract", suffix: ".sqlite3").path
            store = try PortalStore(path: path, create: true, clock: clock, passwordHasher: .fast)
        case .postgresql:
            let cluster = try PostgresCluster.shared.get()
            let database = try cluster.freshDatabase()
            database.close()
            let address = cluster.address(database: database.address.database, user: PostgresCluster.serverRole)
            postgres = address
            store = try PostgresPortalStore(address: address, clock: clock, passwordHasher: .fast)
        }
        (_, admin1) = try store.createDomain(as: nil, name: "one.example", kind: .reseller, superAdminEmail: "admin@one.example",
                                             superAdminName: "Admin One", password: "password-1")
        (_, admin2) = try store.createDomain(as: admin1, name: "two.example", kind: .reseller, superAdminEmail: "admin@two.example",
                                             superAdminName: "Admin Two", password: "password-2")
        agent1 = try store.createUser(as: admin1, email: "agent@one.example", name: "Agent One", password: "password-a", licensed: true,
                                      roles: ["Reseller Admin"], superAdmin: false, orgUnit: nil)
        agent2 = try store.createUser(as: admin2, email: "agent@two.example", name: "Agent Two", password: "password-b", licensed: true,
                                      roles: ["Reseller Admin"], superAdmin: false, orgUnit: nil)
        engineer = try store.createEngineer(as: nil, email: "priya@support.example", name: "Priya", password: "password-e")
        _ = try store.addCustomer(as: admin1, name: "Acme Premium", primaryDomain: "acme.example", tier: .premium, kind: .resold, granted: true)
        _ = try store.addCustomer(as: admin1, name: "Basic Standard", primaryDomain: "basic.example", tier: .standard, kind: .resold,
                                  granted: true)
        _ = try store.addCustomer(as: admin1, name: "Closed Door", primaryDomain: "closed.example", tier: .premium, kind: .resold,
                                  granted: false)
        _ = try store.addCustomer(as: admin2, name: "Zed Corp", primaryDomain: "zed.example", tier: .enhanced, kind: .resold, granted: true)
        standardCase = try store.fileCase(as: agent1, NewCase(customer: "basic.example", title: "Mail bounces",
                                                              category: "Gmail > Delivery > Outgoing messages bounced",
                                                              description: "Outbound mail bounces with 550.", severity: .p3))
    }

    @discardableResult
    func file(_ customer: String = "acme.example", title: String = "Drive sync broken", description: String = "Details.",
              severity: Severity = .p2, as user: User? = nil) throws -> SupportCase {
        try store.fileCase(as: user ?? agent1, NewCase(customer: customer, title: title, category: "Gmail > Delivery > Outgoing messages bounced",
                                                       description: description, severity: severity))
    }

    func detail(_ number: Int, as actor: Actor? = nil) throws -> CaseDetail {
        try store.caseDetail(as: actor ?? .reseller(agent1), number: number)
    }

    /// Every row of a list, read a page at a time from `anchor`'s end, in the list's order.
    func all(as user: User? = nil, scope: CaseScope? = nil, filter: String = "", sort: CaseSort = .updated, limit: Int = 7,
             backward: Bool = false) throws -> [CaseRow] {
        let user = user ?? agent1
        let query = try CaseQuery(parsing: filter)
        var rows: [CaseRow] = []
        var anchor: PageAnchor = backward ? .last : .first
        for _ in 0..<1_000 {
            let page = try store.cases(as: user, scope: scope ?? .domain(user.domainID), query: query, sort: sort, page: anchor, limit: limit,
                                       cancellation: nil)
            rows = backward ? page.rows + rows : rows + page.rows
            guard page.hasMore, let edge = backward ? page.rows.first : page.rows.last else { return rows }
            anchor = backward ? .before(edge) : .after(edge)
        }
        Issue.record("the list did not end after 1,000 pages")
        return rows
    }

    func numbers(_ filter: String, as user: User? = nil, scope: CaseScope? = nil) throws -> Set<Int> {
        Set(try all(as: user, scope: scope, filter: filter, limit: 50).map(\.number))
    }

    func count(_ filter: String = "", as user: User? = nil, cap: Int = 10_000) throws -> Int {
        let user = user ?? agent1
        return try store.countCases(as: user, scope: .domain(user.domainID), query: try CaseQuery(parsing: filter), cap: cap, cancellation: nil)
    }
}

/// The refusal a call threw, or a recorded issue when it didn't refuse.
func refusal(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> Refusal? {
    do {
        try body()
        Issue.record("expected a refusal", sourceLocation: sourceLocation)
    } catch let StoreError.refused(r) {
        return r
    } catch {
        Issue.record("expected a refusal, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
