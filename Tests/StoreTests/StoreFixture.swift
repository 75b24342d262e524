import Domain
import Foundation
import Synchronization
import TestScratch
@testable import Store

/// A clock the test moves by hand.
final class TestClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// Two reseller domains with an agent each, a Premium and a Standard customer on domain one,
/// a not-granted customer, and one case filed on the Standard customer.
struct StoreFixture {
    let dir: URL
    let clock = TestClock(Date(timeIntervalSince1970: 1_780_000_000))
    let store: PortalStore
    let admin1, agent1, admin2, agent2: User
    /// A support engineer (the provider side).
    let engineer: User
    let standardCase: SupportCase

    init() throws {
        dir = ScratchFolder.fresh("store")
        store = try PortalStore(path: dir.appendingPathComponent("portal.sqlite3").path, create: true, clock: clock, passwordHasher: .fast)
        (_, admin1) = try store.createDomain(name: "one.example", kind: .reseller, superAdminEmail: "admin@one.example",
                                             superAdminName: "Admin One", password: "password-1")
        (_, admin2) = try store.createDomain(as: admin1, name: "two.example", kind: .reseller, superAdminEmail: "admin@two.example",
                                             superAdminName: "Admin Two", password: "password-2")
        agent1 = try store.createUser(as: admin1, email: "agent@one.example", name: "Agent One", password: "password-a",
                                      licensed: true, roles: ["Reseller Admin"])
        agent2 = try store.createUser(as: admin2, email: "agent@two.example", name: "Agent Two", password: "password-b",
                                      licensed: true, roles: ["Reseller Admin"])
        engineer = try store.createEngineer(as: nil, email: "priya@support.example", name: "Priya", password: "password-e")
        try store.addCustomer(as: admin1, name: "Acme Premium", primaryDomain: "acme.example", tier: .premium, kind: .resold, granted: true)
        try store.addCustomer(as: admin1, name: "Basic Standard", primaryDomain: "basic.example", tier: .standard, kind: .resold, granted: true)
        try store.addCustomer(as: admin1, name: "Closed Door", primaryDomain: "closed.example", tier: .premium, kind: .resold, granted: false)
        try store.addCustomer(as: admin2, name: "Zed Corp", primaryDomain: "zed.example", tier: .enhanced, kind: .resold, granted: true)
        standardCase = try store.fileCase(as: agent1, NewCase(customer: "basic.example", title: "Mail bounces",
                                                               category: "Gmail > Delivery > Outgoing messages bounced",
                                                               description: "Outbound mail bounces with 550.", severity: .p3))
    }

    func file(_ customer: String = "acme.example", title: String = "Drive sync broken", as user: User? = nil) throws -> SupportCase {
        try store.fileCase(as: user ?? agent1, NewCase(customer: customer, title: title, category: "Gmail > Delivery > Outgoing messages bounced",
                                                       description: "Details.", severity: .p2))
    }

    func history(_ number: Int, as user: User? = nil) throws -> [HistoryEvent] {
        try store.caseDetail(as: .reseller(user ?? agent1), number: number).history
    }

    /// Row counts of every table a command may touch, to prove a refusal wrote nothing.
    func counts() throws -> [String: Int] {
        try store.read { db in
            var out: [String: Int] = [:]
            for t in ["support_case", "history", "attachment", "sharing", "feedback", "case_search", "user", "customer", "customer_access"] {
                out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)")
            }
            out["updated"] = try Int.fetchOne(db, sql: "SELECT SUM(updated_at) FROM support_case")
            return out
        }
    }
}

import Testing
@Suite struct DemoTextTests {
    /// The demo files its cases under real catalogue categories.
    @Test func demoProblemsUseCatalogueCategories() {
        for p in DemoText.problems { #expect(CategoryCatalogue.category(path: p.category) != nil, "\(p.category)") }
    }
}
